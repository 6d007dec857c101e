package dev.laconic.benchmarks;

import com.example.benchmarks.TypedBenchHandler;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One cold start, in a fresh JVM: reads the event file, handles it once by the path named, prints
 * {@code handled} and exits. {@link ColdStart} times it from process start to that line.
 *
 * <p>Arguments: {@code official|laconic|chain|typed|none} and the event file; {@code none}
 * handles nothing, to measure the JVM's own start.
 */
public final class ColdStartProbe {

  private ColdStartProbe() {}

  public static void main(String[] args) throws Exception {
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    byte[] response;
    switch (args[0]) {
      case "official":
        response = new Paths.Official().invoke(event, new QuietContext());
        break;
      case "laconic":
        response = new Paths.Laconic().invoke(event, new QuietContext());
        break;
      case "chain":
        response = new Paths.Chain().invoke(event, new QuietContext());
        break;
      case "typed":
        response = new Paths.LaconicTyped().invoke(event, new QuietContext());
        break;
      default:
        response = new byte[0];
    }
    // Appended by hand: "handled " + ... compiles to invokedynamic, whose first bootstrap costs
    // tens of milliseconds of a cold JVM; it would be timed after the handling and hide the cost
    // of any invokedynamic the paths run themselves, since the second bootstrap is cheaper.
    System.out.println(new StringBuilder("handled ").append(response.length).append(' ')
        .append(BenchHandler.checksum).append(' ').append(TypedBenchHandler.checksum));
    System.out.flush();
  }
}
