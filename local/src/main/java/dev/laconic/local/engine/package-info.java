/**
 * An in-process, in-memory DynamoDB and DynamoDB Streams endpoint for local runs and tests.
 *
 * <p>{@link dev.laconic.local.engine.LocalDynamoDb} serves the DynamoDB JSON 1.0 wire protocol
 * (<a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.LowLevelAPI.html">low-level
 * API</a>) over HTTP on the loopback interface, so the AWS SDK clients talk to it exactly as they talk to AWS. Tables
 * and items live in memory; every real change of an item is written to the table's stream, which is read with the
 * DynamoDB Streams operations, shards, iterators, expiry and trimming included.
 *
 * <p>{@link dev.laconic.local.engine.LocalDynamoDb} and {@link dev.laconic.local.engine.DynamoItems} are the public
 * face; the engine itself is in sub-packages: {@code protocol} (HTTP, request members, typed errors), {@code api}
 * (the operations), {@code expression} (condition, update and other expressions), {@code partiql} (PartiQL
 * statements), {@code storage} (tables, items, indexes, attribute values) and {@code stream} (stream records,
 * shards and the Streams operations).
 */
package dev.laconic.local.engine;
