package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.TimeWindowEventResponse;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
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

/**
 * The tumbling-window shape of DynamoDB streams, driven with real window events through both
 * adapter flavors: the handlers see the same window, and answer the same state and failures in
 * the same bytes.
 */
class DynamoWindowAdapterTest {

  static final List<String> EVENTS =
      List.of("java__dynamo_time_window_event.json", "go__dynamodb-time-window-event.json");
  static final List<String> FUNCTIONS = List.of("Totals_window", "Totals_windowWithContext");

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

  static Stream<Arguments> windows() {
    return EVENTS.stream().flatMap(e -> FUNCTIONS.stream().map(f -> Arguments.of(f, e)));
  }

  static Stream<Arguments> windowsPoisoned() {
    return windows().flatMap(a -> Events.dynamoSequenceNumbers((String) a.get()[1]).stream()
        .map(poison -> Arguments.of(a.get()[0], a.get()[1], poison)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("windows")
  void windowHandlersSeeTheWindowAndAnswerTheirState(String function, String event) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of());
    List<String> sequenceNumbers = Events.dynamoSequenceNumbers(event);
    assertEquals("{\"state\":{\"records\":\"" + sequenceNumbers.size() + "\",\"last\":\""
        + sequenceNumbers.get(sequenceNumbers.size() - 1) + "\",\"was-1\":\"state1\"},"
        + "\"batchItemFailures\":[]}", run.response());
    DynamodbTimeWindowEvent window = (DynamodbTimeWindowEvent) run.inputs().get(0);
    assertEquals("2020-07-30T17:00:00Z", window.getWindow().getStart());
    assertEquals("2020-07-30T17:05:00Z", window.getWindow().getEnd());
    assertEquals("shard123456789", window.getShardId());
    assertEquals(false, window.getIsFinalInvokeForWindow());
    List<String> seen = new ArrayList<>();
    for (DynamodbEvent.DynamodbStreamRecord record : window.getRecords()) {
      seen.add(record.getDynamodb().getSequenceNumber());
    }
    assertEquals(sequenceNumbers, seen);
  }

  @ParameterizedTest(name = "{0} {1} poison {2}")
  @MethodSource("windowsPoisoned")
  void windowHandlersReportTheirFailures(String function, String event, String poison) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(event), Set.of(poison));
    assertEquals(List.of(poison), run.failedIds());
  }

  @Test
  void everyFailureOfAWindowIsReportedInRecordOrder() {
    for (String function : FUNCTIONS) {
      for (String event : EVENTS) {
        List<String> all = Events.dynamoSequenceNumbers(event);
        assertEquals(all, paths.invoke(function, Events.bytes(event), Set.copyOf(all))
            .failedIds());
      }
    }
  }

  @Test
  void theAdaptersAreOfEachFlavor() throws IOException {
    for (String function : FUNCTIONS) {
      assertTrue(RequestStreamHandler.class.isAssignableFrom(paths.stream.adapter(function)),
          function);
      Type[] types = Deployment.requestHandlerTypes(paths.requestHandler.adapter(function));
      assertEquals(DynamodbTimeWindowEvent.class, types[0], function);
      assertEquals(TimeWindowEventResponse.class, types[1], function);
    }
  }

  @Test
  void theMappingsAskForPartialFailures() throws IOException {
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      Map<String, Boolean> reports = deployment.reportsBatchItemFailures();
      for (String function : FUNCTIONS) {
        assertEquals(true, reports.get(function), deployment + " " + function);
      }
    }
  }
}
