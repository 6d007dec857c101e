/**
 * The run-time side of SQS triggers: {@link dev.laconic.sqs.SqsEventJson} reads SQS events and
 * writes partial batch responses as the Lambda Java runtime would.
 */
package dev.laconic.sqs;
