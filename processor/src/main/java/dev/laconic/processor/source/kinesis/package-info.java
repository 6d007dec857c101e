/**
 * Kinesis data streams as an event source: {@code @KinesisTrigger}, its checks (7xx and the
 * shared stream settings of 3xx), its event source mapping and least-privilege permissions
 * (stream, enhanced fan-out consumer, on-failure destination), and its adapters, including
 * {@code StreamChange<T>} for a table's changes delivered through Kinesis Data Streams for
 * DynamoDB.
 */
package dev.laconic.processor.source.kinesis;
