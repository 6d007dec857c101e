/**
 * Readers for the record mappers of classes annotated for the AWS SDK's DynamoDB Enhanced Client
 * ({@code @DynamoDbBean}, {@code @DynamoDbImmutable}): attribute values read straight from the
 * event's JSON into exactly what the Enhanced Client's converters give after the Lambda events
 * transformer, where Laconic's own readers ({@code dev.laconic.stream.Attributes}) follow
 * Laconic's stricter rules.
 *
 * <p>Only mappers of such classes load this package, and it needs the SDK
 * ({@code software.amazon.awssdk:dynamodb-enhanced}), an optional dependency of the run-time
 * library that those handlers already have.
 */
package dev.laconic.enhanced;
