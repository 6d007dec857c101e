package dev.laconic.processor.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The real events in {@code src/test/resources/adapters/events/} (see {@code SOURCES.md} there),
 * and what a test needs to know of them, read with a plain JSON tree rather than either reader
 * under test.
 */
final class Events {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /** The bytes of an event file, exactly as they are. */
  static byte[] bytes(String name) {
    try (InputStream in = Events.class.getClassLoader()
        .getResourceAsStream("adapters/events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test event adapters/events/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The {@code kinesis.sequenceNumber} of each record of a Kinesis event, in order. */
  static List<String> sequenceNumbers(String name) {
    return each(name, record -> record.path("kinesis").path("sequenceNumber").asText());
  }

  /** The {@code dynamodb.SequenceNumber} of each record of a DynamoDB event, in order. */
  static List<String> dynamoSequenceNumbers(String name) {
    return each(name, record -> record.path("dynamodb").path("SequenceNumber").asText());
  }

  /** The {@code messageId} of each message of an SQS event, in order. */
  static List<String> messageIds(String name) {
    return each(name, record -> record.path("messageId").asText());
  }

  private static List<String> each(String name, Function<JsonNode, String> field) {
    List<String> values = new ArrayList<>();
    tree(bytes(name)).path("Records").forEach(record -> values.add(field.apply(record)));
    return values;
  }

  /**
   * The Kinesis event {@code name} with the {@code data} of its record {@code index} replaced by
   * {@code data}, base64 as Kinesis writes it; everything else as in the file.
   */
  static byte[] kinesisWithData(String name, int index, String data) {
    JsonNode event = tree(bytes(name));
    ((ObjectNode) event.path("Records").get(index).path("kinesis")).put("data", data);
    return write(event);
  }

  /** The base64 {@code kinesis.data} of each record of a Kinesis event, in order. */
  static List<String> kinesisData(String name) {
    return each(name, record -> record.path("kinesis").path("data").asText());
  }

  /** The {@code body} of each message of an SQS event, in order. */
  static List<String> bodies(String name) {
    return each(name, record -> record.path("body").asText());
  }

  /**
   * The SQS event {@code name} with its messages' bodies replaced by {@code bodies}, one for
   * each message, in order (null: kept); everything else as in the file, except that messages
   * of a message group come from a queue named {@code ….fifo}, as FIFO queues' are.
   */
  static byte[] sqsWithBodies(String name, List<String> bodies) {
    return sqs(name, bodies, false);
  }

  /**
   * The SQS event {@code name} as a standard queue delivers the same messages: a queue name
   * without {@code .fifo} and no {@code MessageGroupId}, bodies replaced as by {@link
   * #sqsWithBodies} when {@code bodies} is not null.
   */
  static byte[] sqsStandard(String name, List<String> bodies) {
    return sqs(name, bodies, true);
  }

  private static byte[] sqs(String name, List<String> bodies, boolean standard) {
    JsonNode event = tree(bytes(name));
    JsonNode records = event.path("Records");
    if (bodies != null && bodies.size() != records.size()) {
      throw new IllegalArgumentException(name + " has " + records.size() + " messages, not "
          + bodies.size());
    }
    for (int i = 0; i < records.size(); i++) {
      ObjectNode message = (ObjectNode) records.get(i);
      if (bodies != null) {
        message.put("body", bodies.get(i));
      }
      boolean grouped = message.path("attributes").has("MessageGroupId");
      String arn = message.path("eventSourceARN").asText();
      if (standard && message.path("attributes") instanceof ObjectNode attributes) {
        attributes.remove("MessageGroupId");
        message.put("eventSourceARN", arn.replaceAll("\\.fifo$", ""));
      } else if (grouped && !arn.endsWith(".fifo")) {
        // Powertools' FIFO sample names its queue without the .fifo every FIFO queue's name
        // ends in, and which Lambda's events carry: the event as a FIFO queue delivers it.
        message.put("eventSourceARN", arn + ".fifo");
      }
    }
    return write(event);
  }

  private static byte[] write(JsonNode event) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of an event file. */
  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }
}
