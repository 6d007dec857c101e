package dev.laconic.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.laconic.processor.Compilations.source;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import dev.laconic.processor.cfn.CfnSchemaValidator;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Valid values that are hard to write into YAML come out of the template exactly as written:
 * unicode, quotes, YAML's special characters, values YAML 1.1 would retype, very long filters.
 */
class RoundTripTest {

  static List<String> descriptions() {
    return List.of(
        "Ünïcödé ✓ 😀 中文 — em dash",
        "a: b # c 'd' \"e\" {f} [g] & * ! | > % @ `",
        "- starts like a list item",
        "yes", "off", "2024-05-01", "0x1F", "1e3", "~", "null", ": colon first",
        "tab\there", "trailing space ",
        "x".repeat(256));
  }

  @ParameterizedTest
  @MethodSource("descriptions")
  void descriptionsAndEnvironmentValuesComeOutAsWritten(String value) throws IOException {
    String literal = javaString(value);
    Compilation compilation = Compilations.compile(source("Handler", "public class Handler {\n"
        + "@LambdaFunction(description = " + literal + ", environment = {\"VALUE=\" + "
        + literal + "})\n"
        + DiagnosticsTest.TRIGGER + "\npublic void handle(DynamodbEvent event) {}\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    for (JsonNode template : templates(compilation)) {
      JsonNode properties = template.path("Resources").path("HandlerHandleFunction")
          .path("Properties");
      assertEquals(value, properties.path("Description").asText());
      assertEquals(value, properties.path("Environment").path("Variables").path("VALUE")
          .asText());
    }
  }

  @ParameterizedTest
  @MethodSource("descriptions")
  void filtersComeOutAsWritten(String value) throws IOException {
    String pattern = "{\"dynamodb\": {\"NewImage\": {\"note\": {\"S\": ["
        + new ObjectMapper().writeValueAsString(value + "x".repeat(3000)) + "]}}}}";
    Compilation compilation = Compilations.compile(source("Handler", "public class Handler {\n"
        + "@DynamoStreamTrigger(streamArn = \"${OrdersStream}\", filters = "
        + javaString(pattern) + ")\npublic void handle(DynamodbEvent event) {}\n}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    for (JsonNode template : templates(compilation)) {
      assertEquals(pattern, template.path("Resources").path("HandlerHandleStreamMapping")
          .path("Properties").path("FilterCriteria").path("Filters").get(0).path("Pattern")
          .asText());
    }
  }

  /** The YAML and the JSON template, parsed. */
  private static List<JsonNode> templates(Compilation compilation) throws IOException {
    return List.of(
        CfnSchemaValidator.readTemplate(Compilations.resource(compilation,
            "laconic/template.yaml")),
        new ObjectMapper().readTree(Compilations.resource(compilation, "laconic/template.json")));
  }

  private static String javaString(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
