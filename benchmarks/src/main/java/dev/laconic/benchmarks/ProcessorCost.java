package dev.laconic.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What the processor adds to a build, against AutoValue as the yardstick: a fresh {@code javac}
 * process per compile, as Maven or Gradle without a daemon runs it, on generated projects of 3 and
 * 1000 sources, each compiled with its processor and with {@code -proc:none}.
 *
 * <p>The Laconic project has N annotated handlers (a third batch, a third per record, a third
 * typed on one shared record, each with {@code @LambdaFunction} and a filter); the AutoValue
 * project has N small {@code @AutoValue} classes. "Added" is a compile with the processor minus
 * the compile of the same sources with {@code -proc:none} run just before it, so both include
 * compiling what the processor generates. The four compiles of a size run one after the other in
 * every round, so a noisy machine slows them alike; each cell is the median over the rounds, with
 * the range of the added times beside it.
 *
 * <p>javac is the running JDK's {@code bin/javac}. The processor paths and the class path are
 * jars that {@code package} writes to {@code benchmarks/target/javac/}: {@code laconic.jar}
 * (laconic-processor and its dependencies), {@code auto-value.jar} and {@code class-path.jar}.
 * {@code -Dbenchmarks.laconicProcessorPath=...} measures another build of the processor, such as
 * an earlier commit's, in the same way.
 */
final class ProcessorCost {

  /** The project sizes of the published table. */
  static final int[] SIZES = {3, 1000};

  private ProcessorCost() {}

  static String run(int rounds) throws IOException, InterruptedException {
    Path javacJars = javacJars();
    String classPath = javacJars.resolve("class-path.jar").toString();
    List<String> laconic = List.of("-processorpath", System.getProperty(
            "benchmarks.laconicProcessorPath", javacJars.resolve("laconic.jar").toString()),
        "-Alaconic.code=../../app.jar");
    List<String> autoValue = List.of("-processorpath",
        javacJars.resolve("auto-value.jar").toString());
    Table table = new Table("sources", "processor", "generated", "javac -proc:none (ms)",
        "javac + processor (ms)", "added (ms)", "added min-max (ms)", "added CPU (ms)",
        "added CPU min-max (ms)", "Laconic / AutoValue, added", "same, CPU");
    StringBuilder notes = new StringBuilder();
    for (int size : SIZES) {
      Path root = Files.createTempDirectory("laconic-cost");
      try {
        List<String> handlers = writeHandlers(root.resolve("laconic"), size);
        List<String> values = writeValues(root.resolve("auto-value"), size);
        // Untimed: the sources and javac's jars into the page cache, as in any edit-compile.
        compile(root, handlers, classPath, List.of("-proc:none"));
        compile(root, values, classPath, List.of("-proc:none"));
        Samples laconicCost = new Samples();
        Samples autoValueCost = new Samples();
        for (int round = 0; round < rounds; round++) {
          laconicCost.add(compile(root, handlers, classPath, List.of("-proc:none")),
              compile(root, handlers, classPath, laconic));
          autoValueCost.add(compile(root, values, classPath, List.of("-proc:none")),
              compile(root, values, classPath, autoValue));
        }
        laconicCost.row(table, size + " handlers", "Laconic",
            ratio(laconicCost.added.wall(), autoValueCost.added.wall()),
            ratio(laconicCost.added.cpu(), autoValueCost.added.cpu()));
        autoValueCost.row(table, size + " classes", "AutoValue", "", "");
        notes.append(String.format(Locale.ROOT, "%d: Laconic added %s; AutoValue added %s%n",
            size, laconicCost.added, autoValueCost.added));
      } finally {
        delete(root);
      }
    }
    return table + "\nAdded per round, wall/CPU (ms), in order:\n" + notes;
  }

  private static String ratio(double a, double b) {
    return String.format(Locale.ROOT, "%.2f", a / b);
  }

  /**
   * One javac process: its wall-clock time, its CPU time (user and system, all threads) and the
   * number of source files processors generated.
   */
  private record Time(double wall, double cpu, int generated) {}

  /** Times over the rounds. */
  private static final class Times {
    final List<Double> wall = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();

    void add(double wallMillis, double cpuMillis) {
      wall.add(wallMillis);
      cpu.add(cpuMillis);
    }

    double wall() {
      return Table.median(wall);
    }

    double cpu() {
      return Table.median(cpu);
    }

    static String range(List<Double> values) {
      return ms(Collections.min(values)) + "-" + ms(Collections.max(values));
    }

    @Override
    public String toString() {
      List<String> each = new ArrayList<>();
      for (int i = 0; i < wall.size(); i++) {
        each.add(ms(wall.get(i)) + "/" + ms(cpu.get(i)));
      }
      return String.join(", ", each);
    }
  }

  /** The times of one project: plain compile, compile with the processor, and the difference. */
  private static final class Samples {
    final Times plain = new Times();
    final Times processed = new Times();
    final Times added = new Times();
    int generated;

    void add(Time plainTime, Time processedTime) {
      generated = processedTime.generated();
      plain.add(plainTime.wall(), plainTime.cpu());
      processed.add(processedTime.wall(), processedTime.cpu());
      added.add(processedTime.wall() - plainTime.wall(), processedTime.cpu() - plainTime.cpu());
    }

    void row(Table table, String sources, String processor, String ratio, String cpuRatio) {
      table.row(sources, processor, generated, ms(plain.wall()), ms(processed.wall()),
          ms(added.wall()), Times.range(added.wall), ms(added.cpu()), Times.range(added.cpu),
          ratio, cpuRatio);
    }
  }

  /**
   * One fresh javac process over {@code sources}, into a new output directory. bash runs it and
   * prints, with {@code times}, the CPU time its child used: on a shared machine the wall-clock
   * time moves with everyone else's load, the CPU time much less.
   */
  private static Time compile(Path root, List<String> sources, String classPath,
      List<String> processing) throws IOException, InterruptedException {
    Path out = root.resolve("out");
    delete(out);
    Files.createDirectories(out.resolve("classes"));
    Files.createDirectories(out.resolve("generated"));
    List<String> command = new ArrayList<>(List.of("bash", "-c",
        "\"$@\" > /dev/null 2>&1; status=$?; times; exit $status", "javac", javac(),
        "--release", "17", "-nowarn", "-d", out.resolve("classes").toString(),
        "-s", out.resolve("generated").toString(), "-cp", classPath));
    command.addAll(processing);
    command.addAll(sources);
    long start = System.nanoTime();
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("LC_ALL", "C"); // times writes 2.345s, not 2,345s
    Process process = builder.start();
    String times = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int status = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e6;
    if (status != 0) {
      throw new IllegalStateException("javac failed (" + status + "): " + command);
    }
    // times prints the shell's user and system time, then its children's: "0m2.345s 0m0.210s".
    String[] children = times.strip().split("\n")[1].trim().split("\\s+");
    int generated;
    try (Stream<Path> files = Files.walk(out.resolve("generated"))) {
      generated = (int) files.filter(file -> file.toString().endsWith(".java")).count();
    }
    return new Time(wall, seconds(children[0]) * 1000 + seconds(children[1]) * 1000, generated);
  }

  private static double seconds(String time) {
    int minutes = time.indexOf('m');
    return Integer.parseInt(time.substring(0, minutes)) * 60
        + Double.parseDouble(time.substring(minutes + 1, time.length() - 1));
  }

  private static String javac() {
    return Path.of(System.getProperty("java.home"), "bin", "javac").toString();
  }

  /** {@code target/javac/}, beside the benchmarks jar (or beside target/classes). */
  private static Path javacJars() {
    try {
      Path location = Path.of(ProcessorCost.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
      Path jars = location.getParent().resolve("javac");
      if (!Files.isDirectory(jars)) {
        throw new IllegalStateException(jars + " is missing: mvn package writes it");
      }
      return jars;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> writeHandlers(Path root, int handlers) throws IOException {
    Path dir = Files.createDirectories(root.resolve("gen"));
    List<String> sources = new ArrayList<>();
    sources.add(write(dir, "Order", """
        package gen;

        import java.math.BigDecimal;
        import java.util.List;

        public record Order(String id, String customer, BigDecimal total, List<Line> lines) {
          public record Line(String sku, int quantity) {}
        }
        """));
    for (int i = 0; i < handlers; i++) {
      String shape;
      switch (i % 3) {
        case 0:
          shape = """
                public void handle(DynamodbEvent event, Context context) {
                  for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords()) {
                    context.getLogger().log(record.getEventName() + " "
                        + record.getDynamodb().getKeys());
                  }
                }
              """;
          break;
        case 1:
          shape = """
                public void handle(DynamodbEvent.DynamodbStreamRecord record) {
                  if (record.getDynamodb().getNewImage() == null) {
                    throw new IllegalStateException("no image");
                  }
                }
              """;
          break;
        default:
          shape = """
                public void handle(Order order, Context context) {
                  context.getLogger().log(order.id() + " " + order.total());
                }
              """;
      }
      sources.add(write(dir, "Handler" + i, String.format(Locale.ROOT, """
          package gen;

          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
          import dev.laconic.annotations.DynamoStreamTrigger;
          import dev.laconic.annotations.LambdaFunction;

          public class Handler%d {

            @LambdaFunction(memorySize = 512, timeout = 60)
            @DynamoStreamTrigger(streamArn = "${Stream%d}", batchSize = %d,
                filters = "{\\"eventName\\": [\\"INSERT\\", \\"MODIFY\\"]}")
          %s}
          """, i, i % 5, 10 + i % 90, shape)));
    }
    return sources;
  }

  /**
   * N value classes of four properties each. No source names the generated {@code AutoValue_}
   * class (a factory method would), so the same sources also compile with {@code -proc:none}.
   */
  private static List<String> writeValues(Path root, int classes) throws IOException {
    Path dir = Files.createDirectories(root.resolve("gen"));
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < classes; i++) {
      sources.add(write(dir, "Value" + i, String.format(Locale.ROOT, """
          package gen;

          import com.google.auto.value.AutoValue;
          import java.math.BigDecimal;
          import java.util.List;

          @AutoValue
          public abstract class Value%d {
            public abstract String id();

            public abstract int quantity();

            public abstract BigDecimal total();

            public abstract List<String> tags();
          }
          """, i)));
    }
    return sources;
  }

  private static String write(Path dir, String name, String source) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static void delete(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private static String ms(double millis) {
    return String.format(Locale.ROOT, "%.0f", millis);
  }
}
