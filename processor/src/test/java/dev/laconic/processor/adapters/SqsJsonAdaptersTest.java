package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * The SQS handler shape {@code void m(T body[, Context])}, driven with real SQS events through
 * both adapter flavors: each message's body is read into the user's own type by its generated
 * JSON reader, the handlers see equal values in the same order, and a message whose body does
 * not fit the type fails like any handler failure: that message alone on a standard queue, it and
 * every later message, unhandled, on a FIFO queue.
 */
class SqsJsonAdaptersTest {

  /** One message of a standard queue whose body is a product as JSON. */
  static final String PRODUCT = "java__sqs_event_product.json";

  /** Three messages of one FIFO message group whose bodies are products as JSON. */
  static final String FIFO = "powertools-java__sqs_fifo_event.json";

  /** What the handlers get from {@link #PRODUCT}. */
  static final List<String> PRODUCT_READ =
      List.of("Product[id=1234, name=Product1234, price=450]");

  /** What the handlers get from {@link #FIFO}, in message order. */
  static final List<String> FIFO_READ = List.of("Product[id=1234, name=product, price=42]",
      "Product[id=12345, name=product5, price=45]", "Product[id=123456, name=product6, price=46]");

  /** A standard queue's message whose body is plain text, not JSON: "Message Body". */
  static final String PLAIN_TEXT = "go__sqs-event.json";

  static final List<String> FUNCTIONS = List.of("Stock_product", "Stock_productWithContext");

  /**
   * What the reader says of a body that is the JSON {@code {"message": "foo1"}}: the path and
   * what is missing.
   */
  static final String MISFIT = "product.id: expected a value (long), found no field";

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

  /**
   * The body of the second message of powertools-python__sqsEvent.json, {@code {"message":
   * "foo1"}}: a real message's JSON, which has no {@code id} and so is no {@code Product}. No
   * event file has a product message whose body does not fit, so the tests put this body into
   * one (that file itself cannot be sent: both paths reject it for its other message).
   */
  static String notAProduct() {
    return Events.bodies("powertools-python__sqsEvent.json").get(1);
  }

  /**
   * {@link #FIFO} with the body of message {@code index} replaced by {@link #notAProduct}, as
   * the FIFO queue delivers it, or as a standard queue does (without {@code MessageGroupId}).
   */
  static byte[] fifoWithMisfit(int index, boolean standard) {
    List<String> bodies = new ArrayList<>(Events.bodies(FIFO));
    bodies.set(index, notAProduct());
    return standard ? Events.sqsStandard(FIFO, bodies) : Events.sqsWithBodies(FIFO, bodies);
  }

  static Stream<String> functions() {
    return FUNCTIONS.stream();
  }

  static Stream<Arguments> eachMessage() {
    return FUNCTIONS.stream().flatMap(f -> IntStream.range(0, 3).mapToObj(i -> Arguments.of(f, i)));
  }

  private static List<String> strings(List<Object> inputs) {
    return inputs.stream().map(String::valueOf).collect(Collectors.toList());
  }

  private static List<String> without(List<String> all, int index) {
    List<String> rest = new ArrayList<>(all);
    rest.remove(index);
    return rest;
  }

  private static void assertLogged(BothPaths.Run run, String function, String messageId,
      String problem) {
    String log = run.invocation().log();
    assertTrue(log.contains("Stock." + function.substring("Stock_".length())
        + " failed on message " + messageId), log);
    assertTrue(log.contains("dev.laconic.stream.MappingException: " + problem), log);
  }

  // ---------------------------------------------------------------------------------------------
  // void m(T body[, Context])

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void theBodyIsReadIntoTheUsersType(String function) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(PRODUCT), Set.of());
    assertEquals("{\"batchItemFailures\":[]}", run.response());
    assertEquals(PRODUCT_READ, strings(run.inputs()));
    assertEquals("relay.Product", run.inputs().get(0).getClass().getName());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void everyBodyIsReadInMessageOrderFromEitherKindOfQueue(String function) {
    for (byte[] event :
        List.of(Events.sqsWithBodies(FIFO, null), Events.sqsStandard(FIFO, null))) {
      BothPaths.Run run = paths.invoke(function, event, Set.of());
      assertEquals("{\"batchItemFailures\":[]}", run.response());
      assertEquals(FIFO_READ, strings(run.inputs()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void aBodyThatDoesNotFitFailsItsMessage(String function) {
    // The product event's one message with a body that is no product (see notAProduct).
    byte[] event = Events.sqsWithBodies(PRODUCT, List.of(notAProduct()));
    BothPaths.Run run = paths.invoke(function, event, Set.of());
    String messageId = Events.messageIds(PRODUCT).get(0);
    assertEquals(List.of(messageId), run.failedIds());
    assertEquals(List.of(), run.inputs());
    assertLogged(run, function, messageId, MISFIT);
  }

  @ParameterizedTest(name = "{0} misfit in message {1}")
  @MethodSource("eachMessage")
  void onAStandardQueueJustTheMessageThatDoesNotFitIsReported(String function, int misfit) {
    BothPaths.Run run = paths.invoke(function, fifoWithMisfit(misfit, true), Set.of());
    List<String> ids = Events.messageIds(FIFO);
    assertEquals(List.of(ids.get(misfit)), run.failedIds());
    assertEquals(without(FIFO_READ, misfit), strings(run.inputs()), "every other message handled");
    assertLogged(run, function, ids.get(misfit), MISFIT);
  }

  @ParameterizedTest(name = "{0} misfit in message {1}")
  @MethodSource("eachMessage")
  void onAFifoQueueTheMessageThatDoesNotFitAndEveryLaterOneAreReported(String function,
      int misfit) {
    BothPaths.Run run = paths.invoke(function, fifoWithMisfit(misfit, false), Set.of());
    List<String> ids = Events.messageIds(FIFO);
    assertEquals(ids.subList(misfit, 3), run.failedIds());
    assertEquals(FIFO_READ.subList(0, misfit), strings(run.inputs()),
        "the messages before the misfit, none after it");
    assertLogged(run, function, ids.get(misfit), MISFIT);
  }

  @ParameterizedTest(name = "{0} poison message {1}")
  @MethodSource("eachMessage")
  void aProductTheHandlerFailsOnIsReportedAlike(String function, int poisoned) {
    List<String> ids = Events.messageIds(FIFO);
    String name = List.of("product", "product5", "product6").get(poisoned);
    BothPaths.Run fifo = paths.invoke(function, Events.sqsWithBodies(FIFO, null), Set.of(name));
    assertEquals(ids.subList(poisoned, 3), fifo.failedIds());
    assertEquals(FIFO_READ.subList(0, poisoned + 1), strings(fifo.inputs()));
    BothPaths.Run standard = paths.invoke(function, Events.sqsStandard(FIFO, null), Set.of(name));
    assertEquals(List.of(ids.get(poisoned)), standard.failedIds());
    assertEquals(FIFO_READ, strings(standard.inputs()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functions")
  void aPlainTextBodyFailsItsMessageBeforeTheHandlerRuns(String function) {
    BothPaths.Run run = paths.invoke(function, Events.bytes(PLAIN_TEXT), Set.of());
    String messageId = Events.messageIds(PLAIN_TEXT).get(0);
    assertEquals(List.of(messageId), run.failedIds());
    assertEquals(List.of(), run.inputs());
    assertLogged(run, function, messageId, "product: not valid JSON (line 1, column 1):"
        + " Unrecognized token 'Message'");
  }

  // ---------------------------------------------------------------------------------------------
  // The adapters

  @Test
  void theShapeHasAnAdapterOfEachFlavorAndOneReaderOfTheType() throws IOException {
    for (String function : FUNCTIONS) {
      assertTrue(RequestStreamHandler.class.isAssignableFrom(paths.stream.adapter(function)),
          function);
      Type[] types = Deployment.requestHandlerTypes(paths.requestHandler.adapter(function));
      assertEquals(SQSEvent.class, types[0], function);
      assertEquals(SQSBatchResponse.class, types[1], function);
    }
    for (Deployment deployment : List.of(paths.stream, paths.requestHandler)) {
      List<String> generated = deployment.generatedSources();
      assertTrue(generated.contains("relay/ProductJsonReader.java"), generated.toString());
      for (String function : FUNCTIONS) {
        assertTrue(generated.contains("relay/Laconic_" + function + ".java"),
            deployment + " " + generated);
      }
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
