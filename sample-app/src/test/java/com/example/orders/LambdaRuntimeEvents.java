package com.example.orders;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the test events in {@code src/test/resources/events/} and writes responses the way the
 * Lambda Java runtime does, with its own serializer ({@code aws-lambda-java-serialization}).
 *
 * <p>For a {@code RequestHandler<I, O>} the runtime picks a serializer per type: for a type that
 * {@link LambdaEventSerializers#isLambdaSupportedEvent} names (such as {@link DynamodbEvent}) it
 * uses {@link LambdaEventSerializers#serializerFor}, with the DynamoDB mixins that map {@code S},
 * {@code N}, {@code B}, ... and read {@code ApproximateCreationDateTime} as epoch seconds; for any
 * other type (such as {@link StreamsEventResponse}) it uses the plain {@link JacksonFactory}. The
 * event arrives as a stream of bytes, so events are read through
 * {@link PojoSerializer#fromJson(InputStream)}, never through the {@code String} overload.
 *
 * <p>Byte-order marks: {@code dotnet__dynamodb-event.json} starts with a UTF-8 BOM. The runtime's
 * serializer accepts it when it reads bytes (its JSON parser detects the encoding from the first
 * bytes and skips the BOM), so the bytes are passed on untouched, as they are in the file. The
 * {@code String} overload does not accept it ({@code Unexpected character ... 0xfeff}); Lambda
 * never delivers an event with a BOM anyway.
 */
final class LambdaRuntimeEvents {

  /** The folder of the test events, on the test class path. */
  static final String FOLDER = "events/";

  /** Invalid JSON on purpose. */
  static final String MALFORMED = "go__dynamodb-event-malformed.2.json";

  /** One stream record, not a whole event. */
  static final String SINGLE_RECORD = "java__dynamo_ddb_stream_record.json";

  /** The files that use all ten attribute types. */
  static final String GO_ALL_TYPES = "go__dynamodb-event.json";
  static final String DOTNET_ALL_TYPES = "dotnet__dynamodb-event.json";

  /** Every DynamoDB event file: all but the malformed one and the single record. */
  static final List<String> DYNAMODB_EVENTS = List.of(
      "dotnet__dynamodb-event.json",
      "go__dynamodb-event.json",
      "go__dynamodb-time-window-event.json",
      "java__dynamo_event.json",
      "java__dynamo_event_roundtrip.json",
      "java__dynamo_time_window_event.json",
      "powertools-java__dynamo_event.json",
      "powertools-java__dynamo_event_big.json");

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private LambdaRuntimeEvents() {}

  /** Used by {@code @MethodSource}. */
  static List<String> dynamodbEvents() {
    return DYNAMODB_EVENTS;
  }

  /** The bytes of a test event, exactly as they are in the file. */
  static byte[] bytes(String name) {
    try (InputStream in = LambdaRuntimeEvents.class.getClassLoader()
        .getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test event " + FOLDER + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code bytes} start with a UTF-8 byte-order mark. */
  static boolean hasBom(byte[] bytes) {
    return bytes.length >= 3
        && Arrays.equals(Arrays.copyOfRange(bytes, 0, 3), UTF8_BOM);
  }

  /** {@code bytes} without a leading UTF-8 byte-order mark. */
  static byte[] withoutBom(byte[] bytes) {
    return hasBom(bytes) ? Arrays.copyOfRange(bytes, 3, bytes.length) : bytes;
  }

  /** The runtime's serializer for the input of the adapters. */
  static PojoSerializer<DynamodbEvent> eventSerializer() {
    return runtimeSerializerFor(DynamodbEvent.class);
  }

  /** The runtime's serializer for the output of the adapters. */
  static PojoSerializer<StreamsEventResponse> responseSerializer() {
    return runtimeSerializerFor(StreamsEventResponse.class);
  }

  /** Reads a test event file as the runtime would read it from the invocation. */
  static DynamodbEvent dynamodbEvent(String name) {
    return dynamodbEvent(bytes(name));
  }

  /** Reads an event as the runtime would read these bytes from the invocation. */
  static DynamodbEvent dynamodbEvent(byte[] json) {
    return eventSerializer().fromJson(new ByteArrayInputStream(json));
  }

  /** Reads an event from JSON text, sent as UTF-8 bytes as Lambda sends it. */
  static DynamodbEvent dynamodbEventFromText(String json) {
    return dynamodbEvent(json.getBytes(StandardCharsets.UTF_8));
  }

  /** The JSON the runtime sends back to Lambda for {@code response}. */
  static String toJson(StreamsEventResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    responseSerializer().toJson(response, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The serializer the runtime picks for {@code type} (platform neither Android nor iOS, as for
   * every invocation that does not come from the mobile SDKs).
   */
  static <T> PojoSerializer<T> runtimeSerializerFor(Class<T> type) {
    if (LambdaEventSerializers.isLambdaSupportedEvent(type.getName())) {
      return LambdaEventSerializers.serializerFor(type, LambdaRuntimeEvents.class.getClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }
}
