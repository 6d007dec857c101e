package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.laconic.processor.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The catalogue of {@code docs/diagnostics.md} lists every id of the enum, with its severity. */
class CatalogueDocumentedTest {

  @Test
  void catalogueListsEveryDiagnostic() throws IOException {
    // Tests run in the module directory; the docs are the project's own, one level up.
    Path catalogue = Path.of("..", "docs", "diagnostics.md");
    String text = Files.readString(catalogue, StandardCharsets.UTF_8);
    List<String> missing = Arrays.stream(Diagnostic.values())
        .filter(d -> !text.contains("| `" + d.id() + "` | "
            + d.kind().name().toLowerCase(Locale.ROOT) + " |"))
        .map(d -> d.id() + " (" + d.kind().name().toLowerCase(Locale.ROOT) + ")")
        .toList();
    assertEquals(List.of(), missing,
        "rows `| `LACONIC-NNN` | error |` missing from docs/diagnostics.md");
  }
}
