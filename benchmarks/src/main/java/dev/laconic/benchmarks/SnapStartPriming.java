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
 * SnapStart priming: for N = 1, 100 and 1000 records and the raw and typed handlers, times the
 * first real batch in a fresh JVM after the adapter's priming ran 0 (none), 1, 10 and 100 times,
 * one process per run, the variants interleaved so that a noisy machine hurts all alike. Reports
 * medians and min-max of the first batch, and the median time priming itself took.
 *
 * <p>What it stands for: the work a function restored from a SnapStart snapshot still does on
 * its first invocation, with and without priming. It cannot measure the restore itself, whether
 * compiled code survives it as it does here, or anything of the network; those need AWS.
 */
final class SnapStartPriming {

  static final int[] ITERATIONS = {0, 1, 10, 100};

  private SnapStartPriming() {}

  static String run(int runs) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("laconic-priming");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    List<String> header = new ArrayList<>(List.of("handler", "records"));
    for (int iterations : ITERATIONS) {
      header.add(iterations == 0 ? "unprimed (ms)" : "primed x" + iterations + " (ms)");
    }
    header.add("priming x1 / x10 / x100 (ms)");
    Table table = new Table(header.toArray(String[]::new));
    for (String handler : List.of("raw", "typed")) {
      for (int records : new int[] {1, 100, 1000}) {
        Path event = dir.resolve("event-" + records + ".json");
        Files.write(event, Events.event(records));
        List<List<Double>> first = new ArrayList<>();
        List<List<Double>> priming = new ArrayList<>();
        for (int i = 0; i < ITERATIONS.length; i++) {
          first.add(new ArrayList<>());
          priming.add(new ArrayList<>());
        }
        probe(java, classPath, handler, 0, event); // warm the file cache and CDS archive
        for (int run = 0; run < runs; run++) {
          for (int i = 0; i < ITERATIONS.length; i++) {
            double[] result = probe(java, classPath, handler, ITERATIONS[i], event);
            first.get(i).add(result[0]);
            priming.get(i).add(result[1]);
          }
        }
        List<Object> row = new ArrayList<>(List.of(handler, records));
        for (List<Double> times : first) {
          row.add(ms(Table.median(times)) + " (" + ms(Collections.min(times)) + "-"
              + ms(Collections.max(times)) + ")");
        }
        row.add(ms(Table.median(priming.get(1))) + " / " + ms(Table.median(priming.get(2)))
            + " / " + ms(Table.median(priming.get(3))));
        table.row(row.toArray());
      }
    }
    return table.toString();
  }

  /** The first batch's and the priming's time, in milliseconds, of one fresh JVM. */
  private static double[] probe(String java, String classPath, String handler, int iterations,
      Path event) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath,
        PrimingProbe.class.getName(), handler, Integer.toString(iterations), event.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT);
    Process process = builder.start();
    String line;
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      line = out.readLine();
    }
    if (process.waitFor() != 0 || line == null || !line.startsWith("first ")) {
      throw new IllegalStateException("probe " + handler + " x" + iterations + " failed: " + line);
    }
    String[] parts = line.split(" ");
    return new double[] {Long.parseLong(parts[1]) / 1e6, Long.parseLong(parts[3]) / 1e6};
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, millis < 10 ? "%.1f" : "%.0f", millis);
  }
}
