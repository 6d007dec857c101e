package relay;

/**
 * An item of the table whose changes Kinesis Data Streams for DynamoDB writes in
 * powertools-ts__dynamodb-stream.json: a string key {@code id} and a string {@code data}.
 */
public record Item(String id, String data) {}
