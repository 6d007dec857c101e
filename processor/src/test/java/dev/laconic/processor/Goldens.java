package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Exact comparison with golden files in {@code src/test/resources/goldens/}. A missing golden
 * fails with the path it expects; the actual output is written beside the build output, under
 * {@code target/goldens-actual/}, to review and copy.
 */
final class Goldens {

  private Goldens() {}

  static void assertMatches(String golden, String actual) {
    Path review = Path.of("target", "goldens-actual", golden);
    try {
      Files.createDirectories(review.getParent());
      Files.writeString(review, actual, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (InputStream in = Goldens.class.getResourceAsStream("/goldens/" + golden)) {
      if (in == null) {
        fail("missing golden src/test/resources/goldens/" + golden + "; the actual output is in "
            + review.toAbsolutePath());
      }
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual,
          "differs from golden " + golden + "; actual output in " + review.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
