/**
 * DynamoDB streams as an event source: {@code @DynamoStreamTrigger}, its checks (3xx), its event
 * source mapping and stream permissions, and its adapters.
 */
package dev.laconic.processor.source.dynamodb;
