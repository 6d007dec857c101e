package dev.laconic.sqs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Partial batch responses on the real standard and FIFO events, as a generated adapter runs. */
class SqsBatchFailuresTest {

  static SQSEvent event(String name) throws IOException {
    try (InputStream in = SqsBatchFailuresTest.class.getResourceAsStream("/events/" + name)) {
      return SqsEventJson.read(in);
    }
  }

  /** Runs the adapter's loop, failing the messages at {@code failing}; returns those handled. */
  static List<String> run(SQSEvent event, Set<Integer> failing, SqsBatchFailures failures) {
    List<String> handled = new ArrayList<>();
    List<SQSMessage> messages = event.getRecords();
    for (int i = 0; i < messages.size(); i++) {
      SQSMessage message = messages.get(i);
      if (failures.skips(message)) {
        continue;
      }
      try {
        if (failing.contains(i)) {
          throw new IllegalStateException("message " + i);
        }
        handled.add(message.getMessageId());
      } catch (Exception e) {
        failures.failed(message, e);
      }
    }
    return handled;
  }

  static List<String> reported(SQSBatchResponse response) {
    return response.getBatchItemFailures().stream()
        .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
  }

  static List<String> ids(SQSEvent event) {
    return event.getRecords().stream().map(SQSMessage::getMessageId).toList();
  }

  @Test
  void aStandardQueueReportsEachFailedMessageAndHandlesTheRest() throws IOException {
    // The real standard-queue events hold one message each: one batch of both.
    SQSEvent event = new SQSEvent();
    List<SQSMessage> messages = new ArrayList<>(event("go__sqs-event.json").getRecords());
    messages.addAll(event("java__sqs_event_product.json").getRecords());
    event.setRecords(messages);
    List<String> ids = ids(event);
    SqsBatchFailures failures = new SqsBatchFailures("Q.m", null);
    List<String> handled = quietly(() -> run(event, Set.of(0), failures));
    assertEquals(ids.subList(1, ids.size()), handled);
    assertEquals(List.of(ids.get(0)), reported(failures.response()));
    assertFalse(SqsBatchFailures.isFifo(event.getRecords().get(0)));
  }

  /**
   * Powertools' FIFO sample as a FIFO queue delivers it: the sample's queue name lacks the
   * {@code .fifo} every FIFO queue's name ends in.
   */
  static SQSEvent fifo() throws IOException {
    SQSEvent event = event("powertools-java__sqs_fifo_event.json");
    event.getRecords().forEach(m -> m.setEventSourceArn(m.getEventSourceArn() + ".fifo"));
    return event;
  }

  @Test
  void aFifoQueueReportsTheFirstFailureAndEveryLaterMessageUnhandled() throws IOException {
    SQSEvent event = fifo();
    List<String> ids = ids(event);
    assertTrue(ids.size() >= 3, "the event has at least three messages");
    assertTrue(SqsBatchFailures.isFifo(event.getRecords().get(0)));
    SqsBatchFailures failures = new SqsBatchFailures("Q.m", null);
    List<String> handled = quietly(() -> run(event, Set.of(1), failures));
    assertEquals(List.of(ids.get(0)), handled);
    assertEquals(ids.subList(1, ids.size()), reported(failures.response()));
  }

  @Test
  void aFairStandardQueueWithMessageGroupIdsIsNotTreatedAsFifo() throws IOException {
    // Standard queues carry MessageGroupId when they are fair queues; only the ARN tells FIFO.
    SQSEvent event = event("powertools-java__sqs_fifo_event.json");
    for (SQSMessage message : event.getRecords()) {
      message.setEventSourceArn(message.getEventSourceArn().replace(".fifo", ""));
      assertTrue(message.getAttributes().containsKey("MessageGroupId"));
    }
    List<String> ids = ids(event);
    SqsBatchFailures failures = new SqsBatchFailures("Q.m", null);
    List<String> handled = quietly(() -> run(event, Set.of(0), failures));
    assertEquals(ids.subList(1, ids.size()), handled);
    assertEquals(List.of(ids.get(0)), reported(failures.response()));
  }

  @Test
  void noFailureReportsNothing() throws IOException {
    SQSEvent event = event("java__sqs_event_product.json");
    SqsBatchFailures failures = new SqsBatchFailures("Q.m", null);
    assertEquals(ids(event), run(event, Set.of(), failures));
    assertEquals(List.of(), reported(failures.response()));
  }

  @Test
  void theFailureIsLoggedWithTheMessageId() throws IOException {
    SQSEvent event = event("go__sqs-event.json");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      run(event, Set.of(0), new SqsBatchFailures("Orders.onMessage", null));
    } finally {
      System.setErr(original);
    }
    String log = err.toString(StandardCharsets.UTF_8);
    assertTrue(log.startsWith("Orders.onMessage failed on message "
        + event.getRecords().get(0).getMessageId() + "; reporting it"), log);
    assertTrue(log.contains("IllegalStateException: message 0"), log);
  }

  private static <T> T quietly(java.util.function.Supplier<T> run) {
    PrintStream original = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      return run.get();
    } finally {
      System.setErr(original);
    }
  }
}
