package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.junit.FunctionCalls;
import dev.laconic.junit.LaconicTest;
import dev.laconic.junit.LocalApplication;
import dev.laconic.local.InvokeResult;
import dev.laconic.local.poller.Invocation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The sample app end to end on this machine, with the JUnit kit: its Orders table in the
 * in-process DynamoDB, every mapping of the table's stream polling it, orders written as the
 * team's code writes them (the Enhanced Client and {@link OrderItem}), and what each function
 * received, returned and logged.
 */
@LaconicTest(application = OrderEvents.class)
class OrdersEndToEndTest {

  @Test
  void everyFunctionHandlesTheChangesItsMappingSelects(LocalApplication app) throws Exception {
    DynamoDbTable<OrderItem> orders = orders(app);
    orders.putItem(LocalDemo.order("o-1", Order.Status.PLACED, false));
    orders.putItem(LocalDemo.order("o-1", Order.Status.PAID, true));
    orders.putItem(LocalDemo.order("o-2", Order.Status.PLACED, true));
    orders.deleteItem(Key.builder().partitionValue("o-1").build());
    // OrderAudit waits up to 5 s (its batching window) to fill a batch.
    app.awaitDelivery();

    FunctionCalls echo = app.function("OrderEvents.echo");
    assertEquals(List.of("INSERT", "MODIFY", "INSERT", "REMOVE"),
        echo.records().stream().map(r -> r.path("eventName").asText()).toList(),
        "every change, in order");
    // logFormat = JSON: the kit's logger writes Lambda's JSON records, with the fields after.
    assertTrue(echo.logs().get(0).startsWith("{\"timestamp\":\"")
        && echo.logs().get(0).contains("\"message\":\"Request received\",\"level\":\"INFO\"")
        && echo.logs().get(0).contains("\"RequestID\":\""), echo.logs().get(0));
    JsonNode request = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(echo.logs().get(0));
    assertEquals(request.path("AWSRequestId").asText(), request.path("RequestID").asText(),
        "the request id logged as a field is the invocation's");
    assertFalse(request.path("RequestID").asText().isEmpty());
    assertEquals(echo.records().size(), echo.logs().stream()
        .filter(line -> line.contains("\"message\":\"DynamoDb Event\"")).count(),
        "one log record per stream record");

    FunctionCalls ship = app.function("OrderShipping.ship");
    // 59.90 as DynamoDB stores it, and so as its stream delivers it.
    assertEquals(List.of("SHIP o-1 to Berlin, DE: 3 items, total 59.9"), ship.logs(),
        "only the order that became PAID");
    assertEquals(List.of(), ship.invocations().get(0).batchItemFailures());

    FunctionCalls audit = app.function("OrderAudit.audit");
    assertEquals(List.of("MODIFY", "REMOVE"),
        audit.records().stream().map(r -> r.path("eventName").asText()).toList());
    assertEquals(List.of(
        "AUDIT MODIFY {pk={S: o-1,}} changed=[shipTo, status]",
        "AUDIT REMOVE {pk={S: o-1,}} changed=[customer, lines, pk, placedAt, shipTo, status,"
            + " total]"), audit.logs());
    assertEquals(List.of(), app.failures());
  }

  @Test
  void aPaidOrderWithoutAddressIsRetriedAndHoldsBackTheOrdersAfterIt(LocalApplication app) {
    DynamoDbTable<OrderItem> orders = orders(app);
    orders.putItem(LocalDemo.order("o-7", Order.Status.PAID, false));
    orders.putItem(LocalDemo.order("o-8", Order.Status.PAID, true));

    FunctionCalls ship = app.function("OrderShipping.ship");
    ship.awaitInvocations(3);
    // The mapping retries until the record is 24 hours old: delivery does not finish.
    AssertionError stuck = assertThrows(AssertionError.class,
        () -> app.awaitDelivery(Duration.ofSeconds(1)));
    assertTrue(stuck.getMessage().contains("still busy: [OrderShippingShipStreamMapping on "),
        stuck.getMessage());
    assertFalse(stuck.getMessage().contains("OrderEventsEchoStreamMapping on "),
        "the echo function has had both orders: " + stuck.getMessage());

    for (Invocation attempt : ship.invocations()) {
      String first = attempt.records().get(0).path("dynamodb").path("SequenceNumber").asText();
      assertEquals("o-7", attempt.records().get(0).path("dynamodb").path("Keys").path("pk")
          .path("S").asText(), "each retry starts at the failing order");
      assertEquals(List.of(first), attempt.batchItemFailures());
    }
    assertTrue(ship.logs().stream().noneMatch(line -> line.startsWith("SHIP o-8")),
        "o-8 waits behind o-7, as on a shard: " + ship.logs());
    assertTrue(ship.logs().stream().anyMatch(line -> line.contains("order o-7 has no shipping"
        + " address")), ship.logs().toString());
  }

  @Test
  void theTablesChangesOnItsKinesisStreamAreTracked(LocalApplication app) {
    DynamoDbTable<OrderItem> orders = orders(app);
    orders.putItem(LocalDemo.order("o-3", Order.Status.PLACED, true));
    orders.putItem(LocalDemo.order("o-3", Order.Status.PAID, true));
    app.awaitDelivery();

    // Kinesis Data Streams for DynamoDB carries the same changes the table's stream delivered;
    // there is no local Kinesis, so the event is made from them and the function invoked.
    List<KinesisChanges.Change> changes = new ArrayList<>();
    for (JsonNode record : app.function("OrderEvents.echo").records()) {
      JsonNode data = record.path("dynamodb");
      changes.add(new KinesisChanges.Change(record.path("eventID").asText(),
          record.path("eventName").asText(),
          Instant.ofEpochSecond(data.path("ApproximateCreationDateTime").asLong()),
          (ObjectNode) data.path("Keys"), (ObjectNode) data.get("NewImage"),
          (ObjectNode) data.get("OldImage")));
    }
    InvokeResult result = app.invoke("OrderTracking.track", KinesisChanges.event(changes));

    assertTrue(result.succeeded(), result.payloadText());
    List<String> tracked = app.function("OrderTrackingTrackFunction").logs();
    assertEquals(2, tracked.size(), tracked.toString());
    assertTrue(tracked.get(0).startsWith("TRACK o-3 (new) -> PLACED at "), tracked.get(0));
    assertTrue(tracked.get(1).startsWith("TRACK o-3 PLACED -> PAID at "), tracked.get(1));
    assertEquals(List.of(), app.function("OrderTracking.track").invocations().get(0)
        .batchItemFailures());
  }

  /** The Orders table as the team's code writes it: the Enhanced Client and OrderItem. */
  private static DynamoDbTable<OrderItem> orders(LocalApplication app) {
    return app.table("OrdersTable", TableSchema.fromBean(OrderItem.class));
  }
}
