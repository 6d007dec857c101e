package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The two ways an invocation reaches {@link BenchHandler}: as the Lambda Java runtime runs a
 * {@code RequestHandler<DynamodbEvent, StreamsEventResponse>} (its serializer with the DynamoDB
 * mixins, in and out), and as it runs Laconic's generated {@code RequestStreamHandler}.
 */
final class Paths {

  private Paths() {}

  /** The runtime's path; the serializers are created on the first call, as on a cold start. */
  static final class Official {
    private PojoSerializer<DynamodbEvent> events;
    private PojoSerializer<StreamsEventResponse> responses;
    private final Laconic_BenchHandler_onRecord adapter = new Laconic_BenchHandler_onRecord();

    byte[] invoke(byte[] event, Context context) {
      if (events == null) {
        events = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
            Official.class.getClassLoader());
        responses = JacksonFactory.getInstance().getSerializer(StreamsEventResponse.class);
      }
      StreamsEventResponse response =
          adapter.handle(events.fromJson(new ByteArrayInputStream(event)), context);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      responses.toJson(response, out);
      return out.toByteArray();
    }
  }

  /** Laconic's generated adapter, as the runtime calls a RequestStreamHandler. */
  static final class Laconic {
    private final Laconic_BenchHandler_onRecord adapter = new Laconic_BenchHandler_onRecord();

    byte[] invoke(byte[] event, Context context) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      adapter.handleRequest(new ByteArrayInputStream(event), out, context);
      return out.toByteArray();
    }
  }
}
