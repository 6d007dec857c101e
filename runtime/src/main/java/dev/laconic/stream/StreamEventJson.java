package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a DynamoDB stream event and writes a partial batch response with jackson-core's streaming
 * API: what the generated adapters use instead of the Lambda Java runtime's serializer, whose
 * databind set-up dominates a cold start.
 *
 * <p>For events in the shape Lambda sends (and the relaxed JSON syntax the runtime's parser
 * accepts), the objects built are the ones {@code aws-lambda-java-serialization} builds for the
 * same bytes: the same fields (unknown ones ignored), {@code ApproximateCreationDateTime} as
 * {@code new Date((long) (seconds * 1000))} and none for 0, {@code B} values base64-decoded into
 * {@code ByteBuffer}s, maps in event order; the response is written byte for byte as the runtime
 * writes it. The whole event is read before anything is returned, so a malformed event never
 * reaches the handler in part. The runtime's lenient coercions of other shapes (a single value
 * for a list, an empty string for an object, a string or number for a boolean) are errors here,
 * as are bytes that are not valid UTF-8. Needs jackson-core 2.13 or later.
 *
 * <p>A tumbling-window event ({@link #readWindow}) is read the same way; its response is written
 * by {@link TimeWindowJson}.
 */
public final class StreamEventJson {

  private static final DynamoRecordJson RECORDS = DynamoRecordJson.STREAM_EVENT;
  private static final EventJson JSON = RECORDS.json();

  /**
   * The response of a batch without failures, as the runtime writes it: most responses, written
   * without a generator, whose classes would cost milliseconds of the first invocation.
   */
  private static final byte[] NO_FAILURES =
      "{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8);

  private StreamEventJson() {}

  /**
   * The event in {@code input}, or null for the JSON {@code null}.
   *
   * @throws MalformedEventException when the input is not a DynamoDB stream event
   */
  public static DynamodbEvent read(InputStream input) throws IOException {
    // Read whole: parsing from an array is faster, and the images are parsed later from it.
    byte[] source = input.readAllBytes();
    try (JsonParser parser = JSON.parser(source)) {
      if (!JSON.startObject(parser)) {
        return null;
      }
      DynamodbEvent event = new DynamodbEvent();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        if (name.equals("Records")) {
          event.setRecords(EventJson.isNull(parser) ? null : RECORDS.records(parser, source));
        } else {
          parser.skipChildren();
        }
      }
      return event;
    } catch (JsonProcessingException e) {
      throw JSON.notJson(e);
    }
  }

  /**
   * The tumbling-window event in {@code input}: the records of {@link #read}, and the window, the
   * state and the flags Lambda adds for a mapping with {@code TumblingWindowInSeconds}; null for
   * the JSON {@code null}.
   *
   * @throws MalformedEventException when the input is not a DynamoDB stream event
   */
  public static DynamodbTimeWindowEvent readWindow(InputStream input) throws IOException {
    byte[] source = input.readAllBytes();
    try (JsonParser parser = JSON.parser(source)) {
      if (!JSON.startObject(parser)) {
        return null;
      }
      DynamodbTimeWindowEvent event = new DynamodbTimeWindowEvent();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        switch (name) {
          case "Records" -> event.setRecords(
              EventJson.isNull(parser) ? null : RECORDS.records(parser, source));
          case "window" -> event.setWindow(JSON.window(parser));
          case "state" -> event.setState(JSON.textMap(parser, name));
          case "shardId" -> event.setShardId(JSON.text(parser, name));
          case "eventSourceARN" -> event.setEventSourceArn(JSON.text(parser, name));
          case "isFinalInvokeForWindow" -> event.setIsFinalInvokeForWindow(JSON.bool(parser, name));
          case "isWindowTerminatedEarly" ->
              event.setIsWindowTerminatedEarly(JSON.bool(parser, name));
          default -> parser.skipChildren();
        }
      }
      return event;
    } catch (JsonProcessingException e) {
      throw JSON.notJson(e);
    }
  }

  /** Writes {@code response} as the Lambda Java runtime writes a {@code StreamsEventResponse}. */
  public static void write(StreamsEventResponse response, OutputStream output)
      throws IOException {
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
      List<StreamsEventResponse.BatchItemFailure> failures = response.getBatchItemFailures();
      if (failures != null) {
        json.writeArrayFieldStart("batchItemFailures");
        for (StreamsEventResponse.BatchItemFailure failure : failures) {
          EventJson.writeBatchItemFailure(json, failure,
              failure == null ? null : failure.getItemIdentifier());
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }
}
