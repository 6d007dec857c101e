package dev.laconic.benchmarks;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints one table each: {@code java -jar benchmarks/target/benchmarks.jar
 * [cold] [warm] [processor]} (all three without arguments).
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    List<String> parts = args.length == 0 ? List.of("cold", "warm", "processor")
        : Arrays.asList(args);
    System.out.println("Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + "), " + Runtime.getRuntime().availableProcessors()
        + " processors, " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    if (parts.contains("cold")) {
      System.out.println("\nCold start: fresh JVM to the first batch handled, median of 11 runs\n");
      System.out.print(ColdStart.run(11));
    }
    if (parts.contains("warm")) {
      System.out.println("\nWarm throughput: 100-record events, JMH (1 fork, 5 x 2 s after 5 x 1 s"
          + " warm-up)\n");
      System.out.print(warm());
    }
    if (parts.contains("processor")) {
      System.out.println("\nProcessor cost: javac on a generated project, median of 5 runs\n");
      System.out.print(ProcessorCost.run(5));
    }
  }

  private static String warm() throws Exception {
    Options options = new OptionsBuilder()
        .include(WarmThroughput.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(5)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(2))
        .shouldDoGC(true)
        .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
        .build();
    Collection<RunResult> results = new Runner(options).run();
    double official = 0;
    double laconic = 0;
    double floor = 0;
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double eventsPerSecond = result.getPrimaryResult().getScore();
      double recordsPerSecond = eventsPerSecond * Integer.parseInt(result.getParams().getParam(
          "records"));
      if (name.endsWith(".official")) {
        official = recordsPerSecond;
      } else if (name.endsWith(".laconic")) {
        laconic = recordsPerSecond;
      } else {
        floor = recordsPerSecond;
      }
    }
    return new Table("path", "records/s", "vs official", "vs tokenize-only")
        .row("official (runtime serializer)", thousands(official), "1.00",
            ratio(official, floor))
        .row("Laconic adapter", thousands(laconic), ratio(laconic, official),
            ratio(laconic, floor))
        .row("tokenize only (floor)", thousands(floor), ratio(floor, official), "1.00")
        .toString();
  }

  private static String thousands(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }
}
