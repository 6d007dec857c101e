/**
 * SQS queues as an event source: {@code @SqsTrigger}, its checks (8xx, with the queue of the
 * user's template checked as Lambda would at deploy time), its event source mapping and
 * least-privilege permissions, and its adapters, including the typed on-failure record of stream
 * mappings.
 */
package dev.laconic.processor.source.sqs;
