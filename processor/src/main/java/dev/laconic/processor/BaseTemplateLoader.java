package dev.laconic.processor;

import dev.laconic.processor.cfn.BaseTemplate;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the user's own template, once per build. */
final class BaseTemplateLoader {

  private BaseTemplateLoader() {}

  /**
   * The template at {@code path}, or null when there is none ({@code path} null) or it cannot be
   * read (reported as LACONIC-008). A relative path is resolved from javac's working directory.
   */
  static BaseTemplate load(Path path, Reporter reporter) {
    if (path == null) {
      return null;
    }
    try (Reader text = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      return BaseTemplate.read(text);
    } catch (IOException | RuntimeException e) {
      reporter.report(Diagnostic.BASE_TEMPLATE_UNREADABLE, Origin.NONE.whole(), path,
          e.getMessage() == null ? e.toString() : e.getMessage());
      return null;
    }
  }
}
