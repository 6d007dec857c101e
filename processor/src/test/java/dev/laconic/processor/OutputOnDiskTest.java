package dev.laconic.processor;

import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real javac run leaves in its output directories: compile-testing keeps the files of a
 * failed compilation out of reach, so these tests compile onto disk.
 */
class OutputOnDiskTest {

  static final String VALID = "public class Handler {\n"
      + "@DynamoStreamTrigger(streamArn = \"${OrdersStream}\")\n"
      + "@IamPolicy(actions = \"s3:GetObject\",\n"
      + "    resources = \"arn:aws:s3:::uploads/${aws:username}/*\")\n"
      + "public void handle(DynamodbEvent event) {}\n"
      + "}\n";

  @TempDir Path classes;
  @TempDir Path generated;

  private String diagnostics = "";

  private boolean compile(JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> collector = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(collector, null, StandardCharsets.UTF_8)) {
      files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(classes.toFile()));
      files.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(generated.toFile()));
      List<java.io.File> classPath = new java.util.ArrayList<>(
          Compilations.classPathWithout("\0"));
      classPath.add(classes.toFile()); // as build tools do: earlier output is on the class path
      files.setLocation(StandardLocation.CLASS_PATH, classPath);
      JavaCompiler.CompilationTask task = javac.getTask(null, files, collector,
          Compilations.options(Compilations.CODE, "-implicit:none"), null, List.of(sources));
      task.setProcessors(List.of(new LaconicProcessor()));
      boolean success = task.call();
      diagnostics = collector.getDiagnostics().toString();
      return success;
    }
  }

  @Test
  void aCleanBuildWritesTheTemplateAndIamVariablesPassThroughAsWritten() throws IOException {
    assertTrue(compile(source("Handler", VALID)), () -> diagnostics);
    Path template = classes.resolve("laconic/template.yaml");
    assertTrue(Files.exists(template));
    assertTrue(Files.exists(classes.resolve("laconic/template.json")));
    assertTrue(Files.exists(generated.resolve("test/Laconic_Handler_handle.java")));
    String yaml = Files.readString(template);
    // IAM resolves ${aws:username} itself; it is not a template parameter.
    assertTrue(yaml.contains("- \"arn:aws:s3:::uploads/${aws:username}/*\""), yaml);
    assertEquals(List.of("OrdersStream"), parameterNames(yaml));
  }

  @Test
  void aBuildWithAnErrorWritesNoTemplateAndNoAdapterForTheBadFunction() throws IOException {
    assertFalse(compile(source("Handler", VALID.replace("\"${OrdersStream}\")",
        "\"${OrdersStream}\", batchSize = 0)"))));
    assertFalse(Files.exists(classes.resolve("laconic/template.yaml")));
    assertFalse(Files.exists(classes.resolve("laconic/template.json")));
    assertFalse(Files.exists(generated.resolve("test/Laconic_Handler_handle.java")));
  }

  @Test
  void aFailingBuildLeavesNoTemplateOfAnEarlierBuildBehind() throws IOException {
    assertTrue(compile(source("Handler", VALID)), () -> diagnostics);
    assertTrue(Files.exists(classes.resolve("laconic/template.yaml")));

    assertFalse(compile(source("Handler", VALID.replace("\"${OrdersStream}\")",
        "\"${OrdersStream}\", batchSize = 0)"))));
    assertFalse(Files.exists(classes.resolve("laconic/template.yaml")), "stale template");
    assertFalse(Files.exists(classes.resolve("laconic/template.json")), "stale template");

    assertTrue(compile(source("Handler", VALID)), () -> diagnostics);
    assertTrue(Files.exists(classes.resolve("laconic/template.yaml")));
  }

  static final String OTHER = "public class Other {\n"
      + "@DynamoStreamTrigger(streamArn = \"${OrdersStream}\")\n"
      + "public void handle(DynamodbStreamRecord record) {}\n"
      + "}\n";

  @Test
  void compilingOneHandlerAloneKeepsTheOthersInTheTemplate() throws IOException {
    assertTrue(compile(source("Handler", VALID), source("Other", OTHER)), () -> diagnostics);
    assertEquals("test.Handler\ntest.Other\n",
        Files.readString(classes.resolve("laconic/handlers.index")));

    // An IDE recompiles only the edited class; Other comes back from its class file.
    assertTrue(compile(source("Handler", VALID.replace("\"${OrdersStream}\")",
        "\"${OrdersStream}\", batchSize = 7)"))), () -> diagnostics);
    String yaml = Files.readString(classes.resolve("laconic/template.yaml"));
    assertTrue(yaml.contains("HandlerHandleFunction:") && yaml.contains("OtherHandleFunction:"),
        yaml);
    assertTrue(yaml.contains("BatchSize: 7"), yaml);
    assertTrue(yaml.contains("Handler: test.Laconic_Other_handle::handleRequest"), yaml);

    // Other is deleted: its class files go, and so does its function.
    try (var stale = Files.list(classes.resolve("test"))) {
      for (Path file : stale.filter(f -> f.getFileName().toString().contains("Other"))
          .toList()) {
        Files.delete(file);
      }
    }
    assertTrue(compile(source("Handler", VALID)), () -> diagnostics);
    yaml = Files.readString(classes.resolve("laconic/template.yaml"));
    assertFalse(yaml.contains("OtherHandleFunction:"), yaml);
    assertEquals("test.Handler\n", Files.readString(classes.resolve("laconic/handlers.index")));
  }

  @Test
  void aTypedHandlerCompiledEarlierComesBackWithItsMapper() throws IOException {
    JavaFileObject item = source("Item", "public record Item(String id, int qty) {}\n");
    JavaFileObject typed = source("Typed", "public class Typed {\n"
        + "@DynamoStreamTrigger(streamArn = \"${OrdersStream}\")\n"
        + "public void handle(Item item) {}\n}\n");
    assertTrue(compile(item, typed, source("Other", OTHER)), () -> diagnostics);

    // Only Other is compiled again; Typed and its ItemStreamMapper come from class files.
    assertTrue(compile(source("Other", OTHER)), () -> diagnostics);
    String yaml = Files.readString(classes.resolve("laconic/template.yaml"));
    assertTrue(yaml.contains("TypedHandleFunction:") && yaml.contains("OtherHandleFunction:"),
        yaml);
    // Typed compiled again alone: its mapper from the last build is its own, not a clash.
    assertTrue(compile(typed), () -> diagnostics);
  }

  @Test
  void aMappingErrorWritesNeitherMappersNorTheAdapterOfItsHandler() throws IOException {
    JavaFileObject order = source("Order",
        "public record Order(String id, Address address, char grade) {}\n");
    JavaFileObject address = source("Address", "public record Address(String street) {}\n");
    JavaFileObject handler = source("Handler", VALID.replace("DynamodbEvent event", "Order order"));
    assertFalse(compile(order, address, handler));
    assertTrue(diagnostics.contains("[LACONIC-601] Order.grade has type char"), diagnostics);
    try (var written = Files.walk(generated)) {
      assertEquals(List.of(), written.filter(Files::isRegularFile).toList());
    }
    assertFalse(Files.exists(classes.resolve("laconic/template.yaml")));
  }

  @Test
  void aCleanTypedBuildWritesOneMapperPerType() throws IOException {
    JavaFileObject order = source("Order", "public record Order(String id, Address address) {}\n");
    JavaFileObject address = source("Address", "public record Address(String street) {}\n");
    JavaFileObject handler = source("Handler", VALID.replace("DynamodbEvent event", "Order order"));
    assertTrue(compile(order, address, handler), () -> diagnostics);
    try (var written = Files.walk(generated)) {
      assertEquals(List.of("AddressStreamMapper.java", "Laconic_Handler_handle.java",
              "OrderStreamMapper.java"),
          written.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted()
              .toList());
    }
  }

  private static List<String> parameterNames(String yaml) {
    String parameters = yaml.substring(yaml.indexOf("Parameters:\n"), yaml.indexOf("Resources:\n"));
    return parameters.lines()
        .filter(line -> line.matches("  [A-Za-z0-9]+:"))
        .map(line -> line.trim().replace(":", ""))
        .toList();
  }

}
