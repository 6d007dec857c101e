package dev.laconic.benchmarks;

import com.example.benchmarks.TypedBenchHandler;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmarks compare like with like: both paths see the same records and answer the same
 * bytes, and the generated events are what the runtime reads. No timing here.
 */
class PathsTest {

  @ParameterizedTest(name = "{0} records")
  @ValueSource(ints = {1, 100, 1000})
  void bothPathsHandleTheSameRecordsAndAnswerTheSameBytes(int records) throws Exception {
    byte[] event = Events.event(records);
    DynamodbEvent read = LambdaEventSerializers.serializerFor(DynamodbEvent.class,
        getClass().getClassLoader()).fromJson(new ByteArrayInputStream(event));
    assertEquals(records, read.getRecords().size());
    int size = event.length / records;
    assertEquals(true, size > 1000 && size < 1400, "about 1.2 KB per record: " + size);

    long before = BenchHandler.checksum;
    byte[] official = new Paths.Official().invoke(event, new QuietContext());
    long officialSum = BenchHandler.checksum - before;
    before = BenchHandler.checksum;
    byte[] laconic = new Paths.Laconic().invoke(event, new QuietContext());
    long laconicSum = BenchHandler.checksum - before;

    assertEquals(new String(official, StandardCharsets.UTF_8),
        new String(laconic, StandardCharsets.UTF_8));
    assertEquals("{\"batchItemFailures\":[]}", new String(laconic, StandardCharsets.UTF_8));
    assertEquals(officialSum, laconicSum);
  }

  @ParameterizedTest(name = "{0} records")
  @ValueSource(ints = {1, 100, 1000})
  void typedPathsMapTheSameOrdersAndAnswerTheSameBytes(int records) throws Exception {
    byte[] event = Events.event(records);
    long before = TypedBenchHandler.checksum;
    byte[] chain = new Paths.Chain().invoke(event, new QuietContext());
    long chainSum = TypedBenchHandler.checksum - before;
    before = TypedBenchHandler.checksum;
    byte[] typed = new Paths.LaconicTyped().invoke(event, new QuietContext());
    long typedSum = TypedBenchHandler.checksum - before;

    assertEquals(new String(chain, StandardCharsets.UTF_8),
        new String(typed, StandardCharsets.UTF_8));
    assertEquals("{\"batchItemFailures\":[]}", new String(typed, StandardCharsets.UTF_8));
    assertEquals(chainSum, typedSum);
    assertEquals(true, typedSum >= records * 28L, "every attribute was read: " + typedSum);
  }
}
