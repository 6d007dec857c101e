package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.laconic.stream.MalformedEventException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated adapters as Lambda calls them: event bytes in, response bytes out. For every
 * sample event the bytes out are the ones the runtime would write for the response of the same
 * event read by the runtime's own serializer.
 */
class StreamAdaptersTest {

  @BeforeEach
  void forgetEarlierCalls() {
    FailOnModify.SEEN.clear();
    TypedHandlers.clear();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("com.example.orders.LambdaRuntimeEvents#dynamodbEvents")
  void bytesInBytesOutAsTheRuntimePathWouldAnswer(String file) throws IOException {
    byte[] bytes = LambdaRuntimeEvents.bytes(file);

    String streamed = invoke(new Laconic_FailOnModify_handle()::handleRequest, bytes);
    List<String> seenByStream = List.copyOf(FailOnModify.SEEN);
    FailOnModify.SEEN.clear();
    StreamsEventResponse expected = new Laconic_FailOnModify_handle()
        .handle(LambdaRuntimeEvents.dynamodbEvent(bytes), new TestContext());

    assertEquals(LambdaRuntimeEvents.toJson(expected), streamed);
    assertEquals(FailOnModify.SEEN, seenByStream);
  }

  @Test
  void aVoidBatchHandlerAnswersNullAsTheRuntimeWould() throws IOException {
    assertEquals("null", invoke(new Laconic_OrderEvents_echo()::handleRequest,
        LambdaRuntimeEvents.bytes("java__dynamo_event.json")));
  }

  @Test
  void typedAdaptersReadTheirRecordsFromTheBytes() throws IOException {
    String response = invoke(new Laconic_TypedHandlers_onMessage()::handleRequest,
        LambdaRuntimeEvents.bytes("java__dynamo_event.json"));
    assertEquals("{\"batchItemFailures\":[]}", response);
    assertEquals(List.of(new TypedHandlers.Message(101, "New item!"),
        new TypedHandlers.Message(101, "This item has changed")), TypedHandlers.IMAGES);
  }

  @Test
  void aMalformedEventReachesNoHandler() {
    byte[] bytes = LambdaRuntimeEvents.bytes(LambdaRuntimeEvents.MALFORMED);
    MalformedEventException failure = assertThrows(MalformedEventException.class,
        () -> invoke(new Laconic_FailOnModify_handle()::handleRequest, bytes));
    assertEquals(List.of(), FailOnModify.SEEN, failure.getMessage());
  }

  /** An adapter's {@code handleRequest(InputStream, OutputStream, Context)}. */
  interface StreamHandler {
    void handleRequest(java.io.InputStream in, java.io.OutputStream out,
        com.amazonaws.services.lambda.runtime.Context context) throws IOException;
  }

  private static String invoke(StreamHandler handler, byte[] event) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext());
    return out.toString(StandardCharsets.UTF_8);
  }
}
