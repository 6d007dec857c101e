/**
 * The run-time side of SQS triggers: {@link dev.laconic.sqs.SqsEventJson} reads SQS events and
 * writes partial batch responses as the Lambda Java runtime would, and
 * {@link dev.laconic.sqs.StreamFailure} reads the on-failure record a DynamoDB stream or Kinesis
 * mapping sends to its queue, for handlers that replay what a stream handler gave up on.
 */
package dev.laconic.sqs;
