package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.laconic.processor.diag.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's diagnostics catalogue lists every id of the enum, with its severity. */
class CatalogueDocumentedTest {

  @Test
  void readmeListsEveryDiagnostic() throws IOException {
    // Tests run in the module directory; the README is the project's own, one level up.
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    List<String> missing = Arrays.stream(Diagnostic.values())
        .filter(d -> !readme.contains("| `" + d.id() + "` | "
            + d.kind().name().toLowerCase(java.util.Locale.ROOT) + " |"))
        .map(d -> d.id() + " (" + d.kind().name().toLowerCase(java.util.Locale.ROOT) + ")")
        .toList();
    assertEquals(List.of(), missing, "rows `| `LACONIC-NNN` | error |` missing from README.md");
  }
}
