package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.laconic.sqs.StreamFailure;
import dev.laconic.stream.MalformedEventException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
 * Every SQS handler shape, driven with real SQS events through both adapter flavors: the
 * handlers see the same messages in the same order, the responses are the same bytes, and
 * failures are reported by message id, every failed message on a standard queue, the first
 * failure and every later message, unhandled, on a FIFO queue.
 */
class SqsAdaptersTest {

  /** Every SQS event of the test resources the Lambda runtime accepts. */
  static final List<String> EVENTS = List.of("go__sqs-event.json", "java__sqs_event_product.json",
      "powertools-java__sqs_fifo_event.json");

  /** Three messages of one message group of a FIFO queue. */
  static final String FIFO = "powertools-java__sqs_fifo_event.json";

  /**
   * An event the runtime's serializer rejects: the message attribute {@code testAttr} has the
   * {@code binaryValue} {@code "base64Str"}, which is not base64.
   */
  static final String REJECTED = "powertools-python__sqsEvent.json";

  /** The on-failure record of a DynamoDB stream mapping. */
  static final String FAILURE_RECORD = "powertools-python__dynamoStreamLambdaInvocationEvent.json";

  static final List<String> PER_MESSAGE = List.of("Orders_message", "Orders_messageWithContext");
  static final List<String> BATCH_RESPONSE =
      List.of("Orders_batchResponse", "Orders_batchResponseWithContext");
  static final List<String> VOID_BATCH = List.of("Orders_batch", "Orders_batchWithContext");
  static final List<String> STREAM_FAILURE =
      List.of("Replays_failure", "Replays_failureWithContext");

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

  static Stream<Arguments> eventsAnd(List<String> functions) {
    return EVENTS.stream().flatMap(e -> functions.stream().map(f -> Arguments.of(f, e)));
  }

  static Stream<Arguments> perMessage() {
    return eventsAnd(PER_MESSAGE);
  }

  static Stream<Arguments> batchResponse() {
    return eventsAnd(BATCH_RESPONSE);
  }

  static Stream<Arguments> voidBatch() {
    return eventsAnd(VOID_BATCH);
  }

  /** Each message of the FIFO event poisoned in turn, for every per-message function. */
  static Stream<Arguments> fifoPoisoned() {
    return PER_MESSAGE.stream().flatMap(f -> IntStream.range(0, 3)
        .mapToObj(i -> Arguments.of(f, i)));
  }

  /**
   * Every non-empty set of the three messages, as the indexes of the messages, for every
   * function of {@code functions}.
   */
  static Stream<Arguments> subsetsFor(List<String> functions) {
    return functions.stream().flatMap(f -> IntStream.range(1, 8).mapToObj(bits -> {
      List<Integer> indexes = IntStream.range(0, 3).filter(i -> (bits & (1 << i)) != 0).boxed()
          .collect(Collectors.toList());
      return Arguments.of(f, indexes);
    }));
  }

  static Stream<Arguments> perMessageSubsets() {
    return subsetsFor(PER_MESSAGE);
  }

  static Stream<Arguments> batchResponseSubsets() {
    return subsetsFor(BATCH_RESPONSE);
  }

  /**
   * The three messages of the FIFO event as a standard queue delivers them: the file's own,
   * from a queue whose name does not end in {@code .fifo}, without {@code MessageGroupId}.
   */
  static byte[] standard() {
    return Events.sqsStandard(FIFO, null);
  }

  private static List<String> messageIdsOf(List<Object> messages) {
    List<String> ids = new ArrayList<>();
    for (Object message : messages) {
      ids.add(((SQSEvent.SQSMessage) message).getMessageId());
    }
    return ids;
  }

  private static List<String> pick(List<String> all, List<Integer> indexes) {
    return indexes.stream().map(all::get).collect(Collectors.toList());
  }

  // ---------------------------------------------------------------------------------------------
  // void m(SQSEvent.SQSMessage[, Context])

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("perMessage")
  void perMessageHandlersSeeEveryMessageInOrderAndReportNoFailure(String function,
      String event) {
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(event, null), Set.of());
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(Events.messageIds(event), messageIdsOf(run.inputs()));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("perMessage")
  void aFailedMessageIsReportedByItsId(String function, String event) {
    List<String> ids = Events.messageIds(event);
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(event, null), Set.of(ids.get(0)));
    // The FIFO event's later messages wait for the first, reported with it.
    assertEquals(ids, run.failedIds());
    assertEquals(ids.subList(0, 1), messageIdsOf(run.inputs()));
    String name = "Orders." + function.substring("Orders_".length());
    assertTrue(run.invocation().log().contains(name + " failed on message " + ids.get(0)),
        run.invocation().log());
  }

  @ParameterizedTest(name = "{0} poison message {1}")
  @MethodSource("fifoPoisoned")
  void onAFifoQueueTheFirstFailureAndEveryLaterMessageAreReportedUnhandled(String function,
      int poisoned) {
    List<String> ids = Events.messageIds(FIFO);
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(FIFO, null), Set.of(ids.get(poisoned)));
    assertEquals(ids.subList(poisoned, 3), run.failedIds());
    assertEquals(ids.subList(0, poisoned + 1), messageIdsOf(run.inputs()),
        "the messages up to the failure, none after it");
  }

  @ParameterizedTest(name = "{0} poison messages {1}")
  @MethodSource("perMessageSubsets")
  void onAFifoQueueOnlyTheFirstFailureRuns(String function, List<Integer> poisoned) {
    List<String> ids = Events.messageIds(FIFO);
    int first = Collections.min(poisoned);
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(FIFO, null), pick(ids, poisoned));
    assertEquals(ids.subList(first, 3), run.failedIds());
    assertEquals(ids.subList(0, first + 1), messageIdsOf(run.inputs()));
  }

  @ParameterizedTest(name = "{0} poison messages {1}")
  @MethodSource("perMessageSubsets")
  void onAStandardQueueJustTheFailedMessagesAreReported(String function,
      List<Integer> poisoned) {
    List<String> ids = Events.messageIds(FIFO);
    BothPaths.Run run = paths.invoke(function, standard(), pick(ids, poisoned));
    assertEquals(pick(ids, poisoned), run.failedIds());
    assertEquals(ids, messageIdsOf(run.inputs()), "every message handled");
  }

  // ---------------------------------------------------------------------------------------------
  // SQSBatchResponse m(SQSEvent[, Context])

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("batchResponse")
  void batchHandlersAnswerWithTheirOwnResponse(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(event, null), Set.of());
    // One answers an empty list, the other a response without one.
    assertEquals(function.endsWith("WithContext") ? "{}" : "{\"batchItemFailures\":[]}",
        run.response());
    SQSEvent seen = (SQSEvent) run.inputs().get(0);
    assertEquals(Events.messageIds(event), messageIdsOf(List.copyOf(seen.getRecords())));
  }

  @ParameterizedTest(name = "{0} poison messages {1}")
  @MethodSource("batchResponseSubsets")
  void batchHandlersReportWhatTheyChoose(String function, List<Integer> poisoned) {
    List<String> ids = Events.messageIds(FIFO);
    for (byte[] event : List.of(Events.sqsWithBodies(FIFO, null), standard())) {
      BothPaths.Run run = paths.invoke(function, event, pick(ids, poisoned));
      assertEquals(pick(ids, poisoned), run.failedIds());
      assertEquals(1, run.inputs().size());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // void m(SQSEvent[, Context])

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("voidBatch")
  void voidBatchHandlersAnswerNull(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(event, null), Set.of());
    assertEquals("null", run.response());
    SQSEvent seen = (SQSEvent) run.inputs().get(0);
    assertEquals(Events.messageIds(event), messageIdsOf(List.copyOf(seen.getRecords())));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("voidBatch")
  void voidBatchHandlersFailTheWholeBatchAlike(String function, String event) {
    String poison = Events.messageIds(event).get(0);
    BothPaths.Run run = paths.invoke(function, Events.sqsWithBodies(event, null), Set.of(poison));
    Throwable failure = run.failure();
    if (function.equals("Orders_batch")) {
      // It declares Exception: the adapter wraps it, as RequestHandler declares none.
      assertEquals(RuntimeException.class, failure.getClass());
      assertEquals("Orders.batch failed", failure.getMessage());
      assertEquals(Exception.class, failure.getCause().getClass());
      assertEquals("poison: " + poison, failure.getCause().getMessage());
    } else {
      assertInstanceOf(IllegalStateException.class, failure);
      assertEquals("poison: " + poison, failure.getMessage());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // void m(StreamFailure[, Context]): the on-failure records of stream mappings

  /**
   * An SQS event whose messages carry the on-failure record where {@code records} says so, and
   * keep their own body elsewhere. Lambda sends the record to an SQS destination as the body of
   * a message; no event file has one, so the record of one file is put into the messages of
   * another.
   */
  static byte[] failureRecords(String event, boolean standard, boolean... records) {
    String record = Events.text(FAILURE_RECORD);
    List<String> bodies = new ArrayList<>();
    var messages = Events.tree(Events.sqsWithBodies(event, null)).path("Records");
    for (int i = 0; i < records.length; i++) {
      bodies.add(records[i] ? record : messages.get(i).path("body").asText());
    }
    return standard ? Events.sqsStandard(event, bodies) : Events.sqsWithBodies(event, bodies);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Replays_failure", "Replays_failureWithContext"})
  void theHandlerGetsTheRecordInTheBody(String function) {
    BothPaths.Run run = paths.invoke(function,
        failureRecords("java__sqs_event_product.json", true, true), Set.of());
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    StreamFailure failure = StreamFailure.fromJson(Events.text(FAILURE_RECORD));
    assertEquals(List.of(failure), run.inputs());
    assertEquals(StreamFailure.Source.DYNAMODB, failure.source());
    assertEquals("RetryAttemptsExhausted", failure.requestContext().condition());
    assertEquals(new StreamFailure.BatchInfo("shardId-00000001573689847184-864758bb",
        "800000000003126276362", "800000000003126276362",
        Instant.parse("2019-11-14T00:13:19Z"), Instant.parse("2019-11-14T00:13:19Z"), 1,
        "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388"),
        failure.batchInfo());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Replays_failure", "Replays_failureWithContext"})
  void aFailingRecordIsReportedByItsMessageId(String function) {
    String event = "java__sqs_event_product.json";
    BothPaths.Run run = paths.invoke(function, failureRecords(event, true, true),
        Set.of("800000000003126276362"));
    assertEquals(Events.messageIds(event), run.failedIds());
    assertEquals(1, run.inputs().size());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Replays_failure", "Replays_failureWithContext"})
  void aBodyThatIsNoRecordFailsItsMessageOnAStandardQueue(String function) {
    List<String> ids = Events.messageIds(FIFO);
    BothPaths.Run run = paths.invoke(function, failureRecords(FIFO, true, true, false, true),
        Set.of());
    assertEquals(List.of(ids.get(1)), run.failedIds());
    StreamFailure failure = StreamFailure.fromJson(Events.text(FAILURE_RECORD));
    assertEquals(List.of(failure, failure), run.inputs());
    assertTrue(run.invocation().log().contains("failed on message " + ids.get(1)),
        run.invocation().log());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Replays_failure", "Replays_failureWithContext"})
  void aBodyThatIsNoRecordFailsItAndEveryLaterMessageOnAFifoQueue(String function) {
    List<String> ids = Events.messageIds(FIFO);
    BothPaths.Run run = paths.invoke(function, failureRecords(FIFO, false, true, false, true),
        Set.of());
    assertEquals(ids.subList(1, 3), run.failedIds());
    assertEquals(List.of(StreamFailure.fromJson(Events.text(FAILURE_RECORD))), run.inputs());
  }

  // ---------------------------------------------------------------------------------------------
  // An event the runtime rejects, and the adapters

  @ParameterizedTest(name = "{0}")
  @MethodSource("allFunctions")
  void anEventTheRuntimeRejectsIsRejectedByBothPathsBeforeAnyHandlerRuns(String function) {
    BothPaths.Rejection rejection = paths.assertRejected(function, Events.bytes(REJECTED));
    assertInstanceOf(MalformedEventException.class, rejection.stream());
    assertTrue(rejection.stream().getMessage().contains("(line 16, column 26): binaryValue is"
        + " not valid base64"), rejection.stream().getMessage());
    // The runtime interface client reports a failure to read the event as such.
    assertEquals("An error occurred during JSON parsing", rejection.requestHandler().getMessage());
    assertTrue(rejection.requestHandler().getCause().getMessage()
        .contains("SQSEvent$MessageAttribute[\"binaryValue\"]"),
        rejection.requestHandler().getCause().getMessage());
  }

  static Stream<String> allFunctions() {
    return Stream.of(PER_MESSAGE, BATCH_RESPONSE, VOID_BATCH, STREAM_FAILURE)
        .flatMap(List::stream);
  }

  @Test
  void everyShapeHasAnAdapterOfEachFlavor() throws IOException {
    for (String function : allFunctions().collect(Collectors.toList())) {
      assertTrue(RequestStreamHandler.class.isAssignableFrom(paths.stream.adapter(function)),
          function);
      Type[] types = Deployment.requestHandlerTypes(paths.requestHandler.adapter(function));
      assertEquals(SQSEvent.class, types[0], function);
      assertEquals(SQSBatchResponse.class, types[1], function);
      for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
        assertTrue(deployment.generatedSources().contains("relay/Laconic_" + function + ".java"),
            deployment + " " + function);
      }
    }
  }

  @Test
  void theMappingsAskForPartialFailuresWhereTheAdaptersAnswerThem() throws IOException {
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      Map<String, Boolean> reports = deployment.reportsBatchItemFailures();
      for (List<String> functions : List.of(PER_MESSAGE, BATCH_RESPONSE, STREAM_FAILURE)) {
        for (String function : functions) {
          assertEquals(true, reports.get(function), deployment + " " + function);
        }
      }
      for (String function : VOID_BATCH) {
        assertEquals(false, reports.get(function), deployment + " " + function);
      }
    }
  }
}
