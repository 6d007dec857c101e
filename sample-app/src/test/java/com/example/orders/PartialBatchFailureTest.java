package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Partial batch failures through generated adapters: {@link FailOnModify} (per record, its adapter
 * reports the first failing record) and {@link RemovalsFail} (batch, it builds its own response).
 */
class PartialBatchFailureTest {

  @BeforeEach
  void forgetEarlierCalls() {
    FailOnModify.SEEN.clear();
    RemovalsFail.lastReturned = null;
  }

  @Test
  void firstFailingRecordIsReportedAndLaterRecordsAreNotCalled() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_event.json");
    assertEquals(List.of("INSERT", "MODIFY", "REMOVE"),
        event.getRecords().stream().map(DynamodbStreamRecord::getEventName).toList());
    TestContext context = new TestContext();

    StreamsEventResponse response = new Laconic_FailOnModify_handle().handle(event, context);

    assertEquals(List.of(new BatchItemFailure("4421584500000000017450439092")),
        response.getBatchItemFailures());
    assertEquals("4421584500000000017450439092",
        response.getBatchItemFailures().get(0).getItemIdentifier());
    assertEquals(List.of("4421584500000000017450439091", "4421584500000000017450439092"),
        FailOnModify.SEEN, "the REMOVE after the failing MODIFY must not be called");
    String log = context.log();
    assertTrue(log.contains("4421584500000000017450439092"), log);
    assertTrue(log.contains("refusing MODIFY of {Id={N: 101,}}"), log);
    assertTrue(log.contains(IllegalStateException.class.getName()), log);
    assertEquals(
        "{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439092\"}]}",
        LambdaRuntimeEvents.toJson(response));
  }

  @Test
  void firstModifyOfTheBigEventIsReported() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("powertools-java__dynamo_event_big.json");
    List<DynamodbStreamRecord> records = event.getRecords();
    assertEquals(12, records.size());
    int firstModify = 0;
    while (!"MODIFY".equals(records.get(firstModify).getEventName())) {
      firstModify++;
    }
    String expected = records.get(firstModify).getDynamodb().getSequenceNumber();
    TestContext context = new TestContext();

    StreamsEventResponse response = new Laconic_FailOnModify_handle().handle(event, context);

    assertEquals(List.of(new BatchItemFailure(expected)), response.getBatchItemFailures());
    assertEquals(records.subList(0, firstModify + 1).stream()
            .map(r -> r.getDynamodb().getSequenceNumber()).toList(),
        FailOnModify.SEEN);
    assertTrue(context.log().contains(expected), context::log);
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"" + expected + "\"}]}",
        LambdaRuntimeEvents.toJson(response));
  }

  @Test
  void batchWithoutModifyHasNoFailure() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("java__dynamo_event.json");
    event.setRecords(event.getRecords().stream()
        .filter(r -> !"MODIFY".equals(r.getEventName())).toList());
    TestContext context = new TestContext();

    StreamsEventResponse response = new Laconic_FailOnModify_handle().handle(event, context);

    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(List.of("4421584500000000017450439091", "4421584500000000017450439093"),
        FailOnModify.SEEN);
    assertEquals(List.of(), context.logLines());
    assertEquals("{\"batchItemFailures\":[]}", LambdaRuntimeEvents.toJson(response));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{}", "{\"Records\":[]}", "{\"Records\":null}"})
  void eventWithoutRecordsHasNoFailure(String json) {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEventFromText(json);
    TestContext context = new TestContext();

    StreamsEventResponse response = new Laconic_FailOnModify_handle().handle(event, context);

    assertNotNull(response.getBatchItemFailures());
    assertEquals(List.of(), response.getBatchItemFailures());
    assertEquals(List.of(), FailOnModify.SEEN);
    assertEquals(List.of(), context.logLines());
    assertEquals("{\"batchItemFailures\":[]}", LambdaRuntimeEvents.toJson(response));
  }

  // A batch handler's own response goes back to Lambda unchanged.

  @Test
  void batchHandlersResponseIsPassedThroughUnchanged() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent("powertools-java__dynamo_event_big.json");
    List<BatchItemFailure> removals = event.getRecords().stream()
        .filter(r -> "REMOVE".equals(r.getEventName()))
        .map(r -> new BatchItemFailure(r.getDynamodb().getSequenceNumber()))
        .toList();
    assertEquals(4, removals.size());
    TestContext context = new TestContext();

    StreamsEventResponse response = new Laconic_RemovalsFail_handle().handle(event, context);

    assertNotNull(RemovalsFail.lastReturned);
    assertSame(RemovalsFail.lastReturned, response);
    assertEquals(removals, response.getBatchItemFailures());
    assertEquals(List.of("RemovalsFail reports 4 of 12 records"), context.logLines());
    StringBuilder json = new StringBuilder("{\"batchItemFailures\":[");
    for (int i = 0; i < removals.size(); i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"itemIdentifier\":\"").append(removals.get(i).getItemIdentifier())
          .append("\"}");
    }
    assertEquals(json.append("]}").toString(), LambdaRuntimeEvents.toJson(response));
  }

  @Test
  void batchHandlersNullResponseIsPassedThroughUnchanged() {
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEventFromText("{}");

    StreamsEventResponse response =
        new Laconic_RemovalsFail_handle().handle(event, new TestContext());

    assertNull(response);
  }
}
