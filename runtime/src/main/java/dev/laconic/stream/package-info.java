/**
 * The run-time side of typed stream records: {@link dev.laconic.stream.StreamChange}, which typed
 * handlers receive, and the attribute readers that the mappers Laconic generates call.
 *
 * <p>Everything here is plain code over the events library's {@code AttributeValue}: no
 * reflection, no run-time schema discovery. A value that does not fit its Java type raises a
 * {@link dev.laconic.stream.MappingException} naming the attribute path, the expected and the
 * actual DynamoDB type.
 */
package dev.laconic.stream;
