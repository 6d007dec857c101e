package dev.laconic.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm throughput (JMH): events per second of one {@code records}-record event through the
 * official path and Laconic's raw adapter, the hand-written Enhanced Client chain and Laconic's
 * typed adapter, and jackson-core tokenizing the same bytes and nothing else (the floor any JSON
 * reader pays).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WarmThroughput {

  @Param("100")
  public int records;

  private byte[] event;
  private final Paths.Official official = new Paths.Official();
  private final Paths.Laconic laconic = new Paths.Laconic();
  private final Paths.Chain chain = new Paths.Chain();
  private final Paths.LaconicTyped laconicTyped = new Paths.LaconicTyped();
  private final QuietContext context = new QuietContext();
  private final JsonFactory json = new JsonFactory();

  @Setup
  public void setUp() {
    event = Events.event(records);
  }

  @Benchmark
  public byte[] official() {
    return official.invoke(event, context);
  }

  @Benchmark
  public byte[] laconic() throws IOException {
    return laconic.invoke(event, context);
  }

  @Benchmark
  public byte[] chain() {
    return chain.invoke(event, context);
  }

  @Benchmark
  public byte[] laconicTyped() throws IOException {
    return laconicTyped.invoke(event, context);
  }

  @Benchmark
  public int tokenizeOnly() throws IOException {
    int tokens = 0;
    try (JsonParser parser = json.createParser(event)) {
      while (parser.nextToken() != null) {
        tokens++;
      }
    }
    return tokens;
  }
}
