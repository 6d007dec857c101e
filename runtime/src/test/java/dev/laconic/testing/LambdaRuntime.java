package dev.laconic.testing;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads events and writes responses the way the Lambda Java runtime does, with its own serializer
 * ({@code aws-lambda-java-serialization}), and reads the test events in
 * {@code src/test/resources/events/}.
 *
 * <p>For a {@code RequestHandler<I, O>} the runtime picks a serializer per type: for a type that
 * {@link LambdaEventSerializers#isLambdaSupportedEvent} names (such as {@code KinesisEvent} or
 * {@code SQSEvent}) it uses {@link LambdaEventSerializers#serializerFor}, with that event's mixins
 * and the module that reads a {@code Date} as epoch seconds; for any other type (such as
 * {@code SQSBatchResponse} or {@code TimeWindowEventResponse}) the plain {@link JacksonFactory}.
 * The event arrives as bytes, so it is read through {@link PojoSerializer#fromJson(InputStream)}.
 */
public final class LambdaRuntime {

  private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();

  private LambdaRuntime() {}

  /** The serializer the runtime picks for {@code type}. */
  @SuppressWarnings("unchecked")
  public static <T> PojoSerializer<T> serializerFor(Class<T> type) {
    return (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type, t -> {
      if (LambdaEventSerializers.isLambdaSupportedEvent(t.getName())) {
        return LambdaEventSerializers.serializerFor(t, LambdaRuntime.class.getClassLoader());
      }
      return JacksonFactory.getInstance().getSerializer(t);
    });
  }

  /** {@code json} read as the runtime reads these bytes from an invocation. */
  public static <T> T read(Class<T> type, byte[] json) {
    return serializerFor(type).fromJson(new ByteArrayInputStream(json));
  }

  /** {@code json} read as the runtime reads it, sent as UTF-8 bytes as Lambda sends it. */
  public static <T> T read(Class<T> type, String json) {
    return read(type, json.getBytes(StandardCharsets.UTF_8));
  }

  /** The bytes the runtime sends back to Lambda for {@code response}. */
  @SuppressWarnings("unchecked")
  public static byte[] write(Object response) {
    if (response == null) {
      // The runtime writes a null result as the JSON null.
      return "null".getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ((PojoSerializer<Object>) serializerFor(response.getClass())).toJson(response, out);
    return out.toByteArray();
  }

  /** The bytes of a test event, exactly as they are in the file. */
  public static byte[] event(String name) {
    try (InputStream in = LambdaRuntime.class.getClassLoader()
        .getResourceAsStream("events/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test event events/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
