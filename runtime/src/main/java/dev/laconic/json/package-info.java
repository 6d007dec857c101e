/**
 * JSON values as the user's own types: {@link dev.laconic.json.JsonValues}, the readers that
 * generated readers call for an SQS message body or a Kinesis record's data holding JSON, with
 * the same rules as the DynamoDB attribute readers and the same {@code MappingException} naming
 * the path of a value that does not fit.
 */
package dev.laconic.json;
