package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Gradle learns from this file that Laconic is an aggregating incremental processor: many
 * annotated sources feed one template, so Gradle hands it every annotated type again on each
 * incremental compile.
 */
class GradleRegistrationTest {

  @Test
  void theProcessorIsRegisteredAsAggregating() throws IOException {
    try (InputStream in = LaconicProcessor.class.getResourceAsStream(
        "/META-INF/gradle/incremental.annotation.processors")) {
      assertNotNull(in, "registration file missing from the processor jar");
      assertEquals(LaconicProcessor.class.getName() + ",aggregating\n",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
