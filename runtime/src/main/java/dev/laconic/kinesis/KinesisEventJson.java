package dev.laconic.kinesis;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent.KinesisEventRecord;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.stream.EventJson;
import dev.laconic.stream.MalformedEventException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Kinesis Data Streams event, plain or tumbling-window, with jackson-core's streaming API
 * into the objects the Lambda Java runtime's serializer builds for the same bytes.
 *
 * <p>Each record's {@code data} is decoded from base64 into a {@code ByteBuffer},
 * {@code approximateArrivalTimestamp} (epoch seconds with milliseconds) becomes
 * {@code new Date((long) (seconds * 1000))} as the runtime's date module makes it, every other
 * field is text, unknown fields are ignored. The whole event is read before anything is
 * returned. What the runtime coerces from shapes Lambda never sends (a single value for a list,
 * an empty string for an object, a string for a boolean) is a {@link MalformedEventException}
 * here, naming the line and column. The partial batch response of a Kinesis handler is a
 * {@code StreamsEventResponse} ({@link dev.laconic.stream.StreamEventJson#write}); a window
 * handler's is a {@code TimeWindowEventResponse} ({@link dev.laconic.stream.TimeWindowJson}).
 *
 * <p>Event format:
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html">Using Lambda with
 * Kinesis Data Streams</a>; windows:
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-kinesis-windows.html">stateful
 * Kinesis processing</a>.
 */
public final class KinesisEventJson {

  private static final EventJson JSON = new EventJson("Kinesis event", "event");

  private KinesisEventJson() {}

  /**
   * The event in {@code input}, or null for the JSON {@code null}.
   *
   * @throws MalformedEventException when the input is not a Kinesis event
   */
  public static KinesisEvent read(InputStream input) throws IOException {
    try (JsonParser parser = JSON.parser(input.readAllBytes())) {
      if (!JSON.startObject(parser)) {
        return null;
      }
      KinesisEvent event = new KinesisEvent();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        if (name.equals("Records")) {
          event.setRecords(records(parser));
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
   * The tumbling-window event in {@code input}: the records of {@link #read}, and the window,
   * the state and the flags Lambda adds for a mapping with {@code TumblingWindowInSeconds}; null
   * for the JSON {@code null}.
   *
   * @throws MalformedEventException when the input is not a Kinesis event
   */
  public static KinesisTimeWindowEvent readWindow(InputStream input) throws IOException {
    try (JsonParser parser = JSON.parser(input.readAllBytes())) {
      if (!JSON.startObject(parser)) {
        return null;
      }
      KinesisTimeWindowEvent event = new KinesisTimeWindowEvent();
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        switch (name) {
          case "Records" -> event.setRecords(records(parser));
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

  private static List<KinesisEventRecord> records(JsonParser parser) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    JSON.expect(parser, JsonToken.START_ARRAY, "Records");
    List<KinesisEventRecord> records = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      records.add(EventJson.isNull(parser) ? null : record(parser));
    }
    return records;
  }

  private static KinesisEventRecord record(JsonParser parser) throws IOException {
    JSON.expect(parser, JsonToken.START_OBJECT, "a record");
    KinesisEventRecord record = new KinesisEventRecord();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "kinesis" -> record.setKinesis(EventJson.isNull(parser) ? null : kinesis(parser));
        case "eventSource" -> record.setEventSource(JSON.text(parser, name));
        case "eventID" -> record.setEventID(JSON.text(parser, name));
        case "invokeIdentityArn" -> record.setInvokeIdentityArn(JSON.text(parser, name));
        case "eventName" -> record.setEventName(JSON.text(parser, name));
        case "eventVersion" -> record.setEventVersion(JSON.text(parser, name));
        case "eventSourceARN" -> record.setEventSourceARN(JSON.text(parser, name));
        case "awsRegion" -> record.setAwsRegion(JSON.text(parser, name));
        default -> parser.skipChildren();
      }
    }
    return record;
  }

  private static KinesisEvent.Record kinesis(JsonParser parser) throws IOException {
    JSON.expect(parser, JsonToken.START_OBJECT, "kinesis");
    KinesisEvent.Record kinesis = new KinesisEvent.Record();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "kinesisSchemaVersion" -> kinesis.setKinesisSchemaVersion(JSON.text(parser, name));
        case "sequenceNumber" -> kinesis.setSequenceNumber(JSON.text(parser, name));
        case "approximateArrivalTimestamp" ->
            kinesis.setApproximateArrivalTimestamp(JSON.epochSeconds(parser, name));
        case "data" -> kinesis.setData(JSON.binary(parser, name));
        case "partitionKey" -> kinesis.setPartitionKey(JSON.text(parser, name));
        case "encryptionType" -> kinesis.setEncryptionType(JSON.text(parser, name));
        default -> parser.skipChildren();
      }
    }
    return kinesis;
  }
}
