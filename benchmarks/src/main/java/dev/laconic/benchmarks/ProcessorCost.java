package dev.laconic.benchmarks;

import dev.laconic.processor.LaconicProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * What the processor adds to javac: a generated project of 250, 1000 and 2000 annotated handlers
 * (a third batch, a third per record, a third typed on a shared record) compiled in process with
 * Laconic and with {@code -proc:none}, after warm-up runs, interleaved. "With Laconic" includes
 * compiling the adapters and mappers it generates.
 */
final class ProcessorCost {

  private ProcessorCost() {}

  static String run(int runs) throws IOException {
    Table table = new Table("handlers", "javac -proc:none (ms)", "javac + Laconic (ms)",
        "added", "Laconic time / previous size");
    double previous = 0;
    int previousSize = 0;
    for (int handlers : new int[] {250, 1000, 2000}) {
      Path project = Files.createTempDirectory("laconic-project");
      List<File> sources = writeProject(project, handlers);
      compile(sources, false);
      compile(sources, true);
      List<Double> plain = new ArrayList<>();
      List<Double> laconic = new ArrayList<>();
      for (int run = 0; run < runs; run++) {
        plain.add(compile(sources, false));
        laconic.add(compile(sources, true));
      }
      double p = Table.median(plain);
      double l = Table.median(laconic);
      table.row(handlers, ms(p), ms(l),
          String.format(Locale.ROOT, "%+.0f%%", (l / p - 1) * 100),
          previous == 0 ? "" : String.format(Locale.ROOT, "%.2f (x%.1f handlers)", l / previous,
              (double) handlers / previousSize));
      previous = l;
      previousSize = handlers;
      delete(project);
    }
    return table.toString();
  }

  /** Milliseconds for one javac run over {@code sources}, into a fresh output directory. */
  private static double compile(List<File> sources, boolean withLaconic) throws IOException {
    Path out = Files.createTempDirectory("laconic-out");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(out.toFile()));
      List<File> classPath = new ArrayList<>();
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        classPath.add(new File(entry));
      }
      files.setLocation(StandardLocation.CLASS_PATH, classPath);
      List<String> options = new ArrayList<>(List.of("--release", "17", "-nowarn"));
      options.add(withLaconic ? "-Alaconic.code=../../app.jar" : "-proc:none");
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
      long start = System.nanoTime();
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null, options, null, units);
      if (withLaconic) {
        task.setProcessors(List.of(new LaconicProcessor()));
      }
      if (!task.call()) {
        throw new IllegalStateException("the generated project did not compile");
      }
      return (System.nanoTime() - start) / 1e6;
    } finally {
      delete(out);
    }
  }

  private static List<File> writeProject(Path root, int handlers) throws IOException {
    Path dir = Files.createDirectories(root.resolve("gen"));
    List<File> sources = new ArrayList<>();
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

  private static File write(Path dir, String name, String source) throws IOException {
    Path file = dir.resolve(name + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file.toFile();
  }

  private static void delete(Path root) throws IOException {
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
