/**
 * The DynamoDB operations: {@link Dispatcher} runs the one a request's {@code X-Amz-Target}
 * names, the table operations ({@link TableApi}, with {@link IndexDeclarations} and
 * {@link GlobalIndexUpdates} for secondary indexes) and the item operations ({@link ItemApi}, with
 * {@link IndexRead} for Query and Scan of an index and {@link IndexKeyChecks} for writes) here,
 * the Streams and PartiQL operations in their own packages.
 *
 * <p>Only the dispatcher is seen from outside.
 */
package dev.laconic.local.engine.api;
