package dev.laconic.processor.adapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.stream.StreamChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The handlers deployed in both adapter flavors, each event sent through both: the stream
 * adapter reading the bytes itself, and the request-handler adapter the Lambda runtime reads
 * them for. Every invocation asserts that the two paths agree: the handler was called with equal
 * inputs in the same order, and the response bytes are identical (or both threw alike).
 */
final class BothPaths implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  final Deployment stream;
  final Deployment requestHandler;

  private BothPaths(Deployment stream, Deployment requestHandler) {
    this.stream = stream;
    this.requestHandler = requestHandler;
  }

  /** Compiles the handlers in both flavors under {@code directory}. */
  static BothPaths deploy(Path directory) throws IOException {
    List<Deployment> deployments = new ArrayList<>();
    for (Deployment.Flavor flavor : Deployment.Flavor.values()) {
      Path root = directory.resolve(flavor.name().toLowerCase(Locale.ROOT));
      deployments.add(Deployment.compile(flavor,
          Files.createDirectories(root.resolve("classes")),
          Files.createDirectories(root.resolve("generated"))));
    }
    return new BothPaths(deployments.get(0), deployments.get(1));
  }

  /** What both paths did with one event; they agree, so the stream path's is kept. */
  record Run(String function, Invocation invocation) {

    /** The response bytes as text; fails when the invocation threw. */
    String response() {
      if (invocation.failure() != null) {
        throw new AssertionError(function + " threw", invocation.failure());
      }
      return invocation.responseText();
    }

    /** The identifiers of the response's batch item failures, in order. */
    List<String> failedIds() {
      try {
        JsonNode failures = JSON.readTree(response()).path("batchItemFailures");
        List<String> ids = new ArrayList<>();
        failures.forEach(failure -> ids.add(failure.path("itemIdentifier").asText(null)));
        return ids;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** The response as a JSON tree. */
    JsonNode responseJson() {
      try {
        return JSON.readTree(response());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    List<Object> inputs() {
      return invocation.inputs();
    }

    Throwable failure() {
      return invocation.failure();
    }
  }

  /**
   * Sends {@code event} to {@code function} (such as {@code Clicks_record}) through both paths,
   * the handlers failing on {@code poison}, and asserts that the paths agree.
   */
  Run invoke(String function, byte[] event, Collection<String> poison) {
    Invocation viaStream = stream.invoke(function, event, poison);
    Invocation viaRuntime = requestHandler.invoke(function, event, poison);
    String what = function + " with poison " + poison;
    assertSameInputs(viaStream.inputs(), viaRuntime.inputs(), what);
    assertEquals(withoutStackFrames(viaRuntime.log()), withoutStackFrames(viaStream.log()),
        () -> what + ": the logs differ");
    if (viaStream.failure() == null && viaRuntime.failure() == null) {
      assertArrayEquals(viaRuntime.response(), viaStream.response(), () -> what
          + ": response bytes differ\n  request handler: " + viaRuntime.responseText()
          + "\n  stream:          " + viaStream.responseText());
    } else if (viaStream.failure() != null && viaRuntime.failure() != null) {
      assertSameFailure(viaStream.failure(), viaRuntime.failure(), what);
    } else {
      fail(what + ": one path answered, the other threw\n  request handler: "
          + viaRuntime.responseText() + "\n  stream:          " + viaStream.responseText(),
          Objects.requireNonNullElse(viaStream.failure(), viaRuntime.failure()));
    }
    return new Run(function, viaStream);
  }

  /** What each path threw for an event it rejected. */
  record Rejection(Throwable stream, Throwable requestHandler) {}

  /**
   * Sends {@code event} to {@code function} through both paths and asserts that both reject it
   * before any handler runs: the stream adapter's reader and the runtime's serializer alike.
   */
  Rejection assertRejected(String function, byte[] event) {
    List<Throwable> failures = new ArrayList<>();
    for (Deployment deployment : List.of(stream, requestHandler)) {
      Invocation invocation = deployment.invoke(function, event, List.of());
      assertNotNull(invocation.failure(), () -> deployment + " " + function + " accepted the"
          + " event and answered " + invocation.responseText());
      assertEquals(List.of(), invocation.inputs(), () -> deployment + " " + function
          + " called the handler");
      assertEquals("", invocation.log(), () -> deployment + " " + function + " logged");
      failures.add(invocation.failure());
    }
    return new Rejection(failures.get(0), failures.get(1));
  }

  /**
   * A log without the frames of its stack traces, which name the adapter method each path
   * entered by; the messages and exceptions are left.
   */
  static String withoutStackFrames(String log) {
    return log.lines()
        .filter(line -> !line.matches("\\s+(at |\\.\\.\\. \\d+ more).*"))
        .collect(Collectors.joining("\n"));
  }

  /** Exceptions of the same class with the same message, and causes alike. */
  private static void assertSameFailure(Throwable stream, Throwable runtime, String what) {
    for (Throwable s = stream, r = runtime; s != null || r != null;
        s = s.getCause(), r = r.getCause()) {
      if (s == null || r == null) {
        fail(what + ": the failures differ in their causes\n  request handler: " + runtime
            + "\n  stream:          " + stream);
      }
      assertEquals(r.getClass(), s.getClass(), what);
      assertEquals(r.getMessage(), s.getMessage(), what);
    }
  }

  /**
   * Equal inputs: equal by {@code equals} where both paths share the class (the events library's
   * and the run-time library's types), equal in {@code toString} always (the user's own types
   * are loaded once per path), and equal in what those leave out: the records of an event, and
   * a window's state in its order.
   */
  static void assertSameInputs(List<Object> stream, List<Object> runtime, String what) {
    assertEquals(runtime.size(), stream.size(), () -> what + ": the handler was called "
        + runtime.size() + " times through the runtime, " + stream.size() + " through the stream"
        + " adapter");
    for (int i = 0; i < stream.size(); i++) {
      Object s = stream.get(i);
      Object r = runtime.get(i);
      String at = what + ", input " + i;
      assertEquals(String.valueOf(r), String.valueOf(s), at);
      if (s == null || r == null) {
        assertEquals(r, s, at);
        continue;
      }
      if (s.getClass() == r.getClass() && !(s instanceof StreamChange)) {
        assertEquals(r, s, at);
      }
      if (s instanceof StreamChange<?> change) {
        assertEquals(((StreamChange<?>) r).record(), change.record(), at);
        assertEquals(((StreamChange<?>) r).keys(), change.keys(), at);
      }
      if (s instanceof KinesisEvent event) {
        assertEquals(((KinesisEvent) r).getRecords(), event.getRecords(), at);
        assertEquals(String.valueOf(((KinesisEvent) r).getRecords()),
            String.valueOf(event.getRecords()), at);
      }
      if (s instanceof KinesisTimeWindowEvent window) {
        assertEquals(String.valueOf(((KinesisTimeWindowEvent) r).getState()),
            String.valueOf(window.getState()), at);
      }
      if (s instanceof DynamodbEvent event) {
        assertEquals(((DynamodbEvent) r).getRecords(), event.getRecords(), at);
        assertEquals(String.valueOf(((DynamodbEvent) r).getRecords()),
            String.valueOf(event.getRecords()), at);
      }
      if (s instanceof DynamodbTimeWindowEvent window) {
        assertEquals(String.valueOf(((DynamodbTimeWindowEvent) r).getState()),
            String.valueOf(window.getState()), at);
      }
      if (s instanceof SQSEvent event) {
        assertEquals(((SQSEvent) r).getRecords(), event.getRecords(), at);
      }
    }
  }

  @Override
  public void close() throws IOException {
    stream.close();
    requestHandler.close();
  }
}
