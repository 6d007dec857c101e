/**
 * Logging with fields as Lambda's advanced logging controls read it:
 * {@link dev.laconic.logging.StructuredLog} writes a message with named values, one JSON object
 * per line with Lambda's own keys first when the function's log format is JSON, a readable
 * {@code message Key=value} line when it is Text.
 *
 * <p>A {@code LambdaLogger} that knows its format says so by implementing
 * {@link dev.laconic.logging.FormattedLogger}, as the loggers of Laconic's local runner and test
 * kit do; on Lambda the format comes from the {@code AWS_LAMBDA_LOG_FORMAT} variable the service
 * sets.
 */
package dev.laconic.logging;
