package dev.laconic.sqs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.MessageAttribute;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.stream.EventJson;
import dev.laconic.stream.MalformedEventException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an SQS event and writes a partial batch response with jackson-core's streaming API, as
 * the Lambda Java runtime's serializer reads and writes them.
 *
 * <p>The objects built are the ones the runtime builds for the same bytes: every message field as
 * text, {@code attributes} and {@code messageAttributes} as maps in event order (null values
 * kept), a message attribute's {@code binaryValue} and {@code binaryListValues} base64-decoded
 * into {@code ByteBuffer}s, unknown fields ignored. The whole event is read before anything is
 * returned: a message attribute that is not valid base64 fails the whole event, as it does in
 * the runtime. What the runtime coerces from shapes Lambda never sends (a single value for a
 * list, an empty string for an object) is a {@link MalformedEventException} here, with the line
 * and column.
 *
 * <p>Event format: <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">Using
 * Lambda with Amazon SQS</a>; a handler reports failed messages by their {@code messageId}
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-errorhandling.html">partial
 * batch responses</a>).
 */
public final class SqsEventJson {

  /**
   * The response of a batch without failures, as the runtime writes it: most responses, written
   * without a generator, whose classes would cost milliseconds of the first invocation.
   */
  private static final byte[] NO_FAILURES =
      "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);

  private static final EventJson JSON = new EventJson("SQS event", "event");

  private SqsEventJson() {}

  /**
   * The event in {@code input}, or null for the JSON {@code null}.
   *
   * @throws MalformedEventException when the input is not an SQS event
   */
  public static SQSEvent read(InputStream input) throws IOException {
    try (JsonParser parser = JSON.parser(input.readAllBytes())) {
      if (!JSON.startObject(parser)) {
        return null;
      }
      SQSEvent event = new SQSEvent();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        if (name.equals("Records")) {
          event.setRecords(messages(parser));
        } else {
          parser.skipChildren();
        }
      }
      return event;
    } catch (JsonProcessingException e) {
      throw JSON.notJson(e);
    }
  }

  /** Writes {@code response} as the Lambda Java runtime writes an {@code SQSBatchResponse}. */
  public static void write(SQSBatchResponse response, OutputStream output) throws IOException {
    if (response != null && response.getBatchItemFailures() != null
        && response.getBatchItemFailures().isEmpty()) {
      output.write(NO_FAILURES);
      output.flush(); // as the generator flushes when it is closed
      return;
    }
    try (JsonGenerator json = EventJson.generator(output)) {
      if (response == null) {
        json.writeNull();
        return;
      }
      // The runtime's serializer leaves null fields out.
      json.writeStartObject();
      List<SQSBatchResponse.BatchItemFailure> failures = response.getBatchItemFailures();
      if (failures != null) {
        json.writeArrayFieldStart("batchItemFailures");
        for (SQSBatchResponse.BatchItemFailure failure : failures) {
          EventJson.writeBatchItemFailure(json, failure,
              failure == null ? null : failure.getItemIdentifier());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }

  private static List<SQSMessage> messages(JsonParser parser) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    JSON.expect(parser, JsonToken.START_ARRAY, "Records");
    List<SQSMessage> messages = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      messages.add(EventJson.isNull(parser) ? null : message(parser));
    }
    return messages;
  }

  private static SQSMessage message(JsonParser parser) throws IOException {
    JSON.expect(parser, JsonToken.START_OBJECT, "a message");
    SQSMessage message = new SQSMessage();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "messageId" -> message.setMessageId(JSON.text(parser, name));
        case "receiptHandle" -> message.setReceiptHandle(JSON.text(parser, name));
        case "body" -> message.setBody(JSON.text(parser, name));
        case "md5OfBody" -> message.setMd5OfBody(JSON.text(parser, name));
        case "md5OfMessageAttributes" -> message.setMd5OfMessageAttributes(JSON.text(parser, name));
        case "eventSourceARN" -> message.setEventSourceArn(JSON.text(parser, name));
        case "eventSource" -> message.setEventSource(JSON.text(parser, name));
        case "awsRegion" -> message.setAwsRegion(JSON.text(parser, name));
        case "attributes" -> message.setAttributes(JSON.textMap(parser, name));
        case "messageAttributes" -> message.setMessageAttributes(messageAttributes(parser));
        default -> parser.skipChildren();
      }
    }
    return message;
  }

  private static Map<String, MessageAttribute> messageAttributes(JsonParser parser)
      throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    JSON.expect(parser, JsonToken.START_OBJECT, "messageAttributes");
    Map<String, MessageAttribute> attributes = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      attributes.put(name, EventJson.isNull(parser) ? null : messageAttribute(parser));
    }
    return attributes;
  }

  private static MessageAttribute messageAttribute(JsonParser parser) throws IOException {
    JSON.expect(parser, JsonToken.START_OBJECT, "a message attribute");
    MessageAttribute attribute = new MessageAttribute();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "stringValue" -> attribute.setStringValue(JSON.text(parser, name));
        case "binaryValue" -> attribute.setBinaryValue(JSON.binary(parser, name));
        case "stringListValues" -> attribute.setStringListValues(JSON.texts(parser, name));
        case "binaryListValues" -> attribute.setBinaryListValues(JSON.binaries(parser, name));
        case "dataType" -> attribute.setDataType(JSON.text(parser, name));
        default -> parser.skipChildren();
      }
    }
    return attribute;
  }
}
