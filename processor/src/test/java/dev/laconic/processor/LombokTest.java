package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Typed handlers on Lombok classes, with Lombok's processor before Laconic's and after it, as
 * the order of {@code annotationProcessorPaths} decides: Lombok rewrites a class in the round it
 * runs in, so Laconic, running first, meets the class without the setters and constructors
 * Lombok adds and waits for the next round. Both orders give the same sources, and the adapters
 * map a real stream event.
 */
class LombokTest {

  /** The order of the two processors on the processor path. */
  enum Order {
    LOMBOK_FIRST, LACONIC_FIRST;

    Compilation compile(JavaFileObject... sources) {
      Processor lombok = lombok();
      Processor laconic = new LaconicProcessor();
      return Compilations.javac(Compilations.CODE)
          .withProcessors(this == LOMBOK_FIRST ? List.of(lombok, laconic) : List.of(laconic, lombok))
          .compile(sources);
    }
  }

  /** The processor Lombok registers for javac; its class is public, its enclosing class not. */
  static Processor lombok() {
    try {
      return (Processor) Class.forName("lombok.launch.AnnotationProcessorHider$AnnotationProcessor")
          .getConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Lombok is a test dependency", e);
    }
  }

  /** {@code @Data} with both constructors: a JavaBean, its setters added by Lombok. */
  static final JavaFileObject MESSAGE = source("Message", """
      @lombok.Data
      @lombok.NoArgsConstructor
      @lombok.AllArgsConstructor
      public class Message {
        @DynamoAttribute("Message") private String text;
        @DynamoAttribute("Id") private long id;
        private Details details;
      }
      """);

  /** Setters on the fields only, and javac's implicit constructor: nested in {@code Message}. */
  static final JavaFileObject DETAILS = source("Details", """
      public class Details {
        @lombok.Getter @lombok.Setter private String note;
        @lombok.Getter @lombok.Setter private boolean isUrgent;
      }
      """);

  /** {@code @Value} with a builder: immutable, created through the all-arguments constructor. */
  static final JavaFileObject FROZEN = source("Frozen", """
      @lombok.Value
      @lombok.Builder
      @lombok.AllArgsConstructor
      public class Frozen {
        @DynamoAttribute("Message") String text;
        @DynamoAttribute("Id") long id;
      }
      """);

  static final JavaFileObject HANDLERS = source("Messages", """
      public class Messages {
        public static final List<Object> SEEN = new ArrayList<>();

        @DynamoStreamTrigger(streamArn = "${OrdersStream}")
        public void data(StreamChange<Message> change) {
          change.newImage().ifPresent(SEEN::add);
        }

        @DynamoStreamTrigger(streamArn = "${OrdersStream}")
        public void frozen(StreamChange<Frozen> change) {
          change.newImage().ifPresent(SEEN::add);
        }
      }
      """);

  @ParameterizedTest
  @EnumSource(Order.class)
  void lombokClassesAreMappedInEitherOrder(Order order) throws Exception {
    Compilation compilation = order.compile(MESSAGE, DETAILS, FROZEN, HANDLERS);
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of("DetailsStreamMapper.java", "FrozenStreamMapper.java",
        "Laconic_Messages_data.java", "Laconic_Messages_frozen.java",
        "MessageStreamMapper.java"), TypedRecordsTest.generatedSources(compilation));

    CompiledClasses classes = new CompiledClasses(compilation);
    assertEquals(List.of("Message(text=New item!, id=101, details=null)",
        "Message(text=This item has changed, id=101, details=null)"),
        run(classes, "Laconic_Messages_data"));
    assertEquals(List.of("Frozen(text=New item!, id=101)",
        "Frozen(text=This item has changed, id=101)"), run(classes, "Laconic_Messages_frozen"));
  }

  @Test
  void bothOrdersGenerateTheSameSources() {
    assertEquals(sources(Order.LOMBOK_FIRST.compile(MESSAGE, DETAILS, FROZEN, HANDLERS)),
        sources(Order.LACONIC_FIRST.compile(MESSAGE, DETAILS, FROZEN, HANDLERS)));
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void nestedLombokClassesAreMapped(Order order) throws Exception {
    Compilation compilation = order.compile(MESSAGE, DETAILS, FROZEN, HANDLERS);
    Class<?> mapper = new CompiledClasses(compilation).type("test.MessageStreamMapper");
    var image = Map.of("Message", attribute("S", "hello"), "Id", attribute("N", "7"),
        "details", map(Map.of("note", attribute("S", "fragile"),
            "urgent", booleanAttribute(true))));
    // A property is named by its setter, as JavaBeans name it: setUrgent, so "urgent".
    Object message = CompiledClasses.call(mapper, "fromImage", new Class<?>[] {Map.class}, image);
    assertEquals("hello", message.getClass().getMethod("getText").invoke(message));
    Object details = message.getClass().getMethod("getDetails").invoke(message);
    assertEquals("fragile", details.getClass().getMethod("getNote").invoke(details));
    assertEquals(true, details.getClass().getMethod("isUrgent").invoke(details));
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void aBrokenLombokClassIsReportedOnceInEitherOrder(Order order) {
    JavaFileObject broken = source("Broken", """
        @lombok.Data
        public class Broken {
          private String id;
          private Object value;
        }
        """);
    Compilation compilation = order.compile(broken, TypedRecordsTest.handlerOf(
        "StreamChange<Broken> change"));
    assertThat(compilation).hadErrorContaining("[LACONIC-601] Broken.value has type"
        + " java.lang.Object").inFile(broken).onLineContaining("Object value");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @EnumSource(Order.class)
  void valueWithBuilderAloneHasNoPublicConstructor(Order order) {
    // @Builder makes Lombok's all-arguments constructor package-private, and @Value then adds no
    // public one: the class reads as it compiles, and is reported once.
    JavaFileObject handler = TypedRecordsTest.handlerOf("StreamChange<Line> change");
    Compilation compilation = order.compile(source("Line", """
        @lombok.Value
        @lombok.Builder
        public class Line {
          String sku;
          int count;
        }
        """), handler);
    assertThat(compilation).hadErrorContaining("[LACONIC-602] test.Line cannot be created")
        .inFile(handler).onLineContaining("StreamChange<Line> change");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withoutLomboksProcessorTheClassIsReportedAsItIs() {
    // Lombok on the class path but not on the processor path: nothing completes the class, so the
    // last round reads it as javac compiles it.
    JavaFileObject handler = TypedRecordsTest.handlerOf("StreamChange<Message> change");
    Compilation compilation = Compilations.laconic().compile(MESSAGE, DETAILS, handler);
    assertThat(compilation).hadErrorContaining("[LACONIC-602] test.Message cannot be created")
        .inFile(handler).onLineContaining("StreamChange<Message> change");
    assertThat(compilation).hadErrorCount(1);
  }

  /** Runs the stream adapter {@code adapter} on the DynamoDB records of a real event. */
  private static List<String> run(CompiledClasses classes, String adapter) throws Exception {
    List<?> seen = (List<?>) classes.type("test.Messages").getField("SEEN").get(null);
    seen.clear();
    RequestStreamHandler handler = (RequestStreamHandler) classes.type("test." + adapter)
        .getConstructor().newInstance();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(streamEvent()), output, (Context) null);
    return seen.stream().map(Object::toString).collect(Collectors.toList());
  }

  /**
   * The records of AWS's sample tumbling-window event (an INSERT, a MODIFY and a REMOVE of one
   * item) as a plain DynamoDB stream event delivers them.
   */
  private static byte[] streamEvent() {
    try (InputStream in = LombokTest.class.getClassLoader()
        .getResourceAsStream("adapters/events/go__dynamodb-time-window-event.json")) {
      ObjectMapper json = new ObjectMapper();
      ObjectNode event = json.createObjectNode();
      event.set("Records", json.readTree(in).get("Records"));
      return json.writeValueAsBytes(event);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> sources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      try {
        sources.put(file.getName(), file.getCharContent(true).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    assertTrue(sources.size() == 5, sources.keySet().toString());
    return sources;
  }

  private static AttributeValue attribute(String kind, String value) {
    AttributeValue attribute = new AttributeValue();
    return kind.equals("S") ? attribute.withS(value) : attribute.withN(value);
  }

  private static AttributeValue booleanAttribute(boolean value) {
    return new AttributeValue().withBOOL(value);
  }

  private static AttributeValue map(Map<String, AttributeValue> value) {
    return new AttributeValue().withM(value);
  }
}
