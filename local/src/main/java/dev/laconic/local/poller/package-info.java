/**
 * The event source mapping, run locally: polls each shard of a DynamoDB stream through the AWS
 * SDK, filters and batches records, invokes the function with the event Lambda would send, and
 * applies the mapping's retry, bisect, record-age, partial-batch and on-failure settings. See
 * https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html.
 */
package dev.laconic.local.poller;
