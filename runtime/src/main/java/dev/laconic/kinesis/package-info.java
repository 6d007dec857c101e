/**
 * The run-time side of Kinesis Data Streams triggers: {@link dev.laconic.kinesis.KinesisEventJson}
 * reads plain and tumbling-window events as the Lambda Java runtime would, and
 * {@link dev.laconic.kinesis.KinesisDynamoRecords} turns the records that Kinesis Data Streams for
 * DynamoDB writes into DynamoDB stream records, so typed {@code StreamChange} handlers work on a
 * Kinesis stream too.
 */
package dev.laconic.kinesis;
