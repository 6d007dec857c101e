package dev.laconic.local.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** SDK clients for an engine and small helpers shared by the tests. */
final class TestSupport {
  private static final AtomicInteger NAMES = new AtomicInteger();
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret"));

  private TestSupport() {
  }

  /** A DynamoDB client for the engine; retries are off so a wrong status code fails at once. */
  static DynamoDbClient dynamo(LocalDynamoDb engine) {
    return DynamoDbClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.of(engine.region()))
        .credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  static DynamoDbStreamsClient streams(LocalDynamoDb engine) {
    return DynamoDbStreamsClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.of(engine.region()))
        .credentialsProvider(CREDENTIALS)
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(DefaultRetryStrategy.doNotRetry()))
        .build();
  }

  static String uniqueName(String prefix) {
    return prefix + "-" + NAMES.incrementAndGet();
  }

  static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  /**
   * Creates an on-demand table keyed by {@code pk} (S), plus {@code sk} (S) when {@code withSortKey}; with a
   * stream when {@code viewType} is not null. Returns the stream ARN or null.
   */
  static String createTable(DynamoDbClient dynamo, String name, boolean withSortKey, StreamViewType viewType) {
    return dynamo.createTable(b -> {
      List<KeySchemaElement> keys = new ArrayList<>();
      List<AttributeDefinition> definitions = new ArrayList<>();
      keys.add(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build());
      definitions.add(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build());
      if (withSortKey) {
        keys.add(KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build());
        definitions.add(
            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build());
      }
      b.tableName(name).keySchema(keys).attributeDefinitions(definitions).billingMode(BillingMode.PAY_PER_REQUEST);
      if (viewType != null) {
        b.streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType));
      }
    }).tableDescription().latestStreamArn();
  }

  /** Every record of one shard from TRIM_HORIZON, reading until the shard ends or a read returns nothing. */
  static List<Record> readShard(DynamoDbStreamsClient streams, String streamArn, String shardId) {
    String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
    List<Record> records = new ArrayList<>();
    while (iterator != null) {
      String current = iterator;
      GetRecordsResponse response = streams.getRecords(b -> b.shardIterator(current));
      records.addAll(response.records());
      iterator = response.records().isEmpty() ? null : response.nextShardIterator();
    }
    return records;
  }

  /** Every record of the stream, shard by shard in DescribeStream order (parents before children). */
  static List<Record> readStream(DynamoDbStreamsClient streams, String streamArn) {
    List<Record> records = new ArrayList<>();
    for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
      records.addAll(readShard(streams, streamArn, shard.shardId()));
    }
    return records;
  }
}
