/**
 * DynamoDB Streams: a table's {@link Stream} of change records in {@link Shard}s, numbered by
 * {@link SequenceNumbers}, trimmed after 24 hours, and read through the Streams operations
 * ({@link StreamApi}) with {@link ShardIterator}s that expire after 15 minutes.
 *
 * <p>Only the stream and its operations are seen from outside: a table appends to its stream,
 * the operations are dispatched to; shards, iterators and sequence numbers stay inside.
 */
package dev.laconic.local.engine.stream;
