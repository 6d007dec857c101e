package dev.laconic.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints one table each: {@code java -jar benchmarks/target/benchmarks.jar
 * [cold] [cold-c1] [warm] [processor] [priming] [logs]} (cold, warm and processor without
 * arguments).
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
      System.out.println("\nCold start, typed: an Enhanced Client bean per record, median of 11"
          + " runs\n");
      System.out.print(ColdStart.runTyped(11));
    }
    if (parts.contains("cold-c1")) {
      System.out.println("\nCold start, every JVM with " + String.join(" ", C1_ONLY)
          + ", median of 11 runs\n");
      System.out.print(ColdStart.run(11, C1_ONLY));
    }
    if (parts.contains("warm")) {
      System.out.println("\nWarm throughput: 100-record events, JMH (" + WARM_FORKS + " forks, each"
          + " 5 x 2 s after 5 x 1 s warm-up)\n");
      System.out.print(warm());
    }
    if (parts.contains("priming")) {
      System.out.println("\nSnapStart priming: the first batch after the adapter primed 0, 1, 10"
          + " or 100 times, fresh JVM per run, median (min-max) of 11 runs\n");
      System.out.print(SnapStartPriming.run(11));
    }
    if (parts.contains("logs")) {
      System.out.println("\nLogging the echo's fields on a cold start: fresh JVM per run, median of"
          + " 11 runs\n");
      System.out.print(LogCost.run(11));
    }
    if (parts.contains("processor")) {
      System.out.println("\nProcessor cost: a fresh javac per compile, Laconic against AutoValue,"
          + " median of " + PROCESSOR_ROUNDS + " rounds\n");
      System.out.print(ProcessorCost.run(PROCESSOR_ROUNDS));
    }
  }

  /** Rounds of the processor-cost benchmark: about 3 minutes on 2 idle cores, 6 to 8 shared. */
  static final int PROCESSOR_ROUNDS = 5;
  /** AWS's cold-start advice for Java functions, what Lambda's java17 and java21 run by default. */
  static final List<String> C1_ONLY = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

  /** JMH forks of the warm benchmark: one fork's JIT decisions can move its score by a third. */
  static final int WARM_FORKS = 5;

  private static String warm() throws Exception {
    Options options = new OptionsBuilder()
        .include(WarmThroughput.class.getName() + "\\.")
        .forks(WARM_FORKS)
        .warmupIterations(5)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(5)
        .measurementTime(TimeValue.seconds(2))
        .shouldDoGC(true)
        .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
        .build();
    Map<String, List<Double>> forks = new TreeMap<>();
    for (RunResult result : new Runner(options).run()) {
      String name = result.getParams().getBenchmark();
      int records = Integer.parseInt(result.getParams().getParam("records"));
      List<Double> scores = new ArrayList<>();
      for (BenchmarkResult fork : result.getBenchmarkResults()) {
        scores.add(fork.getPrimaryResult().getScore() * records);
      }
      forks.put(name.substring(name.lastIndexOf('.') + 1), scores);
    }
    double official = Table.median(forks.get("official"));
    double chain = Table.median(forks.get("chain"));
    double floor = Table.median(forks.get("tokenizeOnly"));
    Table table = new Table("path", "records/s (median)", "forks min-max", "vs official",
        "vs chain", "vs tokenize-only");
    row(table, "official (runtime serializer)", forks.get("official"), official, chain, floor);
    row(table, "Laconic adapter (raw records)", forks.get("laconic"), official, chain, floor);
    row(table, "Enhanced Client chain (typed)", forks.get("chain"), official, chain, floor);
    row(table, "Laconic adapter (typed)", forks.get("laconicTyped"), official, chain, floor);
    row(table, "tokenize only (floor)", forks.get("tokenizeOnly"), official, chain, floor);
    return table.toString() + "\nPer fork (records/s): " + forks + "\n";
  }

  private static void row(Table table, String path, List<Double> scores, double official,
      double chain, double floor) {
    double median = Table.median(scores);
    table.row(path, thousands(median),
        thousands(Collections.min(scores)) + "-"
            + thousands(Collections.max(scores)),
        ratio(median, official), ratio(median, chain), ratio(median, floor));
  }

  private static String thousands(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }
}
