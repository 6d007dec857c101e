package dev.laconic.local.it;

import dev.laconic.local.engine.LocalDynamoDb;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** The tables the runner's tests stream from, and a client to read their streams back. */
final class StreamTables {

  private StreamTables() {}

  /** A table keyed by the string {@code id}, on demand, with a NEW_AND_OLD_IMAGES stream. */
  static void create(DynamoDbClient dynamo, String name) {
    dynamo.createTable(r -> r.tableName(name)
        .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
        .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
        .billingMode("PAY_PER_REQUEST")
        .streamSpecification(s -> s.streamEnabled(true)
            .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
  }

  /** A DynamoDB Streams client of {@code engine}, to close after use. */
  static DynamoDbStreamsClient streams(LocalDynamoDb engine) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.of(engine.region()))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
