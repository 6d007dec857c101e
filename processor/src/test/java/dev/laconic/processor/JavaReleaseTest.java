package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.DiagnosticsTest.TRIGGER;
import static dev.laconic.processor.DiagnosticsTest.function;
import static dev.laconic.processor.DiagnosticsTest.handler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The Java release the sources are compiled for against the function's runtime (LACONIC-204).
 * Each case names its release, so it means the same on every JDK that runs it; a JDK older than
 * a case's release cannot compile for it, and the case is skipped there.
 */
class JavaReleaseTest {

  /** The feature release of the JDK running the tests, such as 25. */
  static final int JDK = Runtime.version().feature();

  static Compilation compile(int release, JavaFileObject handler) {
    assumeTrue(JDK >= release, () -> "--release " + release + " needs JDK " + release
        + " or newer to compile; the tests run on JDK " + JDK);
    return Compilations.laconic(Compilations.CODE, "--release", String.valueOf(release))
        .compile(handler);
  }

  static void assertRuntime(Compilation compilation, String identifier) {
    assertThat(compilation).succeededWithoutWarnings();
    String template = Compilations.resource(compilation, "laconic/template.yaml");
    assertTrue(template.contains("Runtime: " + identifier + "\n"), template);
  }

  static void assertRuntimeTooOld(Compilation compilation, JavaFileObject handler, String line,
      String text) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(text).inFile(handler).onLineContaining(line);
    assertEquals(1, compilation.errors().size(), () -> compilation.diagnostics().toString());
  }

  @Test
  void release17RunsOnJava17() {
    assertRuntime(compile(17, function("runtime = JavaRuntime.JAVA17")), "java17");
  }

  @Test
  void release21RunsOnTheDefaultRuntime() {
    // A pattern-matching switch: Java 21 code, which --release 17 does not compile.
    JavaFileObject handler = handler(TRIGGER, "public void handle(DynamodbEvent event) {\n"
        + "  Object records = event.getRecords();\n"
        + "  String kind = switch (records) {\n"
        + "    case List<?> list when list.isEmpty() -> \"none\";\n"
        + "    default -> \"some\";\n"
        + "  };\n"
        + "}");
    assertRuntime(compile(21, handler), "java21");
  }

  @Test
  void release25IsTooNewForJava21() {
    JavaFileObject handler = function("runtime = JavaRuntime.JAVA21");
    assertRuntimeTooOld(compile(25, handler), handler, "JAVA21",
        "[LACONIC-204] runtime = JAVA21 runs Java 21, but this code is compiled for Java 25."
            + " It must be a runtime of Java 25 or newer, or compile with --release 21.");
  }

  @Test
  void release25IsTooNewForTheDefaultRuntime() {
    // No @LambdaFunction, so no runtime value to point at: the message is on the method.
    JavaFileObject handler = handler(TRIGGER);
    assertRuntimeTooOld(compile(25, handler), handler, "public void handle",
        "[LACONIC-204] runtime = JAVA21 runs Java 21, but this code is compiled for Java 25."
            + " It must be a runtime of Java 25 or newer, or compile with --release 21.");
  }

  @Test
  void release25RunsOnJava25() {
    assertRuntime(compile(25, function("runtime = JavaRuntime.JAVA25")), "java25");
  }
}
