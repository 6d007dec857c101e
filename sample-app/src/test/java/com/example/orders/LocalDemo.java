package com.example.orders;

import dev.laconic.local.LocalRunner;
import dev.laconic.local.app.Application;
import dev.laconic.local.engine.LocalDynamoDb;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
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

        // Orders are written as the team's code writes them: with the Enhanced Client and the
        // same OrderItem class the typed function reads.
        DynamoDbTable<OrderItem> orders = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(dynamo)
            .build()
            .table("OrdersTable", TableSchema.fromBean(OrderItem.class));
        out.accept("[demo] INSERT o-1: placed, no address yet");
        orders.putItem(order("o-1", Order.Status.PLACED, false));
        out.accept("[demo] MODIFY o-1: paid, with a shipping address");
        orders.putItem(order("o-1", Order.Status.PAID, true));
        out.accept("[demo] INSERT o-2: placed");
        orders.putItem(order("o-2", Order.Status.PLACED, true));
        out.accept("[demo] REMOVE o-1");
        orders.deleteItem(Key.builder().partitionValue("o-1").build());

        // OrderAudit waits up to 5 s (its batching window) to fill a batch.
        if (!runner.awaitIdle(Duration.ofSeconds(60))) {
          throw new IllegalStateException("the functions did not finish within 60 s");
        }
      }
    }
    out.accept("[demo] Every change was handled; stopped.");
  }

  /** The demo's order {@code id}: two lines, 59.90 in all, shipped to Berlin if {@code address}. */
  static OrderItem order(String id, Order.Status status, boolean address) {
    OrderItem order = new OrderItem();
    order.setId(id);
    order.setCustomer("c-42");
    order.setStatus(status);
    if (address) {
      OrderItem.Address shipTo = new OrderItem.Address();
      shipTo.setStreet("Unter den Linden 1");
      shipTo.setCity("Berlin");
      shipTo.setPostalCode("10117");
      shipTo.setCountry("DE");
      order.setShipTo(shipTo);
    }
    order.setLines(List.of(line("book", 2, "19.95"), line("pen", 1, "20.00")));
    order.setTotal(new BigDecimal("59.90"));
    order.setPlacedAt(Instant.ofEpochSecond(1764500000));
    return order;
  }

  private static OrderItem.Line line(String sku, int quantity, String unitPrice) {
    OrderItem.Line line = new OrderItem.Line();
    line.setSku(sku);
    line.setQuantity(quantity);
    line.setUnitPrice(new BigDecimal(unitPrice));
    return line;
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
