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
  void propertiesNamedLikeTheMappersOwnLocalsCompile() {
    Compilation compilation = Compilations.compile(
        source("Odd", "public record Odd(String item, int at, String failures, String field,"
            + " String parser, String path, String e, List<String> result, String ItemJson) {}\n"),
        source("Bean", "public class Bean {\n"
            + "  public void setItem(String item) {}\n"
            + "  public void setAt(int at) {}\n"
            + "  public void setHasAt(boolean hasAt) {}\n}\n"),
        source("Handler", "public class Handler {\n"
            + "  @DynamoStreamTrigger(streamArn = \"${Orders}\")\n"
            + "  public void odd(Odd odd) {}\n"
            + "  @DynamoStreamTrigger(streamArn = \"${Beans}\")\n"
            + "  public void bean(StreamChange<Bean> bean) {}\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void recursiveTypesMapThroughTheirOwnMapper() {
    Compilation compilation = Compilations.compile(
        source("Node", "public record Node(String name, List<Node> children, Node parent) {}\n"),
        handlerOf("Node node"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.NodeStreamMapper");
    assertTrue(mapper.contains("ItemJson.readList(parser, path.child(\"children\"),"
        + " NodeStreamMapper::read)"), mapper);
    assertTrue(mapper.contains("NodeStreamMapper.read(parser, path.child(\"parent\"))"),
        mapper);
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
    assertTrue(mapper.contains("id = ItemJson.readString(parser, path.child(\"id\"));"),
        mapper);
    assertTrue(mapper.contains("quantity = ItemJson.requireInt(parser, path.child(\"qty\"));"),
        mapper);
    assertTrue(mapper.contains("    Order result = new Order();\n"
        + "    if (hasId) {\n"
        + "      result.setId(id);\n"
        + "    }\n"
        + "    if (hasQuantity) {\n"
        + "      result.setQuantity(quantity);\n"
        + "    }\n"
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
        .contains("ItemJson.readString(parser, path.child(\"pk\"))"));
  }

  @Test
  void recordsFromTheClassPathKeepTheirComponentNames() {
    Compilation compilation = Compilations.laconic()
        .withClasspath(DiagnosticsTest.withPrecompiled("Point",
            "public record Point(int x, @DynamoAttribute(\"why\") int y) {}\n"))
        .compile(handlerOf("Point point"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(text(compilation, "test.PointStreamMapper")
        .contains("y = ItemJson.requireInt(parser, path.child(\"why\"))"));
  }

  /** Writes {@code test.Gen} in its first round, as a code generator would. */
  static final class GeneratesGen extends javax.annotation.processing.AbstractProcessor {
    private boolean done;

    @Override
    public java.util.Set<String> getSupportedAnnotationTypes() {
      return java.util.Set.of("*");
    }

    @Override
    public javax.lang.model.SourceVersion getSupportedSourceVersion() {
      return javax.lang.model.SourceVersion.latestSupported();
    }

    @Override
    public boolean process(java.util.Set<? extends javax.lang.model.element.TypeElement> a,
        javax.annotation.processing.RoundEnvironment round) {
      if (!done) {
        done = true;
        try (var writer = processingEnv.getFiler().createSourceFile("test.Gen").openWriter()) {
          writer.write("package test;\npublic record Gen(String id) {}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void typesAnotherProcessorGeneratesAreWaitedFor() {
    Compilation compilation = Compilations.javac(Compilations.CODE)
        .withProcessors(new LaconicProcessor(), new GeneratesGen())
        .compile(source("Foo", "public record Foo(String id, Gen gen) {}\n"),
            source("Handler", "public class Handler {\n"
                + TRIGGER + "\npublic void a(Foo foo) {}\n"
                + TRIGGER + "\npublic void b(StreamChange<Gen> change) {}\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertEquals(List.of("FooStreamMapper.java", "Gen.java", "GenStreamMapper.java",
        "Laconic_Handler_a.java", "Laconic_Handler_b.java"), generatedSources(compilation));
    String template = Compilations.resource(compilation, "laconic/template.yaml");
    assertTrue(template.contains("HandlerAFunction:") && template.contains("HandlerBFunction:"));
  }

  @Test
  void aClassWithSettersIsAJavaBeanWhateverOtherConstructorsItHas() {
    Compilation compilation = Compilations.compile(
        source("Customer", "public class Customer {\n"
            + "  private String id, name, email;\n"
            + "  public Customer() {}\n"
            + "  public Customer(String id, String name) { this.id = id; this.name = name; }\n"
            + "  public Customer(Customer other) { this(other.id, other.name); }\n"
            + "  public void setId(String id) { this.id = id; }\n"
            + "  public void setName(String name) { this.name = name; }\n"
            + "  public void setEmail(String email) { this.email = email; }\n}\n"),
        handlerOf("Customer customer"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.CustomerStreamMapper");
    assertTrue(mapper.contains("result.setEmail("), mapper);
    assertTrue(!mapper.contains("new Customer(\n"), mapper);
  }

  @Test
  void aCopyConstructorIsNotTheConstructorThatNamesTheAttributes() {
    Compilation compilation = Compilations.compile(
        source("Point", "public final class Point {\n"
            + "  public Point(int x, int y) {}\n"
            + "  public Point(Point other) {}\n}\n"),
        handlerOf("Point point"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.PointStreamMapper");
    assertTrue(mapper.contains("x = ItemJson.requireInt(parser, path.child(\"x\"));"), mapper);
    assertTrue(mapper.contains("return new Point(\n        x,\n        y);"), mapper);
  }

  @Test
  void checkedExceptionsOfConstructorsAndSettersBecomeMappingFailures() {
    Compilation compilation = Compilations.compile(
        source("Order", "public record Order(Part part, Bean bean) {}\n"),
        source("Part", "public class Part {\n"
            + "  public Part(String a) throws java.io.IOException {}\n}\n"),
        source("Bean", "public class Bean {\n"
            + "  public void setA(String a) throws Exception {}\n}\n"),
        handlerOf("Order order"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(text(compilation, "test.PartStreamMapper").contains(
        "throw new MappingException(path, \"creating Part failed: \" + e, e);"));
  }

  @Test
  void aJavaBeanWhoseConstructorThrowsIsCreatedInsideTheMappingFailureGuard() {
    Compilation compilation = Compilations.compile(
        source("Bean", "public class Bean {\n"
            + "  public Bean() throws java.io.IOException {}\n"
            + "  public void setA(String a) {}\n}\n"),
        source("Handler", "public class Handler {\n"
            + "  @DynamoStreamTrigger(streamArn = \"${Orders}\")\n"
            + "  public void image(Bean bean) {}\n"
            + "  @SqsTrigger(queueArn = \"arn:aws:sqs:us-east-1:123456789012:beans\")\n"
            + "  public void body(Bean bean) {}\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(text(compilation, "test.BeanStreamMapper").contains(
        "throw new MappingException(path, \"creating Bean failed: \" + e, e);"));
    assertTrue(text(compilation, "test.BeanJsonReader").contains("creating Bean failed"));
  }

  @Test
  void annotationsOnGettersAndSetterParametersCount() {
    Compilation compilation = Compilations.compile(
        source("Item", "public class Item {\n"
            + "  private String id, name, secret;\n"
            + "  @DynamoAttribute(\"pk\") public String getId() { return id; }\n"
            + "  public void setId(String id) { this.id = id; }\n"
            + "  public void setName(@DynamoAttribute(\"title\") String name) {}\n"
            + "  @DynamoIgnore public String getSecret() { return secret; }\n"
            + "  public void setSecret(String secret) {}\n}\n"),
        handlerOf("Item item"));
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = text(compilation, "test.ItemStreamMapper");
    assertTrue(mapper.contains("case \"pk\" ->"), mapper);
    assertTrue(mapper.contains("case \"title\" ->"), mapper);
    assertTrue(!mapper.contains("setSecret"), mapper);
  }

  @Test
  void typeAnnotationsDoNotHideTheType() {
    Compilation compilation = Compilations.compile(
        source("NonNull", "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE_USE)\n"
            + "public @interface NonNull {}\n"),
        source("Order", "public record Order(@NonNull int count,\n"
            + "    Map<@NonNull String, @NonNull Integer> scores) {}\n"),
        handlerOf("Order order"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void settersInheritedFromAGenericSuperclassTakeTheTypeArgument() {
    Compilation compilation = Compilations.compile(
        source("Base", "public class Base<T> {\n  public void setValue(T value) {}\n}\n"),
        source("Sub", "public class Sub extends Base<String> {}\n"),
        handlerOf("Sub sub"));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(text(compilation, "test.SubStreamMapper").contains(
        "value = ItemJson.readString(parser, path.child(\"value\"))"));
  }

  @Test
  void nestedOptionalsAndLibraryTypesAreUnsupported() {
    Compilation compilation = Compilations.compile(
        source("Order", "public record Order(\n"
            + "    Optional<Optional<String>> maybe,\n"
            + "    com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity who) {}\n"),
        handlerOf("Order order"));
    assertThat(compilation).hadErrorContaining("[LACONIC-601] Order.maybe has type"
        + " java.util.Optional<java.util.Optional<java.lang.String>>")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("maybe");
    assertThat(compilation).hadErrorContaining("[LACONIC-601] Order.who has type"
        + " com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity")
        .inFile(compilation.sourceFiles().get(0)).onLineContaining("Identity who");
    assertThat(compilation).hadErrorCount(2);
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
