package com.example.orders;

import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The sample app, run on this machine: an in-process DynamoDB with the Orders table and its
 * stream, the app's three mappings of that stream polling it as Lambda would, and a few order
 * changes. Every function's log lines are printed as it handles the records. The mappings of the
 * OrderChanges Kinesis stream and the OrderStreamFailures queue are reported and not run: their
 * functions run with {@code LocalMain invoke}. {@code mvn -pl sample-app exec:java}
 */
public final class LocalDemo {

  private LocalDemo() {}

  public static void main(String[] args) throws Exception {
    run(System.out::println);
  }

  /** Runs the demo, printing through {@code out}. */
  static void run(java.util.function.Consumer<String> out) throws Exception {
    try (LocalDynamoDb engine = LocalDynamoDb.start();
        DynamoDbClient dynamo = client(engine)) {
      // The table of the app's base template; locally a table is named after its logical id.
      dynamo.createTable(r -> r.tableName("OrdersTable")
          .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
          .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
          .billingMode("PAY_PER_REQUEST")
          .streamSpecification(s -> s.streamEnabled(true)
              .streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
      out.accept("[demo] Created table OrdersTable with a NEW_AND_OLD_IMAGES stream at "
          + engine.endpoint());

      try (LocalRunner runner = LocalRunner.builder(Application.fromClassOf(OrderEvents.class))
          .engine(engine)
          .output(out)
          .start()) {
        runner.awaitStarted(Duration.ofSeconds(10));

        out.accept("[demo] INSERT o-1: placed, no address yet");
        dynamo.putItem(r -> r.tableName("OrdersTable").item(order("o-1", "PLACED", false)));
        out.accept("[demo] MODIFY o-1: paid, with a shipping address");
        dynamo.putItem(r -> r.tableName("OrdersTable").item(order("o-1", "PAID", true)));
        out.accept("[demo] INSERT o-2: placed");
        dynamo.putItem(r -> r.tableName("OrdersTable").item(order("o-2", "PLACED", true)));
        out.accept("[demo] REMOVE o-1");
        dynamo.deleteItem(r -> r.tableName("OrdersTable")
            .key(Map.of("pk", AttributeValue.fromS("o-1"))));

        // OrderAudit waits up to 5 s (its batching window) to fill a batch.
        if (!runner.awaitIdle(Duration.ofSeconds(60))) {
          throw new IllegalStateException("the functions did not finish within 60 s");
        }
      }
    }
    out.accept("[demo] Every change was handled; stopped.");
  }

  private static Map<String, AttributeValue> order(String id, String status, boolean address) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
    item.put("pk", AttributeValue.fromS(id));
    item.put("customer", AttributeValue.fromS("c-42"));
    item.put("status", AttributeValue.fromS(status));
    if (address) {
      item.put("shipTo", AttributeValue.fromM(Map.of(
          "street", AttributeValue.fromS("Unter den Linden 1"),
          "city", AttributeValue.fromS("Berlin"),
          "zip", AttributeValue.fromS("10117"),
          "country", AttributeValue.fromS("DE"))));
    }
    item.put("lines", AttributeValue.fromL(List.of(
        AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("book"),
            "quantity", AttributeValue.fromN("2"), "unitPrice", AttributeValue.fromN("19.95"))),
        AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("pen"),
            "quantity", AttributeValue.fromN("1"), "unitPrice", AttributeValue.fromN("20.00"))))));
    item.put("total", AttributeValue.fromN("59.90"));
    item.put("placedAt", AttributeValue.fromN("1764500000"));
    return item;
  }

  private static DynamoDbClient client(LocalDynamoDb engine) {
    return DynamoDbClient.builder()
        .endpointOverride(engine.endpoint())
        .region(Region.of(engine.region()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("local", "local")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }
}
