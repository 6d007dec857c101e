package dev.laconic.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What logging the echo's fields costs a cold start: a fresh JVM per run deserializes an event and
 * logs its records by {@link LogCostProbe}'s ways, interleaved so that a noisy machine hurts all
 * alike: nothing, the former concatenated text, and {@code StructuredLog} with Text and with JSON
 * records (the JVM's {@code AWS_LAMBDA_LOG_FORMAT}, as Lambda sets it). Reports each way's median
 * with its least and greatest run, and the cost above logging nothing, run by run.
 */
final class LogCost {

  private LogCost() {}

  static String run(int runs) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("laconic-logs");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    Table table = new Table("records", "no logging (ms)", "text concatenated (ms)",
        "StructuredLog Text (ms)", "StructuredLog JSON (ms)", "text above none (ms)",
        "JSON above none (ms)");
    for (int records : new int[] {1, 100}) {
      Path event = dir.resolve("event-" + records + ".json");
      Files.write(event, Events.event(records));
      List<Double> none = new ArrayList<>();
      List<Double> text = new ArrayList<>();
      List<Double> structuredText = new ArrayList<>();
      List<Double> json = new ArrayList<>();
      probe(java, classPath, "none", "TEXT", event); // warm the file cache and CDS archive
      for (int run = 0; run < runs; run++) {
        none.add(probe(java, classPath, "none", "TEXT", event));
        text.add(probe(java, classPath, "text", "TEXT", event));
        structuredText.add(probe(java, classPath, "structured", "TEXT", event));
        json.add(probe(java, classPath, "structured", "JSON", event));
      }
      table.row(records, spread(none), spread(text), spread(structuredText), spread(json),
          spread(differences(text, none)), spread(differences(json, none)));
    }
    return table.toString();
  }

  /** Milliseconds from starting the JVM to its "handled" line. */
  private static double probe(String java, String classPath, String way, String format,
      Path event) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", classPath,
        LogCostProbe.class.getName(), way, event.toString());
    Map<String, String> environment = builder.environment();
    environment.put("AWS_LAMBDA_LOG_FORMAT", format);
    environment.remove("AWS_LAMBDA_LOG_LEVEL");
    return ColdStart.timeToHandled(builder, way + " " + format);
  }

  /**
   * Each run's time less the same round's run of {@code base}: the runs of a round follow each
   * other, so a busy moment of the machine weighs on both.
   */
  private static List<Double> differences(List<Double> times, List<Double> base) {
    List<Double> differences = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      differences.add(times.get(i) - base.get(i));
    }
    return differences;
  }

  /** The median, and the least and greatest in parentheses: "566 (540-610)". */
  private static String spread(List<Double> values) {
    return ms(Table.median(values)) + " (" + ms(Collections.min(values)) + " to "
        + ms(Collections.max(values)) + ")";
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
