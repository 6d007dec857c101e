package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the processor accepts and rejects for handlers that take the user's own types, at compile
 * time; how the generated mappers behave at run time is tested in the sample app, which calls
 * them directly.
 */
class TypedRecordsTest {

  static final String TRIGGER = DiagnosticsTest.TRIGGER;

  static JavaFileObject handlerOf(String parameter) {
    return source("Handler", "public class Handler {\n" + TRIGGER
        + "\npublic void handle(" + parameter + ") {}\n}\n");
  }

  static List<String> generatedSources(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .map(file -> file.getName().replaceAll(".*/", ""))
        .sorted()
        .collect(Collectors.toList());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"char", "Character", "Object", "java.util.Date", "int[]",
      "Map<Integer, String>", "List", "List<? extends Number>", "Iterable<String>",
      "List<char[]>", "Optional<Object>", "Map<String, Object>", "java.time.LocalDate",
      "Collection<String>"})
  void unsupportedTypesAreReportedOnTheComponent(String type) {
    Compilation compilation = Compilations.compile(
        source("Order", "public record Order(String id,\n    " + type + " value) {}\n"),
        handlerOf("Order order"));
    assertThat(compilation).hadErrorContaining("[LACONIC-601] Order.value has type ")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining(type + " value");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"String s", "int count", "List<String> items",
      "Map<String, Object> image", "StreamChange<?> change", "StreamChange change",
      "StreamChange<String> change", "Thread.State state", "Object item"})
  void parametersThatAreNoItemTypeAreBadSignatures(String parameter) {
    Compilation compilation = Compilations.compile(handlerOf(parameter));
    assertThat(compilation).hadErrorContaining("[LACONIC-109]");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void typedHandlersReturnVoid() {
    Compilation compilation = Compilations.compile(
        source("Order", "public record Order(String id) {}\n"),
        source("Handler", "public class Handler {\n" + TRIGGER
            + "\npublic StreamsEventResponse handle(Order order) { return null; }\n}\n"));
    assertThat(compilation).hadErrorContaining("[LACONIC-109] StreamsEventResponse handle(Order"
        + " order) is not an accepted handler signature.");
  }

  @Test
  void everyShapeOfTypeGetsOneMapperEvenWhenShared() {
    Compilation compilation = Compilations.compile(
        source("Address", "public record Address(String street) {}\n"),
        source("Order", "public record Order(String id, Address shipTo, Address billTo,"
            + " List<Address> previous) {}\n"),
        source("Customer", "public class Customer {\n"
            + "  public Customer(String name, Map<String, Address> addresses) {}\n}\n"),
        source("Handler", "public class Handler {\n"
            + TRIGGER + "\npublic void orders(Order order) {}\n"
            + TRIGGER + "\npublic void changes(StreamChange<Order> change, Context context) {}\n"
            + TRIGGER + "\npublic void customers(Customer customer) {}\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of("AddressStreamMapper.java", "CustomerStreamMapper.java",
        "Laconic_Handler_changes.java", "Laconic_Handler_customers.java",
        "Laconic_Handler_orders.java", "OrderStreamMapper.java"),
        generatedSources(compilation));
  }

  @Test
  void recursiveTypesMapThroughTheirOwnMapper() {
    Compilation compilation = Compilations.compile(
        source("Node", "public record Node(String name, List<Node> children, Node parent) {}\n"),
        handlerOf("Node node"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.NodeStreamMapper");
    assertTrue(mapper.contains("Attributes.readList(attributes.get(\"children\"),"
        + " path.child(\"children\"), NodeStreamMapper::read)"), mapper);
    assertTrue(mapper.contains("NodeStreamMapper.read(attributes.get(\"parent\"),"
        + " path.child(\"parent\"))"), mapper);
  }

  @Test
  void ignoredComponentsNeedNoSupportedTypeAndGetDefaults() {
    Compilation compilation = Compilations.compile(
        source("Order", "public record Order(String id, @DynamoIgnore char grade,"
            + " @DynamoIgnore Optional<Thread> worker, @DynamoIgnore long version) {}\n"),
        handlerOf("Order order"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.OrderStreamMapper");
    assertTrue(mapper.contains("'\\0',\n        java.util.Optional.empty(),\n        0L);"),
        mapper);
  }

  @Test
  void javaBeansUseInheritedSettersAndFieldAnnotations() {
    Compilation compilation = Compilations.compile(
        source("Base", "public class Base {\n  private String id;\n"
            + "  public void setId(String id) { this.id = id; }\n}\n"),
        source("Order", "public class Order extends Base {\n"
            + "  @DynamoAttribute(\"qty\") private int quantity;\n"
            + "  @DynamoIgnore private String cache;\n"
            + "  public void setQuantity(int quantity) { this.quantity = quantity; }\n"
            + "  public void setCache(String cache) { this.cache = cache; }\n"
            + "  public static void setDefault(String ignored) {}\n}\n"),
        handlerOf("Order order"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.OrderStreamMapper");
    assertTrue(mapper.contains("    Order result = new Order();\n"
        + "    result.setId(Attributes.readString(attributes.get(\"id\"), path.child(\"id\")));\n"
        + "    result.setQuantity(Attributes.requireInt(attributes.get(\"qty\"),"
        + " path.child(\"qty\")));\n"
        + "    return result;\n"), mapper);
  }

  @Test
  void constructorParametersTakeAnnotationsFromTheirFields() {
    Compilation compilation = Compilations.compile(
        source("Order", "public class Order {\n"
            + "  @DynamoAttribute(\"pk\") private final String id;\n"
            + "  public Order(String id) { this.id = id; }\n}\n"),
        handlerOf("Order order"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(text(compilation, "test.OrderStreamMapper")
        .contains("Attributes.readString(attributes.get(\"pk\"), path.child(\"pk\"))"));
  }

  @Test
  void recordsFromTheClassPathKeepTheirComponentNames() {
    Compilation compilation = Compilations.laconic()
        .withClasspath(DiagnosticsTest.withPrecompiled("Point",
            "public record Point(int x, @DynamoAttribute(\"why\") int y) {}\n"))
        .compile(handlerOf("Point point"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(text(compilation, "test.PointStreamMapper")
        .contains("Attributes.requireInt(attributes.get(\"why\"), path.child(\"why\"))"));
  }

  @Test
  void packagePrivateTypesWorkInTheHandlersPackage() {
    Compilation compilation = Compilations.compile(
        source("Order", "record Order(String id) {}\n"),
        handlerOf("Order order"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void everyBrokenComponentIsReportedOnceEvenWhenSeveralHandlersShareTheType() {
    Compilation compilation = Compilations.compile(
        source("Order", "public record Order(\n    char grade,\n    Object extra) {}\n"),
        source("Handler", "public class Handler {\n"
            + TRIGGER + "\npublic void one(Order order) {}\n"
            + TRIGGER + "\npublic void two(StreamChange<Order> change) {}\n}\n"));
    assertThat(compilation).hadErrorContaining("[LACONIC-601] Order.grade has type char")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("char grade");
    assertThat(compilation).hadErrorContaining("[LACONIC-601] Order.extra has type"
        + " java.lang.Object").inFile(compilation.sourceFiles().get(0))
        .onLineContaining("Object extra");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aBrokenNestedTypeStopsItsRoot() {
    Compilation compilation = Compilations.compile(
        source("Line", "public interface Line {}\n"),
        source("Order", "public record Order(String id, List<Line> lines) {}\n"),
        handlerOf("Order order"));
    assertThat(compilation).hadErrorContaining("[LACONIC-602] test.Line cannot be created");
    assertThat(compilation).hadErrorCount(1);
  }

  private static String text(Compilation compilation, String qualifiedName) {
    try {
      return compilation.generatedSourceFile(qualifiedName)
          .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName))
          .getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
