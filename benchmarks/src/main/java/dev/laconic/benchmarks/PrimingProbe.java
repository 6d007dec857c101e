package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.laconic.snapstart.Priming;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One first invocation after priming, in a fresh JVM: creates the SnapStart adapter as Lambda's
 * init phase does, primes it {@code iterations} times as its {@code beforeCheckpoint} would (0:
 * no priming), then times the first real batch. Prints {@code first <ns> priming <ns>}.
 *
 * <p>Arguments: {@code raw|typed}, the number of priming iterations, the event file.
 */
public final class PrimingProbe {

  private PrimingProbe() {}

  public static void main(String[] args) throws Exception {
    String adapterName = args[0].equals("typed")
        ? "com.example.benchmarks.Laconic_SnapStartTypedBenchHandler_onOrder"
        : "dev.laconic.benchmarks.Laconic_SnapStartBenchHandler_onRecord";
    int iterations = Integer.parseInt(args[1]);
    byte[] event = Files.readAllBytes(Path.of(args[2]));
    QuietContext context = new QuietContext();

    // Init: Lambda loads and creates the handler, which registers the priming.
    Class<?> type = Class.forName(adapterName);
    RequestStreamHandler adapter =
        (RequestStreamHandler) type.getDeclaredConstructor().newInstance();
    Field field = type.getDeclaredField("PRIMING");
    field.setAccessible(true);
    Priming priming = (Priming) field.get(null);

    long primingStart = System.nanoTime();
    if (iterations > 0 && !priming.prime(iterations)) {
      throw new IllegalStateException("priming failed");
    }
    long primingTime = System.nanoTime() - primingStart;

    // What a restored snapshot still spends on its first invocation.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long start = System.nanoTime();
    adapter.handleRequest(new ByteArrayInputStream(event), out, context);
    long first = System.nanoTime() - start;

    System.out.println("first " + first + " priming " + primingTime + " " + out.size() + " "
        + BenchHandler.checksum + " " + com.example.benchmarks.TypedBenchHandler.checksum);
    System.out.flush();
  }
}
