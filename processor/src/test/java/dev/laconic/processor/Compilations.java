package dev.laconic.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiling handler sources with Laconic in tests. */
final class Compilations {

  static final String CODE = "-Alaconic.code=../../app.jar";

  /**
   * The Java release test compilations target, whatever JDK runs the tests: the release the
   * project supports at least, so a newer JDK neither changes what is compiled nor makes Laconic
   * reject its default runtime as too old (LACONIC-204).
   */
  static final String RELEASE = "17";

  private Compilations() {}

  /**
   * {@code options} for a test compilation, after {@code --release} {@link #RELEASE} unless they
   * name a release themselves.
   */
  static List<String> options(String... options) {
    return options(List.of(options));
  }

  static List<String> options(List<String> options) {
    if (options.stream().anyMatch(o -> o.equals("--release") || o.startsWith("--release="))) {
      return options;
    }
    List<String> all = new ArrayList<>(List.of("--release", RELEASE));
    all.addAll(options);
    return all;
  }

  /** compile-testing's javac with {@link #options(String...)}. */
  static Compiler javac(String... options) {
    return Compiler.javac().withOptions(options(options));
  }

  /** javac with Laconic, the test class path and a code location. */
  static Compiler laconic() {
    return laconic(CODE);
  }

  /** javac with Laconic, the test class path and {@code options} instead of a code location. */
  static Compiler laconic(String... options) {
    return javac(options).withProcessors(new LaconicProcessor());
  }

  static Compilation compile(JavaFileObject... sources) {
    return laconic().compile(sources);
  }

  /** A source file {@code test.<name>} with the usual imports in front of {@code body}. */
  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("test." + name, """
        package test;

        import com.amazonaws.services.lambda.runtime.Context;
        import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
        import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
        import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
        import com.amazonaws.services.lambda.runtime.events.*;
        import dev.laconic.annotations.*;
        import dev.laconic.stream.StreamChange;
        import java.util.*;

        """ + body);
  }

  /**
   * A directory holding {@code test.<name>} compiled by plain javac, without {@code -parameters},
   * as a class from a library jar would be: for class-path-only types.
   */
  static File precompiled(String name, String body) {
    try {
      java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("laconic-lib");
      dir.toFile().deleteOnExit();
      javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
      try (javax.tools.StandardJavaFileManager files =
          javac.getStandardFileManager(null, null, java.nio.charset.StandardCharsets.UTF_8)) {
        files.setLocation(StandardLocation.CLASS_OUTPUT, List.of(dir.toFile()));
        files.setLocation(StandardLocation.CLASS_PATH, classPathWithout("\0"));
        boolean compiled = javac.getTask(null, files, null, options("-proc:none"), null,
            List.of(source(name, body))).call();
        if (!compiled) {
          throw new IllegalStateException("could not precompile " + name);
        }
      }
      return dir.toFile();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The test class path without the jars whose path contains {@code fragment}. */
  static List<File> classPathWithout(String fragment) {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.contains(fragment))
        .map(File::new)
        .collect(Collectors.toList());
  }

  /** The text of a generated resource in the class output, such as the template. */
  static String resource(Compilation compilation, String path) {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError("not generated: " + path));
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
