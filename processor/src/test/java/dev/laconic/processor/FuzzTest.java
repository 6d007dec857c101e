package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Random handlers, most of them wrong in some way: random values for every annotation attribute,
 * random signatures, placements and typed records. For every one, javac returns normally, Laconic
 * never crashes (no LACONIC-001), every error is a Laconic diagnostic with an id and a line (the
 * generated code never fails to compile), and a build with an error writes no template and no
 * adapter.
 */
class FuzzTest {

  static final int SOURCES = 520;

  @Test
  void badInputNeverHurts() throws IOException {
    Random random = new Random(20261130);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Set<String> idsSeen = new TreeSet<>();
    int failedBuilds = 0;
    try (StandardJavaFileManager standard =
        javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
      standard.setLocation(StandardLocation.CLASS_PATH, Compilations.classPathWithout("\0"));
      for (int i = 0; i < SOURCES; i++) {
        String source = new HandlerSource(random).render();
        Outputs outputs = new Outputs(standard);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter javacOutput = new StringWriter();
        boolean success;
        try {
          JavaCompiler.CompilationTask task = javac.getTask(javacOutput, outputs, diagnostics,
              Compilations.options(Compilations.CODE, "-proc:only"), null,
              List.of(new Source("test/Fuzz.java", source)));
          task.setProcessors(List.of(new LaconicProcessor()));
          success = task.call();
        } catch (RuntimeException e) {
          throw new AssertionError("javac threw on source " + i + ":\n" + source, e);
        }
        String context = "source " + i + ":\n" + source + "\n" + diagnostics.getDiagnostics();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          String message = d.getMessage(Locale.ROOT);
          assertTrue(!message.contains("[LACONIC-001]"), context);
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            assertTrue(message.startsWith("[LACONIC-"), "an error that is not Laconic's: "
                + context);
            assertTrue(d.getLineNumber() > 0, "an error without a line: " + context);
            idsSeen.add(message.substring(1, 12));
          }
        }
        if (!success) {
          failedBuilds++;
          assertEquals(Set.of(), outputs.written, "a failed build wrote files: " + context);
        } else {
          assertTrue(outputs.written.contains("laconic/template.yaml"), context);
        }
      }
    }
    assertTrue(failedBuilds > SOURCES / 3 && failedBuilds < SOURCES,
        "the generator must produce both good and bad handlers: " + failedBuilds);
    assertTrue(idsSeen.size() >= 30, "too few different diagnostics reached: " + idsSeen);
  }

  /** One random handler class. */
  static final class HandlerSource {
    private final Random random;
    private final List<String> records = new ArrayList<>();

    HandlerSource(Random random) {
      this.random = random;
    }

    String render() {
      StringBuilder out = new StringBuilder("""
          package test;

          import com.amazonaws.services.lambda.runtime.Context;
          import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
          import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
          import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
          import dev.laconic.annotations.*;
          import dev.laconic.stream.StreamChange;
          import java.util.*;

          """);
      if (random.nextInt(8) == 0) {
        out.append(policy()).append('\n');
      }
      out.append(pick("public class Fuzz {\n", "public class Fuzz {\n", "public class Fuzz {\n",
          "class Fuzz {\n", "public abstract class Fuzz {\n", "public class Fuzz<T> {\n"));
      int methods = 1 + random.nextInt(2);
      for (int m = 0; m < methods; m++) {
        out.append(method(m));
      }
      records.forEach(out::append);
      return out.append("}\n").toString();
    }

    private String method(int index) {
      StringBuilder out = new StringBuilder();
      if (random.nextInt(3) == 0) {
        out.append("  ").append(function()).append('\n');
      }
      int triggers = random.nextInt(10) == 0 ? 2 : 1;
      for (int t = 0; t < triggers; t++) {
        out.append("  ").append(trigger()).append('\n');
      }
      if (random.nextInt(6) == 0) {
        out.append("  ").append(policy()).append('\n');
      }
      String modifiers = pick("public", "public", "public", "public", "", "public static",
          "public <X>");
      out.append("  ").append(modifiers).append(' ').append(signature(index)).append(" {")
          .append(body()).append("}\n\n");
      return out.toString();
    }

    private String body() {
      return " ";
    }

    private String signature(int index) {
      String name = "m" + index;
      switch (random.nextInt(11)) {
        case 0:
          return "void " + name + "(DynamodbEvent event)";
        case 1:
          return "void " + name + "(DynamodbEvent event, Context context)";
        case 2:
          return "StreamsEventResponse " + name + "(DynamodbEvent event) { return null; } void x"
              + index + "()";
        case 3:
          return "void " + name + "(DynamodbStreamRecord record)";
        case 4:
          return "void " + name + "(DynamodbStreamRecord record, Context context)";
        case 5:
          return "void " + name + "(" + record(index) + " item)";
        case 6:
          return "void " + name + "(StreamChange<" + record(index) + "> change, Context c)";
        case 7:
          return "String " + name + "(DynamodbEvent event) { return null; } void y" + index + "()";
        case 8:
          return "void " + name + "(String text)";
        case 9:
          return "void " + name + "()";
        default:
          return "void " + name + "(DynamodbEvent event, String extra)";
      }
    }

    /** A record nested in the handler class, with random component types. */
    private String record(int index) {
      String name = "Item" + index;
      List<String> components = new ArrayList<>();
      int count = random.nextInt(5);
      for (int c = 0; c < count; c++) {
        String annotation = pick("", "", "", "@DynamoAttribute(\"a" + random.nextInt(3) + "\") ",
            "@DynamoIgnore ", "@DynamoAttribute(\"\") ");
        components.add(annotation + pick("String", "int", "Long", "java.math.BigDecimal",
            "List<String>", "Map<String, Integer>", "Set<byte[]>", "Optional<String>",
            "java.time.Instant", "java.util.UUID", "char", "Object", "Map<Integer, String>",
            "List", "Optional<Optional<String>>", "int[]", "Thread.State", name)
            + " c" + c);
      }
      String visibility = pick("public ", "public ", "public ", "private ", "");
      records.add("  " + visibility + "record " + name + "(" + String.join(", ", components)
          + ") {}\n");
      return name;
    }

    private String trigger() {
      List<String> attributes = new ArrayList<>();
      attributes.add("streamArn = " + quote(pick("${OrdersStream}", "${Other}",
          "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000",
          "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders", "", "${bad-name}", "orders",
          "${}")));
      if (random.nextBoolean()) {
        attributes.add("startingPosition = StartingPosition."
            + pick("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"));
      }
      maybe(attributes, "batchSize", number(-5, 12000));
      maybe(attributes, "maximumBatchingWindowInSeconds", number(-2, 400));
      maybe(attributes, "maximumRetryAttempts", number(-3, 12000));
      maybe(attributes, "maximumRecordAgeInSeconds", number(-3, 700000));
      maybe(attributes, "parallelizationFactor", number(-1, 12));
      maybe(attributes, "tumblingWindowInSeconds", number(-1, 1000));
      maybe(attributes, "bisectBatchOnFunctionError", pick("true", "false"));
      maybe(attributes, "enabled", pick("true", "false"));
      maybe(attributes, "onFailure", quote(pick("${Dlq}", "arn:aws:sqs:eu-west-1:123456789012:q",
          "arn:aws:sns:eu-west-1:123456789012:t", "not-an-arn", "${OrdersStream}")));
      if (random.nextInt(3) == 0) {
        List<String> filters = new ArrayList<>();
        for (int f = random.nextInt(7); f > 0; f--) {
          filters.add(quote(pick("{\"eventName\": [\"INSERT\"]}", "{\"eventName\": \"INSERT\"}",
              "{\"eventName\": [", "[1, 2]", "{\"dynamodb\": {\"NewImage\": {\"s\": {\"S\": [\"x\"]}}}}",
              "{\"eventNme\": [\"INSERT\"]}", "{\"eventName\": [\"" + "I".repeat(4200) + "\"]}",
              "{\"a: b # c\": [\"'\\\" {}\"]}")));
        }
        attributes.add("filters = {" + String.join(", ", filters) + "}");
      }
      if (random.nextInt(8) == 0) {
        attributes.add("metrics = MappingMetric.EVENT_COUNT");
      }
      return "@DynamoStreamTrigger(" + String.join(", ", attributes) + ")";
    }

    private String function() {
      List<String> attributes = new ArrayList<>();
      maybe(attributes, "name", quote(pick("orders-fn", "bad name!", "", "x".repeat(70),
          "dup")));
      maybe(attributes, "memorySize", number(0, 11000));
      maybe(attributes, "timeout", number(-1, 1000));
      maybe(attributes, "description", quote(pick("Ünïcödé ✓ 😀", "a: b # c 'd' \"e\" {f}",
          "x".repeat(300), "")));
      maybe(attributes, "runtime", "JavaRuntime." + pick("JAVA17", "JAVA21", "JAVA11", "JAVA25"));
      maybe(attributes, "reservedConcurrency", number(-3, 20));
      maybe(attributes, "logRetentionDays", pick("1", "14", "15", "0", "-1", "3653", "9999"));
      if (random.nextInt(3) == 0) {
        attributes.add("environment = {" + String.join(", ", List.of(
            quote(pick("STAGE=prod", "NOEQUALS", "AWS_REGION=x", "1BAD=x", "A=b: c # d")),
            quote(pick("STAGE=dev", "OTHER=1")))) + "}");
      }
      return "@LambdaFunction(" + String.join(", ", attributes) + ")";
    }

    private String policy() {
      return "@IamPolicy(actions = {" + quote(pick("s3:GetObject", "s3:*", "*", "bad action",
          "")) + "}, resources = {" + quote(pick("arn:aws:s3:::b/*", "*", "${Bucket}",
          "arn:aws:s3:::${Bucket}/*", "nope", "${aws:username}")) + "})";
    }

    private void maybe(List<String> attributes, String name, String value) {
      if (random.nextInt(3) == 0) {
        attributes.add(name + " = " + value);
      }
    }

    private String number(int low, int high) {
      return String.valueOf(low + random.nextInt(high - low + 1));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[random.nextInt(options.length)];
    }

    private static String quote(String text) {
      return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }

  /** A source file held in memory. */
  static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String path, String text) {
      super(URI.create("mem:///" + path), Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  /** Keeps everything javac or the processor writes in memory, and the names written. */
  static final class Outputs extends ForwardingJavaFileManager<JavaFileManager> {
    final Set<String> written = ConcurrentHashMap.newKeySet();

    Outputs(StandardJavaFileManager standard) {
      super(standard);
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className,
        JavaFileObject.Kind kind, FileObject sibling) {
      return new Memory(URI.create("mem:///out/" + className.replace('.', '/') + kind.extension),
          kind, () -> written.add(className));
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName,
        String relativeName, FileObject sibling) {
      String name = packageName.isEmpty() ? relativeName
          : packageName.replace('.', '/') + "/" + relativeName;
      return new Memory(URI.create("mem:///out/" + name), JavaFileObject.Kind.OTHER,
          () -> written.add(name));
    }
  }

  /** An output file kept in memory; it counts as written once opened for writing. */
  static final class Memory extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Runnable onWrite;

    Memory(URI uri, Kind kind, Runnable onWrite) {
      super(uri, kind);
      this.onWrite = onWrite;
    }

    @Override
    public OutputStream openOutputStream() {
      onWrite.run();
      return bytes;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public java.io.Writer openWriter() {
      onWrite.run();
      return new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    }
  }
}
