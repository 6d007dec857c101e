package dev.laconic.processor;

import com.palantir.javapoet.JavaFile;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Every file the processor writes, through the {@link Filer} with its originating elements, and
 * the removal of templates an earlier build left. A file that cannot be written is LACONIC-505.
 */
final class OutputFiles {

  static final String TEMPLATE_YAML = "laconic/template.yaml";
  static final String TEMPLATE_JSON = "laconic/template.json";
  /**
   * The classes that declared handlers in the last good build, one per line: a compilation of
   * some of the sources (an IDE, Gradle, javac on a subset) reads the others back from their
   * class files, so the template still has every function.
   */
  static final String INDEX = "laconic/handlers.index";

  private final Filer filer;
  private final Reporter reporter;

  OutputFiles(Filer filer, Reporter reporter) {
    this.filer = filer;
    this.reporter = reporter;
  }

  /** Writes a generated source file. */
  void write(JavaFile file, Origin origin) {
    try {
      file.writeTo(filer);
    } catch (IOException e) {
      reporter.report(Diagnostic.WRITE_FAILED, origin.whole(),
          file.packageName().isEmpty() ? file.typeSpec().name()
              : file.packageName() + "." + file.typeSpec().name(),
          e.getMessage());
    }
  }

  /** Writes {@code content} as the class-output resource {@code name}, in UTF-8. */
  void write(String name, String content, Element... origins) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", name, origins);
      try (Writer writer = new OutputStreamWriter(file.openOutputStream(),
          StandardCharsets.UTF_8)) {
        writer.write(content);
      }
    } catch (IOException e) {
      reporter.report(Diagnostic.WRITE_FAILED, Origin.NONE.whole(), name, e.getMessage());
    }
  }

  /** The text of the class-output resource {@code name} an earlier build left, or null. */
  String read(String name) {
    try {
      return filer.getResource(StandardLocation.CLASS_OUTPUT, "", name)
          .getCharContent(true).toString();
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return null; // a first build, or an output that keeps nothing between builds
    }
  }

  /**
   * Deletes the templates an earlier build left, which would look like this build's output. The
   * Filer can only create files, so each is deleted by its path; an output that is not a
   * directory (an in-memory compiler) holds nothing from earlier builds.
   */
  void removeStaleTemplates() {
    removeStale(TEMPLATE_YAML);
    removeStale(TEMPLATE_JSON);
  }

  private void removeStale(String name) {
    try {
      URI uri = filer.getResource(StandardLocation.CLASS_OUTPUT, "", name).toUri();
      if ("file".equals(uri.getScheme())) {
        Files.deleteIfExists(Path.of(uri));
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      // Nothing there to delete.
    }
  }
}
