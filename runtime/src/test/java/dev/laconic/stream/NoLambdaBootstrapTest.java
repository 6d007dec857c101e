package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classes that write attribute values as JSON, on the path of an adapter's first record and
 * of a handler's first log line, hold no lambda or method reference, nor do their nested classes:
 * the first one a JVM meets costs its cold start some 10 ms of {@code LambdaMetafactory}
 * bootstrapping.
 */
class NoLambdaBootstrapTest {

  @ParameterizedTest
  @ValueSource(strings = {"dev/laconic/stream/ItemJson.class",
      "dev/laconic/stream/AttributeValueJson.class", "dev/laconic/logging/FieldValues.class",
      "dev/laconic/logging/LogLines.class", "dev/laconic/logging/StructuredLog.class"})
  void noLambdaMetafactoryInTheConstantPool(String classFile)
      throws IOException, URISyntaxException {
    URL url = getClass().getClassLoader().getResource(classFile);
    assertNotNull(url, classFile);
    Path outer = Path.of(url.toURI());
    List<Path> classes = new ArrayList<>(List.of(outer));
    String nested = outer.getFileName().toString().replace(".class", "$*.class");
    try (DirectoryStream<Path> inner = Files.newDirectoryStream(outer.getParent(), nested)) {
      inner.forEach(classes::add);
    }
    for (Path path : classes) {
      String constants = new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1);
      assertFalse(constants.contains("java/lang/invoke/LambdaMetafactory"), path.toString());
    }
  }
}
