package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.InvokeResult;
import dev.laconic.local.LocalInvoker;
import dev.laconic.local.app.Application;
import dev.laconic.local.lambda.LambdaError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One function invoked with one event, as {@code sam local invoke} does: generated DynamoDB
 * adapters of both flavours, and hand-written Kinesis, SQS and tumbling-window handlers of a
 * template of their own, all with real events.
 */
class LocalInvokerTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** JSON, but no event Lambda sends: a sequence number that is an object. */
  static final byte[] WRONG_SHAPE = "{\"Records\": [{\"dynamodb\": {\"SequenceNumber\": {}}}]}"
      .getBytes(StandardCharsets.UTF_8);

  final List<String> output = new ArrayList<>();

  // ---- generated adapters (RequestStreamHandler) --------------------------------------------

  @Test
  void aBatchFunctionGetsTheEventAndTheContextOfItsTemplate() {
    InvokeResult result = generated().invoke("InvokedFunctionsBatchHandleFunction",
        event("java__dynamo_event.json"));

    assertTrue(result.succeeded(), result.payloadText());
    assertEquals("null", result.payloadText());
    String prefix = "[InvokedFunctionsBatchHandleFunction] ";
    assertEquals(List.of(
        prefix + "invoked-batch 256 MB"
            + " arn:aws:lambda:us-east-1:000000000000:function:invoked-batch remaining<=20s=true",
        prefix + "INSERT 4421584500000000017450439091 " + STREAM_ARN,
        prefix + "MODIFY 4421584500000000017450439092 " + STREAM_ARN,
        prefix + "REMOVE 4421584500000000017450439093 " + STREAM_ARN),
        result.logs().subList(1, result.logs().size()));
    assertEquals(output, result.logs());
  }

  static final String STREAM_ARN = "arn:aws:dynamodb:eu-central-1:123456789012"
      + ":table/ExampleTableWithStream/stream/2015-06-27T00:48:05.899";

  @Test
  void theTemplatesEnvironmentIsReportedWhenTheJvmLacksIt() {
    InvokeResult result = generated().invoke("InvokedFunctionsBatchHandleFunction",
        event("java__dynamo_event.json"));
    assertEquals("[laconic] InvokedFunctionsBatchHandleFunction: this JVM's environment lacks"
        + " the template's LACONIC_TEST_GREETING (or holds other values); the function sees the"
        + " environment the JVM was started with. Start it with them set (env NAME=value java"
        + " ...) to see them as on Lambda.", result.logs().get(0));
  }

  @Test
  void aPerRecordFunctionReportsTheFirstFailingRecord() throws IOException {
    InvokeResult result = generated().invoke("InvokedFunctions.PerRecord.handle",
        event("powertools-java__dynamo_event_big.json"));

    assertTrue(result.succeeded(), result.payloadText());
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"4421584500000000017450439093\"}]}",
        result.payloadText());
    assertEquals(List.of(
        "[InvokedFunctionsPerRecordHandleFunction] INSERT 4421584500000000017450439001",
        "[InvokedFunctionsPerRecordHandleFunction] MODIFY 4421584500000000017450439092",
        "[InvokedFunctionsPerRecordHandleFunction] REMOVE 4421584500000000017450439093"),
        result.logs().subList(0, 3));
    assertTrue(result.logs().get(3).contains("InvokedFunctions.PerRecord.handle failed on record"
        + " with sequence number 4421584500000000017450439093"), result.logs().get(3));
  }

  @Test
  void aFunctionErrorIsLambdasErrorJsonWithTheHandlersFrames() throws IOException {
    InvokeResult result = generated().invoke("InvokedFunctionsFailingHandleFunction",
        event("java__dynamo_event.json"));

    assertFalse(result.succeeded());
    JsonNode error = JSON.readTree(result.payload());
    assertEquals(List.of("errorMessage", "errorType", "stackTrace"), fieldNames(error));
    assertEquals("failed on 3 records", error.get("errorMessage").asText());
    assertEquals("java.lang.IllegalStateException", error.get("errorType").asText());
    assertTrue(error.get("stackTrace").get(0).asText().startsWith(
        "dev.laconic.local.it.InvokedFunctions$Failing.handle(InvokedFunctions.java:"),
        error.toString());
    for (JsonNode frame : error.get("stackTrace")) {
      assertFalse(frame.asText().startsWith("dev.laconic.local.lambda."), error.toString());
    }
    LambdaError parsed = result.functionError().orElseThrow();
    assertEquals(error.toString(), parsed.toJson());
    assertTrue(result.logs().get(result.logs().size() - 1).startsWith(
        "[InvokedFunctionsFailingHandleFunction] java.lang.IllegalStateException: failed on 3"
            + " records"), result.logs().toString());
  }

  @Test
  void anEventOfAnotherShapeIsTheAdaptersError() throws IOException {
    InvokeResult result = generated().invoke("InvokedFunctionsBatchHandleFunction",
        WRONG_SHAPE);
    JsonNode error = JSON.readTree(result.payload());
    assertEquals("dev.laconic.stream.MalformedEventException", error.get("errorType").asText());
  }

  @Test
  void anEventThatIsNotJsonIsRejectedBeforeTheFunctionRuns() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> generated().invoke("InvokedFunctionsBatchHandleFunction",
            event("go__dynamodb-event-malformed.2.json")));
    assertTrue(e.getMessage().startsWith("The event is not JSON, and Lambda would reject it"
        + " before the function runs: "), e.getMessage());
    assertEquals(List.of(), output);
  }

  @Test
  void anUnknownFunctionIsAnErrorListingTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> generated().invoke("Nope", event("java__dynamo_event.json")));
    assertTrue(e.getMessage().startsWith("No function Nope in the template. It has:\n"),
        e.getMessage());
    assertTrue(e.getMessage().contains("\n  InvokedFunctionsBatchHandleFunction"
        + "  InvokedFunctions.Batch.handle  (FunctionName invoked-batch)\n"), e.getMessage());
    assertTrue(e.getMessage().contains("\n  TestFunctionsEverythingHandleFunction"
        + "  TestFunctions.Everything.handle\n"), e.getMessage());
  }

  @Test
  void aFunctionIsFoundByLogicalIdNameHandlerOrDisplayName() {
    Application application = Application.fromClassPath(getClass().getClassLoader());
    for (String name : List.of("InvokedFunctionsBatchHandleFunction", "invoked-batch",
        "InvokedFunctions.Batch.handle", "dev.laconic.local.it.InvokedFunctions.Batch.handle",
        "dev.laconic.local.it.Laconic_InvokedFunctions_Batch_handle",
        "dev.laconic.local.it.Laconic_InvokedFunctions_Batch_handle::handleRequest")) {
      assertEquals("InvokedFunctionsBatchHandleFunction", application.find(name).logicalId(),
          name);
    }
  }

  @Test
  void aNameOfSeveralFunctionsAsksForALogicalId() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> handWritten().invoke("SqsMessages.handleRequest", new byte[0]));
    assertEquals("SqsMessages.handleRequest names 2 functions; use a logical id:\n"
        + "  SqsMessagesFunction  SqsMessages.handleRequest\n"
        + "  QueueParameterFunction  SqsMessages.handleRequest", e.getMessage());
  }

  // ---- generated adapters, request-handler flavour -------------------------------------------

  @Test
  void requestHandlerAdaptersGetTheEventFromTheRuntimesSerializer() throws IOException {
    try (LocalInvoker invoker = LocalInvoker.forClassDirectory(
        Path.of(System.getProperty("laconic.requestHandlerClasses"))).output(output::add)
        .build()) {
      InvokeResult result = invoker.invoke("RequestHandlerFunctions.PerRecord.handle",
          event("java__dynamo_event.json"));
      assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":"
          + "\"4421584500000000017450439093\"}]}", result.payloadText());
      assertEquals("[RequestHandlerFunctionsPerRecordHandleFunction] INSERT"
          + " 4421584500000000017450439091", result.logs().get(0));

      InvokeResult batch = invoker.invoke("RequestHandlerFunctionsBatchHandleFunction",
          event("powertools-java__dynamo_event_big.json"));
      assertEquals("null", batch.payloadText()); // a void batch: the adapter returns null
      assertEquals(List.of("[RequestHandlerFunctionsBatchHandleFunction] 12 records, context class"
          + " loader true"), batch.logs());

      InvokeResult malformed = invoker.invoke("RequestHandlerFunctionsBatchHandleFunction",
          WRONG_SHAPE);
      assertEquals("{\"errorMessage\":\"An error occurred during JSON parsing\","
          + "\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}",
          malformed.payloadText());
    }
  }

  // ---- hand-written handlers of every source -------------------------------------------------

  @Test
  void aKinesisHandlerGetsRealKinesisEvents() {
    LocalInvoker invoker = handWritten();
    InvokeResult text = invoker.invoke("kinesis-records", event("java__kinesis_event.json"));
    assertEquals("{\"batchItemFailures\":[]}", text.payloadText());
    assertEquals(List.of("[KinesisRecordsFunction] partitionKey-03 arn:aws:kinesis:EXAMPLE Hello,"
        + " this is a test 123."), text.logs());

    InvokeResult json = invoker.invoke("KinesisRecordsFunction",
        event("powertools-java__kinesis_event.json"));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"49545115243490985018280067714973144582180062593244200962\"}]}", json.payloadText());
    assertEquals("[KinesisRecordsFunction] partitionKey-03 arn:aws:kinesis:EXAMPLE"
        + " {\"id\":12345, \"name\":\"product5\", \"price\":45}", json.logs().get(1));
  }

  @Test
  void anSqsHandlerGetsRealSqsEvents() {
    LocalInvoker invoker = handWritten();
    InvokeResult product = invoker.invoke("SqsMessagesFunction",
        event("java__sqs_event_product.json"));
    assertEquals("{\"batchItemFailures\":[]}", product.payloadText());
    assertTrue(product.logs().contains("[SqsMessagesFunction] d9144555-9a4f-4ec3-99a0-34ce359b4b54"
        + " group=null arn:aws:sqs:eu-central-1:123456789012:TestLambda {} {  \"id\": 1234,"
        + "  \"name\": \"Product1234\",  \"price\": 450}"), product.logs().toString());

    InvokeResult fifo = invoker.invoke("SqsMessagesFunction",
        event("powertools-java__sqs_fifo_event.json"));
    assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":"
        + "\"e9144555-9a4f-4ec3-99a0-34ce359b4b54\"}]}", fifo.payloadText());
    assertTrue(fifo.logs().get(fifo.logs().size() - 1).contains(" group=groupA "),
        fifo.logs().toString());

    InvokeResult attributes = invoker.invoke("SqsMessagesFunction", event("go__sqs-event.json"));
    assertEquals(List.of("[SqsMessagesFunction] MessageID_1 group=null"
        + " arn:aws:sqs:us-west-2:123456789012:SQSQueue"
        + " {Attribute1=AttributeValue1, Attribute2=123, Attribute3=1100} Message Body"),
        attributes.logs().subList(attributes.logs().size() - 1, attributes.logs().size()));
  }

  @Test
  void anEventTheRuntimesSerializerRejectsIsAFunctionErrorBeforeTheHandler() {
    InvokeResult result = handWritten().invoke("SqsMessagesFunction",
        event("powertools-python__sqsEvent.json"));
    assertEquals("{\"errorMessage\":\"An error occurred during JSON parsing\","
        + "\"errorType\":\"java.lang.RuntimeException\",\"stackTrace\":[]}",
        result.payloadText());
    assertTrue(result.logs().stream().noneMatch(line -> line.contains("group=")),
        result.logs().toString());
  }

  @Test
  void theEventTypeIsFoundThroughTheHandlersSuperclass() {
    InvokeResult result = handWritten().invoke("KinesisCounterFunction",
        event("powertools-java__kinesis_event.json"));
    assertEquals("{\"records\":2}", result.payloadText());
    assertEquals(List.of("[KinesisCounterFunction] KinesisEvent"), result.logs());
  }

  @Test
  void aTumblingWindowHandlerGetsTheWindowAndReturnsItsState() {
    InvokeResult result = handWritten().invoke("TimeWindowFunction",
        event("java__dynamo_time_window_event.json"));
    assertEquals("{\"state\":{\"seen\":\"2\"},\"batchItemFailures\":[]}", result.payloadText());
    assertEquals(List.of("[TimeWindowFunction] window 2020-07-30T17:00:00Z shard shard123456789"
        + " final=false"), result.logs());
  }

  @Test
  void aMissingHandlerClassIsTheRuntimesErrorWithoutFrames() {
    InvokeResult result = handWritten().invoke("MissingClassFunction",
        event("java__sqs_event_product.json"));
    assertEquals("{\"errorMessage\":\"Class not found: dev.laconic.local.it.NoSuchHandler\","
        + "\"errorType\":\"java.lang.ClassNotFoundException\"}", result.payloadText());
    assertEquals(Optional.empty(), result.functionError().orElseThrow().stackTrace());
  }

  @Test
  void anEmptyEventIsAnEmptyObject() {
    InvokeResult result = handWritten().invoke("KinesisCounterFunction", new byte[0]);
    // {} is a KinesisEvent without records: the handler's own NullPointerException.
    assertEquals("java.lang.NullPointerException",
        result.functionError().orElseThrow().errorType());
  }

  // ---- helpers ------------------------------------------------------------------------------

  private LocalInvoker generated() {
    return LocalInvoker.builder(Application.fromClassPath(getClass().getClassLoader()))
        .output(output::add).build();
  }

  private LocalInvoker handWritten() {
    try {
      return LocalInvoker.builder(Application.fromTemplate(
          Path.of(getClass().getResource("/invoke/template.json").toURI())))
          .output(output::add).build();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] event(String name) {
    try (InputStream in = LocalInvokerTest.class.getResourceAsStream("/events/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
