package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.junit.DynamoStreamEvent;
import dev.laconic.junit.FunctionContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * {@code OrderShipping.ship}'s adapter alone, on events the kit makes from the team's own
 * {@link OrderItem}s as the Orders table's stream would carry them: no database, no runner.
 */
class OrderShippingUnitTest {

  static final TableSchema<OrderItem> ORDERS = TableSchema.fromBean(OrderItem.class);

  @Test
  void aPaidOrderIsShipped() throws IOException {
    FunctionContext context = FunctionContext.of(OrderShipping.class, "OrderShipping.ship");
    JsonNode response = invoke(DynamoStreamEvent.forFunction(OrderShipping.class,
            "OrderShipping.ship")
        .modify(ORDERS, LocalDemo.order("o-1", Order.Status.PLACED, true),
            LocalDemo.order("o-1", Order.Status.PAID, true))
        .toBytes(), context);

    assertEquals("{\"batchItemFailures\":[]}", response.toString());
    assertEquals(List.of("SHIP o-1 to Berlin, DE: 3 items, total 59.9"), context.logs(),
        "the event has the total as the stream would: 59.9");
    assertEquals(512, context.getMemoryLimitInMB(), "the function's memory, from the template");
  }

  @Test
  void anOrderWithoutAddressIsReportedAloneByItsSequenceNumber() throws IOException {
    byte[] event = DynamoStreamEvent.forFunction(OrderShipping.class, "OrderShipping.ship")
        .insert(ORDERS, LocalDemo.order("o-1", Order.Status.PAID, true))
        .insert(ORDERS, LocalDemo.order("o-2", Order.Status.PAID, false))
        .insert(ORDERS, LocalDemo.order("o-3", Order.Status.PAID, true))
        .toBytes();
    String second = new ObjectMapper().readTree(event).path("Records").get(1).path("dynamodb")
        .path("SequenceNumber").asText();

    JsonNode response = invoke(event, FunctionContext.create());

    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + second + "\"}]}",
        response.toString(), "o-2 fails; o-3 is left for the retry, in stream order");
  }

  private static JsonNode invoke(byte[] event, Context context) throws IOException {
    ByteArrayOutputStream response = new ByteArrayOutputStream();
    new Laconic_OrderShipping_ship().handleRequest(new ByteArrayInputStream(event), response,
        context);
    return new ObjectMapper().readTree(response.toByteArray());
  }
}
