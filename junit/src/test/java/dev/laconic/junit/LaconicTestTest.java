package dev.laconic.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.InvokeResult;
import dev.laconic.local.events.EventGenerator;
import dev.laconic.local.poller.Invocation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The kit as a team uses it: the test application's functions run on their table's stream, and
 * each test sees what they received, returned and logged.
 */
@LaconicTest
class LaconicTestTest {

  @Test
  void aWrittenNoteReachesEveryFunctionOfTheStreamThroughItsFilter(LocalApplication app) {
    put(app, "ann", "n-1", Optional.of("buy milk"));
    put(app, "ann", "n-2", Optional.empty());
    app.awaitDelivery();

    FunctionCalls index = app.function("Notes.index");
    assertEquals("NotesIndexFunction", index.logicalId());
    assertEquals(List.of("indexed n-1: buy milk"), index.logs(), "the filter keeps n-2 out");
    JsonNode record = index.records().get(0);
    assertEquals("INSERT", record.path("eventName").asText());
    assertEquals("NEW_IMAGE", record.path("dynamodb").path("StreamViewType").asText());
    assertEquals("ann", record.path("dynamodb").path("Keys").path("owner").path("S").asText());

    FunctionCalls check = app.function("NotesCheckFunction");
    assertEquals(2, check.records().size(), "no filter: both notes");
    assertTrue(check.invocations().stream().allMatch(Invocation::succeeded));
    assertEquals(List.of(), app.failures());
    assertTrue(app.output().contains("[NotesIndexFunction] indexed n-1: buy milk"),
        app.output().toString());
  }

  @Test
  void aPoisonNoteIsRetriedThenItsBatchGoesToTheFailureDestination(LocalApplication app) {
    put(app, "bob", "n-1", Optional.of("poison"));
    app.awaitDelivery();

    FunctionCalls check = app.function("Notes.check");
    assertEquals(2, check.invocations().size(), "the first attempt and one retry");
    // A per-record handler's adapter reports the failing record instead of failing the batch.
    assertEquals(List.of(), check.errors());
    String sequenceNumber = check.records().get(0).path("dynamodb").path("SequenceNumber")
        .asText();
    for (Invocation attempt : check.invocations()) {
      assertEquals(List.of(sequenceNumber), attempt.batchItemFailures());
      assertEquals(Optional.of("NotesCheckStreamMapping"), attempt.mapping());
    }
    assertTrue(check.logs().get(0).contains("IllegalStateException: poison note"),
        check.logs().toString());

    assertEquals(1, app.failures().size());
    assertEquals(app.failures(), check.discardedBatches());
    JsonNode info = app.failures().get(0).path("DDBStreamBatchInfo");
    assertEquals(1, info.path("batchSize").asInt(), app.failures().toString());
    assertEquals(List.of(), app.function("Notes.index").discardedBatches());
    assertEquals(1, app.function("Notes.archive").invocations().size(), "no retry");
    assertEquals(List.of(), app.function("Notes.archive").discardedBatches(),
        "no failure destination: Lambda drops the batch");
    assertTrue(app.output().stream().anyMatch(line -> line.startsWith("[laconic]"
        + " NotesArchiveStreamMapping: Giving up 1 record(s)") && line.contains("the mapping has"
        + " no failure destination, so Lambda would drop them.")), app.output().toString());
    assertEquals(List.of("indexed n-1: poison"), app.function("Notes.index").logs(),
        "the other function of the stream is not held up");
  }

  @Test
  void aQueueFunctionIsInvokedWithAnEventAndRecordedWithTheOthers(LocalApplication app) {
    JsonNode event = new EventGenerator().sqs(
        EventGenerator.sqsQueueArn(app.region(), "Reminders"), List.of("call mum"),
        Optional.empty());
    InvokeResult result = app.invoke("Notes.remind", event);

    assertTrue(result.succeeded(), result.payloadText());
    FunctionCalls remind = app.function("NotesRemindFunction");
    assertEquals(List.of("remind call mum"), remind.logs());
    Invocation invocation = remind.invocations().get(0);
    assertEquals(Optional.empty(), invocation.mapping());
    assertEquals("call mum", invocation.records().get(0).path("body").asText());
    assertEquals(List.of(), invocation.batchItemFailures());
  }

  @Test
  void aFunctionsOwnClientReadsTheTablesOfTheTest(LocalApplication app) {
    put(app, "eve", "n-1", Optional.of("water the plants"));
    assertEquals(List.of("lookup eve/n-1: water the plants"), lookup(app, "eve/n-1"));
  }

  @Test
  void aFunctionsStaticClientReadsTheTablesOfWhicheverTestRuns(LocalApplication app) {
    // This test and the one before use the client of a static field: the second of them to run
    // uses the client the first made, which reaches the second's database all the same.
    put(app, "fay", "n-2", Optional.of("call back"));
    assertEquals(List.of("lookup fay/n-2: call back"), lookup(app, "fay/n-2"));
    assertEquals(List.of("lookup eve/n-1: none"), lookup(app, "eve/n-1"), "each test is empty");
  }

  private static List<String> lookup(LocalApplication app, String key) {
    JsonNode event = new EventGenerator().sqs(
        EventGenerator.sqsQueueArn(app.region(), "Reminders"), List.of(key), Optional.empty());
    InvokeResult result = app.invoke("Notes.lookup", event);
    assertTrue(result.succeeded(), result.payloadText());
    List<Invocation> calls = app.function("Notes.lookup").invocations();
    return calls.get(calls.size() - 1).logs();
  }

  @Test
  void aStreamFunctionIsInvokedWithAChangeAsItsMappingDeliversIt(LocalApplication app) {
    InvokeResult result = app.invoke("Notes.check", app.streamEvent("Notes.check")
        .insert("{\"owner\": {\"S\": \"cy\"}, \"id\": {\"S\": \"n-9\"}, \"text\": {\"S\":"
            + " \"poison\"}}")
        .toJson());

    assertTrue(result.succeeded(), "a per-record handler reports the record, not an error");
    Invocation invocation = app.function("Notes.check").invocations().get(0);
    JsonNode record = invocation.records().get(0);
    assertEquals(List.of(record.path("dynamodb").path("SequenceNumber").asText()),
        invocation.batchItemFailures());
    assertEquals("{\"owner\":{\"S\":\"cy\"},\"id\":{\"S\":\"n-9\"}}",
        record.path("dynamodb").path("Keys").toString(), "the table's key schema");
    assertFalse(record.path("dynamodb").has("OldImage"), "NEW_IMAGE");
  }

  @Test
  void aTableIsNamedByItsLogicalIdAndUnknownNamesAreRefused(LocalApplication app) {
    assertEquals("NotesTable", app.tableName("NotesTable"));
    assertTrue(app.dynamoDb().listTables().tableNames().contains("NotesTable"));
    IllegalArgumentException noTable = assertThrows(IllegalArgumentException.class,
        () -> app.tableName("NoteFailures"));
    assertEquals("The template has no table NoteFailures.", noTable.getMessage());
    assertThrows(IllegalArgumentException.class, () -> app.function("Notes.nothing"));
  }

  @Test
  void awaitingWhatCannotBeDeliveredInTimeFailsWithWhatIsBusy(LocalApplication app) {
    // The poison note's first attempt fails; its retry waits 10 ms, longer than this wait.
    put(app, "dee", "n-1", Optional.of("poison"));
    AssertionError late = assertThrows(AssertionError.class,
        () -> app.awaitDelivery(Duration.ofNanos(1)));
    assertTrue(late.getMessage().startsWith("Not everything written was delivered within 0 ms"),
        late.getMessage());
    app.awaitDelivery();
  }

  static void put(LocalApplication app, String owner, String id, Optional<String> text) {
    Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
    item.put("owner", AttributeValue.fromS(owner));
    item.put("id", AttributeValue.fromS(id));
    text.ifPresent(t -> item.put("text", AttributeValue.fromS(t)));
    app.dynamoDb().putItem(r -> r.tableName(app.tableName("NotesTable")).item(item));
  }
}
