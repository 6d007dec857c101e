package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes that write attribute values as JSON, on the path of an adapter's first record and
 * of a handler's first log line, hold no lambda or method reference: the first one a JVM meets
 * costs its cold start some 10 ms of {@code LambdaMetafactory} bootstrapping.
 */
class NoLambdaBootstrapTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev/laconic/stream/ItemJson.class",
      "dev/laconic/stream/AttributeValueJson.class", "dev/laconic/logging/FieldValues.class",
      "dev/laconic/logging/LogLines.class", "dev/laconic/logging/StructuredLog.class"})
  void noLambdaMetafactoryInTheConstantPool(String classFile) throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(classFile)) {
      String constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      assertFalse(constants.contains("java/lang/invoke/LambdaMetafactory"), classFile);
    }
  }
}
