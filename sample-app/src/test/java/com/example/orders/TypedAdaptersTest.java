package com.example.orders;

import static com.example.orders.DynamoJson.l;
import static com.example.orders.DynamoJson.m;
import static com.example.orders.DynamoJson.n;
import static com.example.orders.DynamoJson.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.example.orders.TypedHandlers.Message;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.stream.StreamChange;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapters of typed handlers, driven by events as the Lambda runtime deserializes them: which
 * records a handler sees, and how a failure in mapping or in the handler becomes a partial batch
 * failure at the record's sequence number.
 */
class TypedAdaptersTest {

  @BeforeEach
  void forgetEarlierCalls() {
    TypedHandlers.clear();
  }

  @Test
  void newImageHandlersSeeInsertsAndModifiesButNoRemoves() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_event.json");
    StreamsEventResponse response =
        new Laconic_TypedHandlers_onMessage().handle(event, new TestContext());
    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(List.of(new Message(101, "New item!"), new Message(101, "This item has changed")),
        TypedHandlers.IMAGES);
  }

  @Test
  void changeHandlersSeeEveryRecordWithBothImages() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_event.json");
    new Laconic_TypedHandlers_onChange().handle(event, new TestContext());
    List<StreamChange<Message>> changes = TypedHandlers.CHANGES;
    assertEquals(List.of(StreamChange.EventName.INSERT, StreamChange.EventName.MODIFY,
        StreamChange.EventName.REMOVE), changes.stream().map(StreamChange::eventName).toList());
    assertEquals(Optional.empty(), changes.get(0).oldImage());
    assertEquals(Optional.of(new Message(101, "New item!")), changes.get(1).oldImage());
    assertEquals(Optional.of(new Message(101, "This item has changed")),
        changes.get(2).oldImage());
    assertEquals(Optional.empty(), changes.get(2).newImage());
  }

  @Test
  void aRecordThatDoesNotMapFailsAloneAtItsSequenceNumber() {
    byte[] event = DynamoJson.event(List.of(
        message("INSERT", "1", n("1"), "first"),
        message("INSERT", "2", s("two"), "second"),
        message("INSERT", "3", n("3"), "third")));
    TestContext context = new TestContext();
    StreamsEventResponse response = new Laconic_TypedHandlers_onMessage()
        .handle(LambdaRuntimeEvents.dynamodbEvent(event), context);

    assertEquals(List.of(new BatchItemFailure("2")), response.getBatchItemFailures());
    assertEquals(List.of(new Message(1, "first")), TypedHandlers.IMAGES,
        "records after the failing one are not handled");
    assertTrue(context.log().contains("Cannot map the NewImage of the record with sequence number"
        + " 2: message.Id: expected N (long), found S \"two\""), context.log());
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"2\"}]}",
        LambdaRuntimeEvents.toJson(response));
  }

  @Test
  void aHandlerThatThrowsFailsAtItsRecord() {
    byte[] event = DynamoJson.event(List.of(
        message("INSERT", "10", n("1"), "fine"),
        message("MODIFY", "11", n("1"), "fail"),
        message("REMOVE", "12", n("1"), null)));
    StreamsEventResponse response = new Laconic_TypedHandlers_onMessage()
        .handle(LambdaRuntimeEvents.dynamodbEvent(event), new TestContext());
    assertEquals(List.of(new BatchItemFailure("11")), response.getBatchItemFailures());
    assertEquals(2, TypedHandlers.IMAGES.size());
  }

  @Test
  void anInsertWithoutNewImageFailsAndSaysWhichStreamViewTypeIsNeeded() {
    ObjectNode keysOnly = DynamoJson.record("INSERT", "20",
        DynamoJson.item(Map.of("Id", n("5"))), null, null);
    TestContext context = new TestContext();
    StreamsEventResponse response = new Laconic_TypedHandlers_onMessage().handle(
        LambdaRuntimeEvents.dynamodbEvent(DynamoJson.event(List.of(keysOnly))), context);
    assertEquals(List.of(new BatchItemFailure("20")), response.getBatchItemFailures());
    assertTrue(context.log().contains("The INSERT record with sequence number 20 has no NewImage."
        + " The stream's view type must be NEW_IMAGE or NEW_AND_OLD_IMAGES"), context.log());
  }

  @Test
  void theSampleShippingFunctionReadsTypedOrders() {
    byte[] event = DynamoJson.event(List.of(
        order("30", "o-1", true),
        order("31", "o-2", false),
        order("32", "o-3", true)));
    TestContext context = new TestContext();
    StreamsEventResponse response = new Laconic_OrderShipping_ship()
        .handle(LambdaRuntimeEvents.dynamodbEvent(event), context);
    assertEquals(List.of(new BatchItemFailure("31")), response.getBatchItemFailures());
    assertTrue(context.log().contains("SHIP o-1 to Berlin, DE: 3 items, total 59.90"),
        context.log());
    assertTrue(context.log().contains("order o-2 has no shipping address"), context.log());
    assertTrue(!context.log().contains("o-3"), "not called after the failure");

    OrderItem order = OrderItemStreamMapper.fromNewImage(
        LambdaRuntimeEvents.dynamodbEvent(event).getRecords().get(0));
    assertEquals(Order.Status.PAID, order.getStatus());
    assertEquals("10117", order.getShipTo().getPostalCode());
    assertEquals(List.of("book", "pen"),
        order.getLines().stream().map(OrderItem.Line::getSku).toList());
    assertEquals(new BigDecimal("20.00"), order.getLines().get(1).getUnitPrice());
    assertEquals(new BigDecimal("59.90"), order.getTotal());
  }

  private static ObjectNode message(String eventName, String sequenceNumber, JsonNode id,
      String text) {
    Map<String, JsonNode> image = new LinkedHashMap<>();
    image.put("Id", id);
    image.put("Message", s(text == null ? "" : text));
    ObjectNode item = DynamoJson.item(image);
    return DynamoJson.record(eventName, sequenceNumber, DynamoJson.item(Map.of("Id", id)),
        eventName.equals("REMOVE") ? null : item, eventName.equals("INSERT") ? null : item);
  }

  private static ObjectNode order(String sequenceNumber, String id, boolean withAddress) {
    Map<String, JsonNode> image = new LinkedHashMap<>();
    image.put("pk", s(id));
    image.put("customer", s("c-9"));
    image.put("status", s("PAID"));
    if (withAddress) {
      image.put("shipTo", m(Map.of("street", s("Unter den Linden 1"), "city", s("Berlin"),
          "zip", s("10117"), "country", s("DE"))));
    }
    image.put("lines", l(List.of(
        m(Map.of("sku", s("book"), "quantity", n("2"), "unitPrice", n("19.95"))),
        m(Map.of("sku", s("pen"), "quantity", n("1"), "unitPrice", n("20.00"))))));
    image.put("total", n("59.90"));
    image.put("placedAt", s("2023-11-14T22:13:20Z")); // as the Enhanced Client writes an Instant
    image.put("tags", DynamoJson.ss(List.of("gift")));
    return DynamoJson.record("MODIFY", sequenceNumber, DynamoJson.item(Map.of("pk", s(id))),
        DynamoJson.item(image), DynamoJson.item(image));
  }
}
