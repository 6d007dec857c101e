package dev.laconic.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Filters are read with jackson-core's parser; they must read as the {@code ObjectMapper} that
 * read them before did: the same tree, or the same message for text that is not JSON.
 */
class FilterPatternsReadTest {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  @ParameterizedTest
  @ValueSource(strings = {"{\"eventName\": [\"INSERT\", \"MODIFY\"]}", "", "   ", "null", "true",
      "\"text\"", "[1, 2]", "12", "-3000000000", "123456789012345678901234567890", "1.5", "1e400",
      "-0.0", "{\"a\": {\"b\": [{\"numeric\": [\">\", 0, \"<=\", 5.5]}]}, \"c\": [null, false]}",
      "{\"a\": [1]} trailing", "{\"a\": [1]}}", "{\"a\": 1, \"a\": 2}", "{\"a\": [1}", "{a: [1]}",
      "{\"a\": [\"\\u00e9\\ud83d\\ude00\"]}", "{\"$or\": [{\"a\": [1]}, {\"b\": [2]}]}", "[", "{",
      "{\"a\" [1]}", "'a'", "NaN", "01", "{\"a\": [1],}", "/* c */ {}", "\u00e9"})
  void readsAsTheMapperRead(String filter) {
    assertEquals(mapper(filter), ours(filter), filter);
  }

  private static String mapper(String filter) {
    try {
      JsonNode node = MAPPER.readTree(filter);
      return node == null ? "null" : node.getNodeType() + " " + node.getClass().getSimpleName()
          + " " + node;
    } catch (JsonProcessingException e) {
      return "error " + e.getOriginalMessage();
    }
  }

  private static String ours(String filter) {
    try {
      JsonNode node = FilterPatterns.read(filter);
      return node == null ? "null" : node.getNodeType() + " " + node.getClass().getSimpleName()
          + " " + node;
    } catch (JsonProcessingException e) {
      return "error " + e.getOriginalMessage();
    }
  }
}
