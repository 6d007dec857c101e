package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.laconic.snapstart.Priming;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The priming of SnapStart adapters, run as Lambda runs it (the registered resource's {@code
 * beforeCheckpoint}, in a JVM without CRaC): it reads, maps and writes, and never calls, nor
 * even creates, the handler; a synthetic value the user's type rejects fails nothing; adapters of
 * other functions name no {@code org.crac} or priming class.
 */
class SnapStartPrimingTest {

  private static final String SNAP = "@LambdaFunction(snapStart = true)\n";
  private static final String DYNAMO = "@DynamoStreamTrigger(streamArn = \"${Orders}\")\n";
  private static final String KINESIS =
      "@KinesisTrigger(streamArn = \"arn:aws:kinesis:us-east-1:123456789012:stream/%s\")\n";
  private static final String SQS =
      "@SqsTrigger(queueArn = \"arn:aws:sqs:us-east-1:123456789012:%s\")\n";

  private static CompiledClasses classes;

  @BeforeAll
  static void compile() {
    Compilation compilation = Compilations.compile(
        source("Counts", """
            public final class Counts {
              public static final java.util.concurrent.atomic.AtomicInteger HANDLERS =
                  new java.util.concurrent.atomic.AtomicInteger();
              public static final java.util.concurrent.atomic.AtomicInteger CALLS =
                  new java.util.concurrent.atomic.AtomicInteger();
              public static final java.util.concurrent.atomic.AtomicInteger ORDERS =
                  new java.util.concurrent.atomic.AtomicInteger();
              public static final java.util.concurrent.atomic.AtomicInteger LINES =
                  new java.util.concurrent.atomic.AtomicInteger();
            }
            """),
        source("Order", """
            public record Order(String id, Size size, long total, double weight, boolean gift,
                byte[] label, java.time.Instant at, java.util.UUID ref, Optional<String> note,
                List<Line> lines, Map<String, List<Size>> history, Set<String> tags,
                Set<Integer> bins, java.math.BigDecimal price, Order previous) {
              public enum Size { SMALL, LARGE }
              public record Line(String sku, int quantity) {
                public Line {
                  Counts.LINES.incrementAndGet();
                }
              }
              public Order {
                // Every value arrived: a field priming left out would fail here.
                Objects.requireNonNull(id);
                Objects.requireNonNull(size);
                Objects.requireNonNull(label);
                Objects.requireNonNull(at);
                Objects.requireNonNull(ref);
                if (note.isEmpty() || lines.isEmpty() || history.isEmpty() || tags.isEmpty()
                    || bins.isEmpty() || price == null) {
                  throw new IllegalStateException("a synthetic value is missing");
                }
                Counts.ORDERS.incrementAndGet();
              }
            }
            """),
        source("Strict", """
            public record Strict(String id, int count) {
              public Strict {
                throw new IllegalArgumentException("no Strict is ever valid");
              }
            }
            """),
        source("Account", """
            import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.*;

            @DynamoDbBean
            public class Account {
              private String id;
              private String balance;
              @DynamoDbPartitionKey
              public String getId() { return id; }
              public void setId(String id) { this.id = id; }
              @DynamoDbConvertedBy(Rejecting.class)
              public String getBalance() { return balance; }
              public void setBalance(String balance) { this.balance = balance; }
            }
            """),
        source("Rejecting", """
            import software.amazon.awssdk.enhanced.dynamodb.*;
            import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

            public class Rejecting implements AttributeConverter<String> {
              @Override public AttributeValue transformFrom(String input) {
                throw new IllegalStateException("rejected");
              }
              @Override public String transformTo(AttributeValue input) {
                throw new IllegalStateException("rejected");
              }
              @Override public EnhancedType<String> type() { return EnhancedType.of(String.class); }
              @Override public AttributeValueType attributeValueType() {
                return AttributeValueType.S;
              }
            }
            """),
        source("Handler", "public class Handler {\n"
            + "public Handler() { Counts.HANDLERS.incrementAndGet(); }\n"
            + "private static void called() {\n"
            + "  Counts.CALLS.incrementAndGet();\n"
            + "  throw new IllegalStateException(\"priming called the handler\");\n}\n"
            + SNAP + DYNAMO + "public void change(StreamChange<Order> c) { called(); }\n"
            + SNAP + DYNAMO + "public void image(Order o, Context c) { called(); }\n"
            + SNAP + KINESIS.formatted("json")
            + "public void kinesisJson(Order o) { called(); }\n"
            + SNAP + KINESIS.formatted("changes")
            + "public void kinesisChange(StreamChange<Order> c) { called(); }\n"
            + SNAP + SQS.formatted("orders") + "public void sqsJson(Order o) { called(); }\n"
            + SNAP + SQS.formatted("failures")
            + "public void failure(dev.laconic.sqs.StreamFailure f) { called(); }\n"
            + SNAP + DYNAMO + "public void batch(DynamodbEvent e) { called(); }\n"
            + SNAP + DYNAMO + "public void record(DynamodbStreamRecord r) { called(); }\n"
            + SNAP + KINESIS.formatted("raw")
            + "public void kinesisBatch(KinesisEvent e) { called(); }\n"
            + SNAP + SQS.formatted("raw") + "public void message(SQSEvent.SQSMessage m) {"
            + " called(); }\n"
            + SNAP + DYNAMO + "public void strict(StreamChange<Strict> c) { called(); }\n"
            + SNAP + SQS.formatted("strict") + "public void strictBody(Strict s) { called(); }\n"
            + SNAP + DYNAMO + "public void account(StreamChange<Account> c) { called(); }\n"
            + DYNAMO + "public void plain(StreamChange<Order> c) { called(); }\n"
            + "}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    generated = compilation;
    classes = new CompiledClasses(compilation);
  }

  private static Compilation generated;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"change, 4", "image, 2", "kinesisJson, 1", "kinesisChange, 4", "sqsJson, 1"})
  void primingMapsEveryRecordOfTheSyntheticEventAndNeverCallsTheHandler(String method,
      int orders) throws Exception {
    int before = counter("ORDERS").get();
    int linesBefore = counter("LINES").get();

    String err = prime(method, 1);

    assertEquals(orders, counter("ORDERS").get() - before,
        "every record's items mapped, every property filled");
    assertEquals(orders, counter("LINES").get() - linesBefore, "nested types mapped too");
    assertEquals(0, counter("CALLS").get(), "the handler is never called");
    assertEquals(0, counter("HANDLERS").get(), "nor even created");
    assertEquals("", err, "priming that works says nothing");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"batch", "record", "kinesisBatch", "message", "failure"})
  void primingOfUntypedHandlersReadsAndWritesWithoutTheHandler(String method) throws Exception {
    assertEquals("", prime(method, 1));
    assertEquals(0, counter("CALLS").get());
    assertEquals(0, counter("HANDLERS").get());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"strict", "strictBody", "account"})
  void aTypeThatRejectsTheSyntheticValueFailsNothing(String method) throws Exception {
    // A constructor that always throws, a converter that always throws: caught, record by record.
    assertEquals("", prime(method, 3));
    assertEquals(0, counter("CALLS").get());
  }

  @Test
  void theHookIsTheRegisteredResourceThatLambdaCalls() throws Exception {
    int before = counter("ORDERS").get();
    Priming priming = priming("change");
    priming.beforeCheckpoint(org.crac.Core.getGlobalContext());
    assertEquals(4 * Priming.ITERATIONS, counter("ORDERS").get() - before);
    assertEquals(0, counter("CALLS").get());
  }

  @Test
  void onlyAdaptersOfSnapStartFunctionsNameCracOrPriming() {
    String primed = constants("test/Laconic_Handler_change.class");
    assertTrue(primed.contains("dev/laconic/snapstart/Priming"), "the SnapStart adapter primes");
    String plain = constants("test/Laconic_Handler_plain.class");
    assertFalse(plain.contains("org/crac"), plain);
    assertFalse(plain.contains("dev/laconic/snapstart"), plain);
    // org.crac is reached only through Priming, never named by an adapter itself.
    assertFalse(primed.contains("org/crac"));
  }

  @Test
  void onlyTheAdapterOfTheShopsSnapStartFunctionPrimes() {
    // The goldens of GeneratedOutputTest hold the others byte for byte as they were.
    Compilation shop = GeneratedOutputTest.compileShop(GeneratedOutputTest.HANDLERS);
    List<String> primed = new ArrayList<>();
    for (JavaFileObject file : shop.generatedSourceFiles()) {
      if (text(file).contains("dev.laconic.snapstart")) {
        primed.add(file.getName().replaceAll(".*/", ""));
      }
    }
    assertEquals(List.of("Laconic_Audit_Changes_record.java"), primed);
  }

  @Test
  void snapStartAdaptersMatchGoldens() {
    Compilation compilation = Compilations.laconic().compile(
        GeneratedOutputTest.sources(List.of("Parcel", "Depot")));
    assertThat(compilation).succeededWithoutWarnings();
    for (String adapter : List.of("Laconic_Depot_track", "Laconic_Depot_echo")) {
      Goldens.assertMatches("snapstart/" + adapter + ".java",
          text(compilation.generatedSourceFile("shop." + adapter).orElseThrow()));
    }
  }

  private static Priming priming(String method) throws Exception {
    Class<?> adapter = Class.forName("test.Laconic_Handler_" + method, true, classes);
    Field field = adapter.getDeclaredField("PRIMING");
    field.setAccessible(true);
    return (Priming) field.get(null);
  }

  /** Primes the adapter of {@code method} {@code times} times; what it wrote on stderr. */
  private static String prime(String method, int times) throws Exception {
    Priming priming = priming(method);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertTrue(priming.prime(times));
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static AtomicInteger counter(String name) throws Exception {
    return (AtomicInteger) classes.type("test.Counts").getField(name).get(null);
  }

  private static String constants(String path) {
    try {
      return new String(generated.generatedFile(StandardLocation.CLASS_OUTPUT, path)
          .orElseThrow().openInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
