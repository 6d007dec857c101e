package dev.laconic.enhanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import dev.laconic.stream.AttributeJsonReader;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.EventJson;
import dev.laconic.stream.MappingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The Enhanced Client's readings that differ from Laconic's own readers, one by one, with the
 * messages a failing record is reported with. The differential test proves them against the real
 * chain; these name them.
 */
class EnhancedJsonTest {

  private static final EventJson JSON = new EventJson("test value", "value");

  static <T> T read(AttributeJsonReader<T> reader, String json) {
    try (JsonParser parser = JSON.parser(json.getBytes(StandardCharsets.UTF_8))) {
      parser.nextToken();
      return reader.read(parser, AttributePath.root("order").child("qty"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MappingException failure(AttributeJsonReader<?> reader, String json) {
    return assertThrows(MappingException.class, () -> read(reader, json));
  }

  /**
   * An attribute the class does not map still goes through the transformer with the whole image:
   * what the transformer refuses fails the record, the rest is skipped.
   */
  @Test
  void unmappedAttributesFailWhereTheTransformerFails() {
    AttributeJsonReader<Boolean> skip = (parser, path) -> {
      EnhancedJson.skip(parser, path);
      return true;
    };
    for (String good : List.of("{\"S\": \"x\"}", "{\"NULL\": true}", "{\"L\": []}",
        "{\"M\": {\"a\": {\"N\": \"1\"}}}", "{\"SS\": [\"a\"]}", "{\"SS\": []}")) {
      assertEquals(true, read(skip, good), good);
    }
    for (String bad : List.of("null", "{}", "{\"L\": [null]}",
        "{\"M\": {\"a\": {}}}")) {
      assertTrue(failure(skip, bad).getMessage().contains("order.qty"), bad);
    }
  }

  @Test
  void anInstantIsAnIso8601StringNotEpochSeconds() {
    assertEquals(Instant.parse("2024-05-01T12:00:00Z"),
        read(EnhancedJson::readInstant, "{\"S\": \"2024-05-01T12:00:00Z\"}"));
    assertTrue(failure(EnhancedJson::readInstant, "{\"N\": \"1714564800\"}").getMessage()
        .startsWith("order.qty: cannot convert N 1714564800 to Instant as the Enhanced Client"
            + " does: java.lang.IllegalArgumentException"));
    // Instant.parse takes an offset since JDK 12.
    assertEquals(Instant.parse("2024-05-01T11:00:00Z"),
        read(EnhancedJson::readInstant, "{\"S\": \"2024-05-01T12:00:00+01:00\"}"));
    failure(EnhancedJson::readInstant, "{\"S\": \"2024-05-01\"}");
  }

  @Test
  void aBooleanIsReadLeniently() {
    assertEquals(true, read(EnhancedJson::readBoolean, "{\"S\": \"true\"}"));
    assertEquals(false, read(EnhancedJson::readBoolean, "{\"N\": \"0\"}"));
    assertEquals("order.qty: cannot convert N 2 to Boolean as the Enhanced Client does:"
        + " java.lang.IllegalArgumentException: Number could not be converted to boolean: 2",
        failure(EnhancedJson::readBoolean, "{\"N\": \"2\"}").getMessage());
  }

  @Test
  void numbersAreParsedAsTheJdkParsesThem() {
    assertEquals(7, read(EnhancedJson::requireInt, "{\"S\": \"7\"}"));
    MappingException fraction = failure(EnhancedJson::requireInt, "{\"N\": \"3.0\"}");
    assertEquals("order.qty: cannot convert N 3.0 to Integer as the Enhanced Client does:"
        + " java.lang.NumberFormatException: For input string: \"3.0\"", fraction.getMessage());
    assertEquals("order.qty", fraction.path());
    assertInstanceOf(NumberFormatException.class, fraction.getCause());
    assertEquals(1.5, read(EnhancedJson::readDouble, "{\"N\": \" 1.5d \"}"));
    failure(EnhancedJson::readDouble, "{\"N\": \"1e400\"}");
    failure(EnhancedJson::readByte, "{\"S\": \"1\"}");
  }

  @Test
  void aStringTakesAnyType() {
    assertEquals("1.50", read(EnhancedJson::readString, "{\"N\": \"1.50\"}"));
    assertEquals("true", read(EnhancedJson::readString, "{\"BOOL\": true}"));
    assertEquals("[a, b]", read(EnhancedJson::readString, "{\"SS\": [\"a\", \"b\"]}"));
    assertEquals("AQI=", read(EnhancedJson::readString, "{\"B\": \"AQI=\"}"));
  }

  @Test
  void theTransformerKeepsOneTypeStringsFirst() {
    assertEquals("a", read(EnhancedJson::readString, "{\"N\": \"1\", \"S\": \"a\"}"));
    failure(EnhancedJson::readInteger, "{\"N\": \"1\", \"S\": \"a\"}");
  }

  @Test
  void nullGivesNullButNotForPrimitivesDoublesOrEnums() {
    assertNull(read(EnhancedJson::readInteger, "{\"NULL\": true}"));
    assertEquals("order.qty: found NULL, which int cannot hold",
        failure(EnhancedJson::requireInt, "{\"NULL\": true}").getMessage());
    failure(EnhancedJson::readDouble, "{\"NULL\": true}");
    failure(EnhancedJson::readEnumString, "{\"NULL\": true}");
    failure(EnhancedJson::readInteger, "{\"NULL\": false}");
  }

  @Test
  void aJsonNullFailsAsTheTransformerFailsOnIt() {
    assertEquals("order.qty[1]: found a JSON null, which the Lambda events transformer"
        + " (DynamodbAttributeValueTransformer) cannot convert to the SDK's AttributeValue",
        failure((p, path) -> EnhancedJson.readList(p, path, EnhancedJson::readString),
            "{\"L\": [{\"S\": \"a\"}, null]}").getMessage());
  }

  @Test
  void anEmptySetFailsAnEmptyListDoesNot() {
    failure((p, path) -> EnhancedJson.readSet(p, path, EnhancedJson::readString), "{\"SS\": []}");
    List<String> empty =
        read((p, path) -> EnhancedJson.readList(p, path, EnhancedJson::readString), "{\"L\": []}");
    assertEquals(new ArrayList<>(), empty);
    assertSame(ArrayList.class, empty.getClass());
  }

  @Test
  void collectionsAreMutableAndTakeEitherShape() {
    List<Integer> numbers = read((p, path) -> EnhancedJson.readList(p, path,
        EnhancedJson::readInteger), "{\"SS\": [\"1\", \"2\"]}");
    assertEquals(List.of(1, 2), numbers);
    numbers.add(3);
    Set<String> set = read((p, path) -> EnhancedJson.readSet(p, path, EnhancedJson::readString),
        "{\"L\": [{\"S\": \"b\"}, {\"N\": \"1\"}, {\"S\": \"b\"}]}");
    assertEquals(new LinkedHashSet<>(List.of("b", "1")), set);
    assertSame(LinkedHashSet.class, set.getClass());
  }

  @Test
  void aMapsKeysComeInTheTransformersHashMapOrder() {
    StringBuilder json = new StringBuilder("{\"M\": {");
    Map<String, Integer> expected = new HashMap<>();
    for (int i = 30; i > 0; i--) {
      json.append(i == 30 ? "" : ", ").append("\"key").append(i).append("\": {\"N\": \"")
          .append(i).append("\"}");
      expected.put("key" + i, i);
    }
    Map<String, Integer> map = read((p, path) -> EnhancedJson.readMap(p, path,
        EnhancedJson::readInteger), json.append("}}").toString());
    assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(map.keySet()));
    assertSame(LinkedHashMap.class, map.getClass());
  }

  enum Size { SMALL, LARGE }

  @Test
  void enumsAreFoundByTheirStringWithTheSdksMessage() {
    assertEquals("SMALL", read(EnhancedJson::readEnumString, "{\"S\": \"SMALL\"}"));
    assertEquals("order.qty: cannot convert N 1 to an enum as the Enhanced Client does: Cannot"
        + " convert non-string value to enum.",
        failure(EnhancedJson::readEnumString, "{\"N\": \"1\"}").getMessage());
    assertEquals("order.qty: cannot convert S \"small\" to Size as the Enhanced Client does:"
        + " Unable to convert string value 'small' to enum type 'class "
        + Size.class.getName() + "'",
        EnhancedJson.unknownEnumString(AttributePath.root("order").child("qty"), "small",
            Size.class).getMessage());
  }

  @Test
  void convertedHandsTheTransformersValueToTheConverter() {
    AttributeConverter<Duration> durations = EnhancedJson.providerConverter(Duration.class);
    assertEquals(Duration.ofSeconds(3600, 5),
        read((p, path) -> EnhancedJson.converted(p, path, durations), "{\"N\": \"3600.000000005\"}"));
    assertTrue(failure((p, path) -> EnhancedJson.converted(p, path, durations),
        "{\"S\": \"PT1H\"}").getMessage().startsWith("order.qty: cannot convert S \"PT1H\""));
  }

  @Test
  void providerConverterTakesTheFirstProviderThatHasOne() {
    AttributeConverter<String> upper = new AttributeConverter<>() {
      @Override
      public AttributeValue transformFrom(String input) {
        return AttributeValue.fromS(input);
      }

      @Override
      public String transformTo(AttributeValue input) {
        return input.s().toUpperCase();
      }

      @Override
      public EnhancedType<String> type() {
        return EnhancedType.of(String.class);
      }

      @Override
      public AttributeValueType attributeValueType() {
        return AttributeValueType.S;
      }
    };
    AttributeConverterProvider strings = new AttributeConverterProvider() {
      @Override
      @SuppressWarnings("unchecked")
      public <T> AttributeConverter<T> converterFor(EnhancedType<T> type) {
        return type.rawClass() == String.class ? (AttributeConverter<T>) upper : null;
      }
    };
    assertSame(upper, EnhancedJson.providerConverter(String.class, strings,
        DefaultAttributeConverterProvider.create()));
    assertEquals(Integer.valueOf(3), EnhancedJson.providerConverter(Integer.class, strings,
        DefaultAttributeConverterProvider.create()).transformTo(AttributeValue.fromN("3")));
    assertThrows(IllegalStateException.class,
        () -> EnhancedJson.providerConverter(Integer.class, strings));
  }
}
