package dev.laconic.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Cold starts: for N = 1, 100 and 1000 records, starts a fresh JVM per run and times it from
 * process start to the first batch handled, by the official path and by Laconic's adapter, runs
 * interleaved so that a noisy machine hurts both alike. Reports medians and the ratio.
 */
final class ColdStart {

  private ColdStart() {}

  static String run(int runs) throws IOException, InterruptedException {
    return run(runs, List.of());
  }

  /**
   * As {@link #run(int)}, every JVM started with {@code jvmOptions}, such as the C1-only options
   * AWS advises for cold starts ({@code cold-c1}).
   */
  static String run(int runs, List<String> jvmOptions) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("laconic-cold");
    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    java.addAll(jvmOptions);
    String classPath = System.getProperty("java.class.path");
    Table table = new Table("records", "JVM only (ms)", "official (ms)", "Laconic (ms)",
        "Laconic / official", "Laconic runs min-max (ms)", "above JVM only: Laconic / official");
    for (int records : new int[] {1, 100, 1000}) {
      Path event = dir.resolve("event-" + records + ".json");
      Files.write(event, Events.event(records));
      List<Double> none = new ArrayList<>();
      List<Double> official = new ArrayList<>();
      List<Double> laconic = new ArrayList<>();
      probe(java, classPath, "none", event); // warm the file cache and CDS archive
      for (int run = 0; run < runs; run++) {
        none.add(probe(java, classPath, "none", event));
        official.add(probe(java, classPath, "official", event));
        laconic.add(probe(java, classPath, "laconic", event));
      }
      double n = Table.median(none);
      double o = Table.median(official);
      double l = Table.median(laconic);
      table.row(records, ms(n), ms(o), ms(l), String.format(Locale.ROOT, "%.2f", l / o),
          ms(Collections.min(laconic)) + "-" + ms(Collections.max(laconic)),
          String.format(Locale.ROOT, "%.2f", (l - n) / (o - n)));
    }
    return table.toString();
  }

  /**
   * The typed paths: Laconic's typed adapter against the Enhanced Client chain a team writes
   * today, interleaved likewise.
   */
  static String runTyped(int runs) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("laconic-cold-typed");
    List<String> java = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classPath = System.getProperty("java.class.path");
    Table table = new Table("records", "chain (ms)", "Laconic typed (ms)", "typed / chain",
        "typed runs min-max (ms)");
    for (int records : new int[] {1, 100, 1000}) {
      Path event = dir.resolve("event-" + records + ".json");
      Files.write(event, Events.event(records));
      List<Double> chain = new ArrayList<>();
      List<Double> typed = new ArrayList<>();
      probe(java, classPath, "chain", event);
      for (int run = 0; run < runs; run++) {
        chain.add(probe(java, classPath, "chain", event));
        typed.add(probe(java, classPath, "typed", event));
      }
      double c = Table.median(chain);
      double t = Table.median(typed);
      table.row(records, ms(c), ms(t), String.format(Locale.ROOT, "%.2f", t / c),
          ms(Collections.min(typed)) + "-" + ms(Collections.max(typed)));
    }
    return table.toString();
  }

  /** Milliseconds from starting the JVM to its "handled" line. */
  private static double probe(List<String> java, String classPath, String path, Path event)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(java);
    command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), path,
        event.toString()));
    return timeToHandled(new ProcessBuilder(command), path);
  }

  /**
   * Milliseconds from starting {@code probe}, a JVM, to its first line, which must begin with
   * "handled"; {@code name} says which probe failed otherwise.
   */
  static double timeToHandled(ProcessBuilder probe, String name)
      throws IOException, InterruptedException {
    probe.redirectError(ProcessBuilder.Redirect.INHERIT);
    long start = System.nanoTime();
    Process process = probe.start();
    String line;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    long elapsed = System.nanoTime() - start;
    if (process.waitFor() != 0 || line == null || !line.startsWith("handled")) {
      throw new IllegalStateException("probe " + name + " failed: " + line);
    }
    return elapsed / 1e6;
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
