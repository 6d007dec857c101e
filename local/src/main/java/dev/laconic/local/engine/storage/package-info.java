/**
 * What the engine holds: the {@link Engine} (tables, streams and their counters), each
 * {@link Table} with its items in key order ({@link ItemKey}) and its {@link SecondaryIndex}es,
 * and the rules of attribute values ({@link AttributeValues}: types, numbers, sizes, order).
 *
 * <p>Every write goes through {@link Table#write}, which keeps the indexes current and hands the
 * change to the table's stream (package {@code stream}); the stream in turn numbers its records
 * from the engine's counters and sizes them by these rules, the one pair of packages that use
 * each other.
 */
package dev.laconic.local.engine.storage;
