/**
 * The run-time side of typed stream records and of the generated adapters' fast path:
 * {@link dev.laconic.stream.StreamChange}, which typed handlers receive, the attribute readers
 * that the mappers Laconic generates call ({@link dev.laconic.stream.ItemJson}, straight from the
 * event's JSON, with the results of {@link dev.laconic.stream.Attributes}, which reads the events
 * library's {@code AttributeValue}), and the readers and writers of DynamoDB stream events,
 * tumbling-window events and their responses.
 *
 * <p>Everything here is plain code over the events library's types: no reflection, no run-time
 * schema discovery. A value that does not fit its Java type raises a
 * {@link dev.laconic.stream.MappingException} naming the attribute path, the expected and the
 * actual type; an event that is not what its handler takes raises a
 * {@link dev.laconic.stream.MalformedEventException} naming the position.
 * {@link dev.laconic.stream.EventJson} holds the Lambda runtime's reading rules that the Kinesis
 * and SQS readers share.
 */
package dev.laconic.stream;
