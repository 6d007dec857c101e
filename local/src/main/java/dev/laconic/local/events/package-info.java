/**
 * Lambda events made up for local invocations, as {@code sam local generate-event} makes them:
 * the shapes Lambda sends for DynamoDB Streams, Kinesis and SQS, with the data you give.
 */
package dev.laconic.local.events;
