package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import dev.laconic.stream.StreamChange;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Kinesis handler shape, driven with real Kinesis events through both adapter flavors: the
 * handlers see the same records in the same order, the responses are the same bytes, and a
 * failure is reported by the Kinesis sequence number of the record that failed.
 */
class KinesisAdaptersTest {

  /** Every plain Kinesis event of the test resources; all are valid, all have records. */
  static final List<String> EVENTS = List.of("go__kinesis-event.json", "java__kinesis_event.json",
      "powertools-java__kinesis_event.json", "powertools-python__kinesisStreamEvent.json",
      "powertools-ts__dynamodb-stream.json");

  /** The events whose data is not a DynamoDB change record. */
  static final List<String> NOT_CHANGES = EVENTS.subList(0, 4);

  static final String WINDOW_EVENT = "java__kinesis_time_window_event.json";
  static final String CHANGES = "powertools-ts__dynamodb-stream.json";
  /** The ids of the items in {@link #CHANGES}, in record order. */
  static final List<String> ITEM_IDS = List.of("record-1qit2y819gi", "record-fvxn3q4q5jw");

  static final List<String> PER_RECORD = List.of("Clicks_record", "Clicks_recordWithContext");
  static final List<String> BATCH_RESPONSE =
      List.of("Clicks_batchResponse", "Clicks_batchResponseWithContext");
  static final List<String> VOID_BATCH = List.of("Clicks_batch", "Clicks_batchWithContext");
  static final List<String> CHANGE = List.of("Items_change", "Items_changeWithContext");
  static final List<String> WINDOW = List.of("Clicks_window", "Clicks_windowWithContext");

  @TempDir static Path directory;
  static BothPaths paths;

  @BeforeAll
  static void deploy() throws IOException {
    paths = BothPaths.deploy(directory);
  }

  @AfterAll
  static void undeploy() throws IOException {
    paths.close();
  }

  static Stream<Arguments> eventsAnd(List<String> events, List<String> functions) {
    return events.stream().flatMap(e -> functions.stream().map(f -> Arguments.of(f, e)));
  }

  static Stream<Arguments> perRecord() {
    return eventsAnd(EVENTS, PER_RECORD);
  }

  static Stream<Arguments> batchResponse() {
    return eventsAnd(EVENTS, BATCH_RESPONSE);
  }

  static Stream<Arguments> voidBatch() {
    return eventsAnd(EVENTS, VOID_BATCH);
  }

  /** Each record of each event poisoned in turn, for every per-record function. */
  static Stream<Arguments> perRecordPoisoned() {
    return perRecord().flatMap(a -> {
      String event = (String) a.get()[1];
      return Events.sequenceNumbers(event).stream()
          .map(poison -> Arguments.of(a.get()[0], event, poison));
    });
  }

  static Stream<Arguments> batchResponsePoisoned() {
    return batchResponse().flatMap(a -> {
      String event = (String) a.get()[1];
      return Events.sequenceNumbers(event).stream()
          .map(poison -> Arguments.of(a.get()[0], event, poison));
    });
  }

  static Stream<Arguments> voidBatchPoisoned() {
    return voidBatch().flatMap(a -> {
      String event = (String) a.get()[1];
      return Events.sequenceNumbers(event).stream()
          .map(poison -> Arguments.of(a.get()[0], event, poison));
    });
  }

  private static List<String> sequenceNumbersOf(List<Object> records) {
    List<String> sequenceNumbers = new ArrayList<>();
    for (Object record : records) {
      sequenceNumbers.add(((KinesisEvent.KinesisEventRecord) record).getKinesis()
          .getSequenceNumber());
    }
    return sequenceNumbers;
  }

  // ---------------------------------------------------------------------------------------------
  // void m(KinesisEvent.KinesisEventRecord[, Context])

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("perRecord")
  void perRecordHandlersSeeEveryRecordInOrderAndReportNoFailure(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of());
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(Events.sequenceNumbers(event), sequenceNumbersOf(run.inputs()));
  }

  @ParameterizedTest(name = "{0} {1} poison {2}")
  @MethodSource("perRecordPoisoned")
  void perRecordHandlersStopAtThePoisonAndReportItsSequenceNumber(String function, String event,
      String poison) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of(poison));
    assertEquals(List.of(poison), run.failedIds());
    List<String> all = Events.sequenceNumbers(event);
    assertEquals(all.subList(0, all.indexOf(poison) + 1), sequenceNumbersOf(run.inputs()),
        "the records up to the poison, none after it");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Clicks_record", "Clicks_recordWithContext"})
  void onlyTheFirstOfSeveralFailuresIsReported(String function) {
    String event = "powertools-python__kinesisStreamEvent.json";
    List<String> all = Events.sequenceNumbers(event);
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.copyOf(all));
    assertEquals(List.of(all.get(0)), run.failedIds());
    assertEquals(all.subList(0, 1), sequenceNumbersOf(run.inputs()));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Clicks_record", "Clicks_recordWithContext"})
  void aFailureIsReportedBySequenceNumberNotByEventId(String function) {
    // Both records of this file share one eventID, which ends in the first sequence number.
    String event = "powertools-java__kinesis_event.json";
    List<String> all = Events.sequenceNumbers(event);
    assertEquals(List.of("49545115243490985018280067714973144582180062593244200961",
        "49545115243490985018280067714973144582180062593244200962"), all);
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of(all.get(1)));
    assertEquals(List.of(all.get(1)), run.failedIds());
    assertTrue(run.invocation().log().contains("Clicks." + function.substring(7)
        + " failed on record with sequence number " + all.get(1)), run.invocation().log());
  }

  // ---------------------------------------------------------------------------------------------
  // StreamsEventResponse m(KinesisEvent[, Context])

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("batchResponse")
  void batchHandlersAnswerWithTheirOwnResponse(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of());
    // One answers an empty list, the other a response without one.
    assertEquals(function.endsWith("WithContext") ? "{}" : "{\"batchItemFailures\":[]}",
        run.response());
    assertEquals(1, run.inputs().size());
    KinesisEvent seen = (KinesisEvent) run.inputs().get(0);
    assertEquals(Events.sequenceNumbers(event), sequenceNumbersOf(List.copyOf(seen.getRecords())));
  }

  @ParameterizedTest(name = "{0} {1} poison {2}")
  @MethodSource("batchResponsePoisoned")
  void batchHandlersReportWhatTheyChoose(String function, String event, String poison) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of(poison));
    assertEquals(List.of(poison), run.failedIds());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Clicks_batchResponse", "Clicks_batchResponseWithContext"})
  void batchHandlersMayReportEveryRecord(String function) {
    for (String event : EVENTS) {
      List<String> all = Events.sequenceNumbers(event);
      assertEquals(all, paths.invoke(function, Events.bytes(event), Set.copyOf(all)).failedIds());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // void m(KinesisEvent[, Context])

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("voidBatch")
  void voidBatchHandlersAnswerNull(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of());
    assertEquals("null", run.response());
    KinesisEvent seen = (KinesisEvent) run.inputs().get(0);
    assertEquals(Events.sequenceNumbers(event), sequenceNumbersOf(List.copyOf(seen.getRecords())));
  }

  @ParameterizedTest(name = "{0} {1} poison {2}")
  @MethodSource("voidBatchPoisoned")
  void voidBatchHandlersFailTheWholeBatchAlike(String function, String event, String poison) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of(poison));
    Throwable failure = run.failure();
    if (function.equals("Clicks_batch")) {
      // It declares IOException: the adapter wraps it, as RequestHandler declares none.
      assertInstanceOf(RuntimeException.class, failure);
      assertEquals("Clicks.batch failed", failure.getMessage());
      assertInstanceOf(IOException.class, failure.getCause());
      assertEquals("poison: " + poison, failure.getCause().getMessage());
    } else {
      assertInstanceOf(IllegalStateException.class, failure);
      assertEquals("poison: " + poison, failure.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // void m(StreamChange<T>[, Context]): Kinesis Data Streams for DynamoDB

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Items_change", "Items_changeWithContext"})
  void changesAreTheTablesItemsWithTheKinesisSequenceNumbers(String function) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(CHANGES), Set.of());
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    List<String> sequenceNumbers = Events.sequenceNumbers(CHANGES);
    List<String> items = List.of("Item[id=record-1qit2y819gi, data=data-x6aq7ckdpgk]",
        "Item[id=record-fvxn3q4q5jw, data=data-4eompjs89n5]");
    assertEquals(2, run.inputs().size());
    for (int i = 0; i < 2; i++) {
      StreamChange<?> change = (StreamChange<?>) run.inputs().get(i);
      assertEquals(StreamChange.EventName.INSERT, change.eventName());
      assertEquals(items.get(i), change.newImage().orElseThrow().toString());
      assertTrue(change.oldImage().isEmpty());
      assertEquals(sequenceNumbers.get(i), change.sequenceNumber());
      assertEquals(Instant.ofEpochMilli(1731924555370L), change.approximateCreationTime());
      assertEquals(60, change.sizeBytes());
      assertEquals(ITEM_IDS.get(i), change.keys().get("id").getS());
      assertEquals("arn:aws:kinesis:eu-west-1:1234567789012:stream/"
          + "PowertoolsEventsStack-KinesisStream46752A3E-u0C9B3ZKjgG0",
          change.record().getEventSourceARN());
    }
  }

  @ParameterizedTest(name = "{0} poison {1}")
  @MethodSource("changesPoisoned")
  void aFailingChangeIsReportedByItsKinesisSequenceNumber(String function, int poisoned) {
    BothPaths.Run run =
        paths.invoke(function, Events.bytes(CHANGES), Set.of(ITEM_IDS.get(poisoned)));
    assertEquals(List.of(Events.sequenceNumbers(CHANGES).get(poisoned)), run.failedIds());
    assertEquals(poisoned + 1, run.inputs().size());
  }

  static Stream<Arguments> changesPoisoned() {
    return CHANGE.stream().flatMap(f -> Stream.of(Arguments.of(f, 0), Arguments.of(f, 1)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("notChanges")
  void dataThatIsNoChangeFailsTheFirstRecordBeforeTheHandlerRuns(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of());
    String first = Events.sequenceNumbers(event).get(0);
    assertEquals(List.of(first), run.failedIds());
    assertEquals(List.of(), run.inputs());
    assertTrue(run.invocation().log().contains("failed on record with sequence number " + first),
        run.invocation().log());
  }

  static Stream<Arguments> notChanges() {
    return eventsAnd(NOT_CHANGES, CHANGE);
  }

  // ---------------------------------------------------------------------------------------------
  // TimeWindowEventResponse m(KinesisTimeWindowEvent[, Context])

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Clicks_window", "Clicks_windowWithContext"})
  void windowHandlersSeeTheWindowAndAnswerTheirState(String function) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(WINDOW_EVENT), Set.of());
    String sequenceNumber = Events.sequenceNumbers(WINDOW_EVENT).get(0);
    // The state in the order the handler put it, without the entry whose value is null; no
    // failures, and no list of them.
    assertEquals("{\"state\":{\"records\":\"1\",\"last\":\"" + sequenceNumber + "\","
        + "\"was-2\":\"715\",\"was-1\":\"282\"}}", run.response());
    KinesisTimeWindowEvent window = (KinesisTimeWindowEvent) run.inputs().get(0);
    assertEquals("2020-12-09T07:04:00Z", window.getWindow().getStart());
    assertEquals("2020-12-09T07:06:00Z", window.getWindow().getEnd());
    assertEquals("{1=282, 2=715}", window.getState().toString());
    assertEquals("shardId-000000000006", window.getShardId());
    assertEquals(List.of(sequenceNumber), sequenceNumbersOf(List.copyOf(window.getRecords())));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Clicks_window", "Clicks_windowWithContext"})
  void windowHandlersReportTheirFailures(String function) {
    String sequenceNumber = Events.sequenceNumbers(WINDOW_EVENT).get(0);
    BothPaths.Run run = paths.invoke(function, Events.bytes(WINDOW_EVENT), Set.of(sequenceNumber));
    assertEquals(List.of(sequenceNumber), run.failedIds());
    assertEquals("1", run.responseJson().path("state").path("records").asText());
  }

  // ---------------------------------------------------------------------------------------------
  // The adapters

  @Test
  void everyShapeHasAnAdapterOfEachFlavor() throws IOException {
    List<String> functions = new ArrayList<>();
    Stream.of(PER_RECORD, BATCH_RESPONSE, VOID_BATCH, CHANGE, WINDOW).forEach(functions::addAll);
    for (String function : functions) {
      Class<?> streamAdapter = paths.stream.adapter(function);
      assertTrue(RequestStreamHandler.class.isAssignableFrom(streamAdapter), function);
      Type[] types = Deployment.requestHandlerTypes(paths.requestHandler.adapter(function));
      boolean window = WINDOW.contains(function);
      assertEquals(window ? KinesisTimeWindowEvent.class : KinesisEvent.class, types[0],
          function);
      assertEquals(window ? TimeWindowEventResponse.class : StreamsEventResponse.class, types[1],
          function);
    }
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      List<String> generated = deployment.generatedSources();
      assertTrue(generated.contains("relay/ItemStreamMapper.java"), generated.toString());
      for (String function : functions) {
        assertTrue(generated.contains("relay/Laconic_" + function + ".java"),
            deployment + " " + generated);
      }
    }
  }

  @Test
  void theMappingsAskForPartialFailuresWhereTheAdaptersAnswerThem() throws IOException {
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      Map<String, Boolean> reports = deployment.reportsBatchItemFailures();
      for (List<String> functions : List.of(PER_RECORD, BATCH_RESPONSE, CHANGE, WINDOW)) {
        for (String function : functions) {
          assertEquals(true, reports.get(function), deployment + " " + function);
        }
      }
      // A void handler of the whole batch answers null: success is returning, failure throwing.
      for (String function : VOID_BATCH) {
        assertEquals(false, reports.get(function), deployment + " " + function);
      }
    }
  }
}
