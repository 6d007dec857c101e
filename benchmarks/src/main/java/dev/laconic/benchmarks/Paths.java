package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import com.example.benchmarks.BenchOrder;
import com.example.benchmarks.Laconic_TypedBenchHandler_onOrder;
import com.example.benchmarks.TypedBenchHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * The ways an invocation reaches the benchmark handlers. For the raw {@link BenchHandler}: as the
 * Lambda Java runtime runs a {@code RequestHandler<DynamodbEvent, StreamsEventResponse>} (its
 * serializer with the DynamoDB mixins, in and out), and as it runs Laconic's generated
 * {@code RequestStreamHandler}. For the typed {@link TypedBenchHandler}: the chain a team writes
 * today to get its Enhanced Client bean from a stream record (the runtime's serializer,
 * {@code aws-lambda-java-events-sdk-transformer}, {@code TableSchema.fromBean(...).mapToItem}, a
 * partial batch response), and Laconic's generated typed adapter.
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

  /**
   * The typed handler behind the chain a team writes by hand: what a {@code RequestHandler}
   * doing the same work as Laconic's typed adapter (per-record failures, REMOVEs skipped) runs.
   */
  static final class Chain {
    private PojoSerializer<DynamodbEvent> events;
    private PojoSerializer<StreamsEventResponse> responses;
    private TableSchema<BenchOrder> schema;
    private final TypedBenchHandler handler = new TypedBenchHandler();

    byte[] invoke(byte[] event, Context context) {
      if (events == null) {
        // A team creates the schema once, in a static field: part of the cold start.
        events = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
            Chain.class.getClassLoader());
        responses = JacksonFactory.getInstance().getSerializer(StreamsEventResponse.class);
        schema = TableSchema.fromBean(BenchOrder.class);
      }
      DynamodbEvent records = events.fromJson(new ByteArrayInputStream(event));
      List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
      for (DynamodbEvent.DynamodbStreamRecord record : records.getRecords()) {
        if ("REMOVE".equals(record.getEventName())) {
          continue;
        }
        try {
          handler.onOrder(schema.mapToItem(DynamodbAttributeValueTransformer
              .toAttributeValueMapV2(record.getDynamodb().getNewImage())));
        } catch (RuntimeException e) {
          failures.add(new StreamsEventResponse.BatchItemFailure(
              record.getDynamodb().getSequenceNumber()));
          break; // a stream is retried from the first failure
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      responses.toJson(new StreamsEventResponse(failures), out);
      return out.toByteArray();
    }
  }

  /** Laconic's generated typed adapter, as the runtime calls a RequestStreamHandler. */
  static final class LaconicTyped {
    private final Laconic_TypedBenchHandler_onOrder adapter =
        new Laconic_TypedBenchHandler_onOrder();

    byte[] invoke(byte[] event, Context context) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      adapter.handleRequest(new ByteArrayInputStream(event), out, context);
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
