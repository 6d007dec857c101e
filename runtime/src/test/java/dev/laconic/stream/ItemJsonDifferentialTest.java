package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.testing.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ItemJson} against {@link Attributes}: random and odd attribute values and items, written
 * as JSON, read by every {@code ItemJson} reader straight from the JSON and by the
 * {@code Attributes} reader of the same name from the {@code AttributeValue} that
 * {@link DynamoRecordJson} builds of the same bytes. Equal results, or equal exceptions (class
 * and message), every time.
 *
 * <p>The values are odd on purpose: several type tags in one value, a tag twice or set to
 * {@code null}, {@code NULL false}, unknown tags, numbers out of every range or not numbers,
 * UUIDs and instants that almost are, duplicate keys in items and maps, null set members and
 * list elements. Values that do not build (invalid base64) are shown to be rejected by the event
 * reader's check before any mapper could meet them.
 */
class ItemJsonDifferentialTest {

  private static final AttributePath PATH = AttributePath.root("item").child("v");
  private static final int VALUES = 1500;

  /** One reader under test, in both forms. */
  private record Reader(String name, AttributeReader<?> attributes,
      AttributeJsonReader<?> json) {}

  private static final List<Reader> READERS = readers();

  @Test
  void everyReaderGivesWhatAttributesGives() throws IOException {
    Fuzz fuzz = new Fuzz(20_241_101L);
    Map<String, Integer> outcomes = new TreeMap<>();
    for (int i = 0; i < VALUES; i++) {
      String value = value(fuzz, 0);
      for (Reader reader : READERS) {
        String outcome = compare(value, reader);
        outcomes.merge(reader.name() + " " + outcome, 1, Integer::sum);
      }
    }
    // Every reader both succeeds and fails on some values: the comparison is not vacuous.
    for (Reader reader : READERS) {
      assertTrue(outcomes.getOrDefault(reader.name() + " value", 0) > 0, reader.name());
      assertTrue(outcomes.getOrDefault(reader.name() + " MappingException", 0) > 0,
          reader.name());
    }
    assertTrue(outcomes.getOrDefault("readString malformed", 0) > 0);
  }

  @Test
  void itemsMapAlikeFailuresInPropertyOrder() throws IOException {
    Fuzz fuzz = new Fuzz(7L);
    int failures = 0;
    for (int i = 0; i < VALUES; i++) {
      String item = thingItem(fuzz);
      if (malformed(item)) {
        continue;
      }
      String expected = outcome(() -> thingFromAttributes(
          DynamoRecordJson.attributesAt(bytes(item), 0, bytes(item).length),
          AttributePath.root("thing")));
      String actual = outcome(() -> {
        byte[] json = bytes(item);
        return ItemJson.read(json, 0, json.length, AttributePath.root("thing"),
            ItemJsonDifferentialTest::thingImage);
      });
      assertEquals(expected, actual, item);
      if (expected.startsWith("MappingException")) {
        failures++;
      }
    }
    assertTrue(failures > 100, "failures: " + failures);
  }

  @Test
  void aMapWrittenAsJsonReadsBackEqual() {
    Fuzz fuzz = new Fuzz(3L);
    for (int i = 0; i < 300; i++) {
      String item = "{" + "\"k\": " + value(fuzz, 0) + ", \"j\": " + value(fuzz, 0) + "}";
      Map<String, AttributeValue> image;
      try {
        image = DynamoRecordJson.attributesAt(bytes(item), 0, bytes(item).length);
      } catch (MalformedEventException e) {
        continue;
      }
      byte[] written = ItemJson.toJson(image);
      assertEquals(image, DynamoRecordJson.attributesAt(written, 0, written.length), item);
    }
  }

  @Test
  void aMissingImageIsNull() {
    assertNull(ItemJson.fromAttributes(null, PATH, ItemJsonDifferentialTest::thingImage));
    byte[] json = bytes("null");
    assertNull(ItemJson.read(json, 0, json.length, PATH, ItemJsonDifferentialTest::thingImage));
  }

  /** Reads {@code value} both ways and asserts the same outcome; returns its kind. */
  private static String compare(String value, Reader reader) {
    String item = "{\"v\": " + value + "}";
    if (malformed(item)) {
      return "malformed";
    }
    byte[] json = bytes(item);
    String expected = outcome(() -> reader.attributes()
        .read(DynamoRecordJson.attributesAt(json, 0, json.length).get("v"), PATH));
    String actual = outcome(() -> {
      try (JsonParser parser = DynamoRecordJson.STREAM_EVENT.json().parser(json)) {
        parser.nextToken();
        parser.nextFieldName();
        parser.nextToken();
        Object read = reader.json().read(parser, PATH);
        // The reader leaves the parser on the value's last token.
        assertEquals(JsonToken.END_OBJECT, parser.nextToken(), reader.name() + " " + value);
        assertNull(parser.nextToken(), reader.name() + " " + value);
        return read;
      }
    });
    assertEquals(expected, actual, reader.name() + " of " + value);
    int space = expected.indexOf(' ');
    return space < 0 ? expected : expected.substring(0, space);
  }

  /**
   * Whether building the map of {@code item} fails; then the event reader's check rejects the
   * event that holds it as its new image before any mapper runs, so no mapper meets it.
   */
  private static boolean malformed(String item) {
    byte[] json = bytes(item);
    try {
      DynamoRecordJson.attributesAt(json, 0, json.length);
      return false;
    } catch (MalformedEventException e) {
      byte[] event = bytes("{\"Records\": [{\"eventName\": \"INSERT\", \"dynamodb\": {"
          + "\"SequenceNumber\": \"1\", \"NewImage\": " + item + "}}]}");
      assertThrows(MalformedEventException.class,
          () -> StreamEventJson.read(new ByteArrayInputStream(event)), item);
      return true;
    }
  }

  private interface Read {
    Object read() throws IOException;
  }

  /** The result shown in full (collections in order, arrays by content), or the exception. */
  private static String outcome(Read read) {
    try {
      return "value " + show(read.read());
    } catch (MappingException | MalformedEventException e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String show(Object value) {
    if (value instanceof byte[] bytes) {
      return "bytes" + Arrays.toString(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return "buffer" + (buffer.isReadOnly() ? "(read-only)" : "") + Arrays.toString(bytes);
    } else if (value instanceof Map<?, ?> map) {
      StringBuilder text = new StringBuilder(map.getClass().getSimpleName()).append('{');
      map.forEach((k, v) -> text.append(k).append('=').append(show(v)).append(", "));
      return text.append('}').toString();
    } else if (value instanceof Collection<?> collection) {
      StringBuilder text = new StringBuilder(collection.getClass().getSimpleName()).append('[');
      collection.forEach(v -> text.append(show(v)).append(", "));
      return text.append(']').toString();
    } else if (value instanceof Optional<?> optional) {
      return "Optional(" + optional.map(ItemJsonDifferentialTest::show).orElse("") + ")";
    } else if (value == null) {
      return "null";
    }
    return value.getClass().getSimpleName() + ":" + value;
  }

  // ---- the readers ---------------------------------------------------------------------------

  private static List<Reader> readers() {
    List<Reader> readers = new ArrayList<>();
    readers.add(new Reader("readString", Attributes::readString, ItemJson::readString));
    readers.add(new Reader("readBoolean", Attributes::readBoolean, ItemJson::readBoolean));
    readers.add(new Reader("requireBoolean", Attributes::requireBoolean,
        ItemJson::requireBoolean));
    readers.add(new Reader("readBytes", Attributes::readBytes, ItemJson::readBytes));
    readers.add(new Reader("readByteBuffer", Attributes::readByteBuffer,
        ItemJson::readByteBuffer));
    readers.add(new Reader("readUuid", Attributes::readUuid, ItemJson::readUuid));
    readers.add(new Reader("readInstant", Attributes::readInstant, ItemJson::readInstant));
    readers.add(new Reader("readEnumName", (v, p) -> Attributes.readEnumName(v, p, "Status"),
        (j, p) -> ItemJson.readEnumName(j, p, "Status")));
    readers.add(new Reader("readBigDecimal", Attributes::readBigDecimal,
        ItemJson::readBigDecimal));
    readers.add(new Reader("readBigInteger", Attributes::readBigInteger,
        ItemJson::readBigInteger));
    readers.add(new Reader("readInteger", Attributes::readInteger, ItemJson::readInteger));
    readers.add(new Reader("requireInt", Attributes::requireInt, ItemJson::requireInt));
    readers.add(new Reader("readLong", Attributes::readLong, ItemJson::readLong));
    readers.add(new Reader("requireLong", Attributes::requireLong, ItemJson::requireLong));
    readers.add(new Reader("readShort", Attributes::readShort, ItemJson::readShort));
    readers.add(new Reader("requireShort", Attributes::requireShort, ItemJson::requireShort));
    readers.add(new Reader("readByte", Attributes::readByte, ItemJson::readByte));
    readers.add(new Reader("requireByte", Attributes::requireByte, ItemJson::requireByte));
    readers.add(new Reader("readDouble", Attributes::readDouble, ItemJson::readDouble));
    readers.add(new Reader("requireDouble", Attributes::requireDouble,
        ItemJson::requireDouble));
    readers.add(new Reader("readFloat", Attributes::readFloat, ItemJson::readFloat));
    readers.add(new Reader("requireFloat", Attributes::requireFloat, ItemJson::requireFloat));
    readers.add(new Reader("readList<String>",
        (v, p) -> Attributes.readList(v, p, Attributes::readString),
        (j, p) -> ItemJson.readList(j, p, ItemJson::readString)));
    readers.add(new Reader("readList<Integer>",
        (v, p) -> Attributes.readList(v, p, Attributes::readInteger),
        (j, p) -> ItemJson.readList(j, p, ItemJson::readInteger)));
    readers.add(new Reader("readSet<ByteBuffer>",
        (v, p) -> Attributes.readSet(v, p, Attributes::readByteBuffer),
        (j, p) -> ItemJson.readSet(j, p, ItemJson::readByteBuffer)));
    readers.add(new Reader("readSet<Long>",
        (v, p) -> Attributes.readSet(v, p, Attributes::readLong),
        (j, p) -> ItemJson.readSet(j, p, ItemJson::readLong)));
    readers.add(new Reader("readList<List<Optional<String>>>",
        (v, p) -> Attributes.readList(v, p, (v1, p1) -> Attributes.readList(v1, p1,
            (v2, p2) -> Optional.ofNullable(Attributes.readString(v2, p2)))),
        (j, p) -> ItemJson.readList(j, p, (j1, p1) -> ItemJson.readList(j1, p1,
            (j2, p2) -> Optional.ofNullable(ItemJson.readString(j2, p2))))));
    readers.add(new Reader("readMap<Integer>",
        (v, p) -> Attributes.readMap(v, p, Attributes::readInteger),
        (j, p) -> ItemJson.readMap(j, p, ItemJson::readInteger)));
    readers.add(new Reader("readMap<Set<String>>",
        (v, p) -> Attributes.readMap(v, p, (v1, p1) -> Attributes.readSet(v1, p1,
            Attributes::readString)),
        (j, p) -> ItemJson.readMap(j, p, (j1, p1) -> ItemJson.readSet(j1, p1,
            ItemJson::readString))));
    readers.add(new Reader("readItem(Thing)", ItemJsonDifferentialTest::thingFromValue,
        ItemJsonDifferentialTest::thingValue));
    readers.add(new Reader("readList<Thing>",
        (v, p) -> Attributes.readList(v, p, ItemJsonDifferentialTest::thingFromValue),
        (j, p) -> ItemJson.readList(j, p, ItemJsonDifferentialTest::thingValue)));
    readers.add(new Reader("readMap<Thing>",
        (v, p) -> Attributes.readMap(v, p, ItemJsonDifferentialTest::thingFromValue),
        (j, p) -> ItemJson.readMap(j, p, ItemJsonDifferentialTest::thingValue)));
    return readers;
  }

  // ---- a mapped type, as the mapper generator writes both forms -------------------------------

  /** A record of {@code a} (String), {@code b} (int) and {@code c} (List of Integer). */
  private static List<Object> thingFromAttributes(Map<String, AttributeValue> attributes,
      AttributePath path) {
    if (attributes == null) {
      return null;
    }
    return Arrays.asList(
        Attributes.readString(attributes.get("a"), path.child("a")),
        Attributes.requireInt(attributes.get("b"), path.child("b")),
        Attributes.readList(attributes.get("c"), path.child("c"), Attributes::readInteger));
  }

  private static List<Object> thingFromValue(AttributeValue value, AttributePath path) {
    return thingFromAttributes(Attributes.readItem(value, path, "Thing"), path);
  }

  private static List<Object> thingValue(JsonParser parser, AttributePath path)
      throws IOException {
    return ItemJson.readItem(parser, path, "Thing", ItemJsonDifferentialTest::thingImage);
  }

  private static List<Object> thingImage(JsonParser parser, AttributePath path)
      throws IOException {
    if (!ItemJson.startItem(parser)) {
      return null;
    }
    JsonStreamContext item = parser.getParsingContext();
    String a = null;
    int b = 0;
    boolean hasB = false;
    List<Integer> c = null;
    MappingException[] failures = null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      int at = -1;
      try {
        switch (name) {
          case "a" -> {
            at = 0;
            a = ItemJson.readString(parser, path.child("a"));
          }
          case "b" -> {
            at = 1;
            hasB = true;
            b = ItemJson.requireInt(parser, path.child("b"));
          }
          case "c" -> {
            at = 2;
            c = ItemJson.readList(parser, path.child("c"), ItemJson::readInteger);
          }
          default -> parser.skipChildren();
        }
        if (failures != null && at >= 0) {
          failures[at] = null;
        }
      } catch (MappingException e) {
        failures = ItemJson.failed(parser, item, failures, 3, at, e);
      }
    }
    if (!hasB) {
      failures = ItemJson.missing(failures, 3, 1, path.child("b"), "int");
    }
    ItemJson.throwFirstFailure(failures);
    return Arrays.asList(a, b, c);
  }

  // ---- random values -------------------------------------------------------------------------

  private static final String[] TEXTS = {
      "hello", "", "LABELLED", "SHIPPED", "3", "true",
      "123e4567-e89b-12d3-a456-426614174000", "123E4567-E89B-12D3-A456-426614174000",
      "1-2-3-4-5", "2024-05-01T12:00:00Z", "2024-05-01T12:00:00+02:00", "2024-05-01",
      "quote \" back \\ line\n tab\t é ✓ and a text longer than forty characters to cut"};

  private static final String[] NUMBERS = {
      "0", "3", "3.0", "3.5", "-1", "-0", "+5", "127", "128", "-129", "32767", "32768",
      "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
      "99999999999999999999", "1E+2", "1e2", "1e400", "1E-130", "9.9E+125", "3.4028236e38",
      "1e-50", "1.7976931348623157E309", "1717000000", "1717000000.123456789123", "abc", "NaN",
      "Infinity", "0x10", "", " 5", "1.2.3", "--1", "e", "12345678901234567890.5"};

  private static final String[] TAGS = {
      "S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL", "X"};

  /** One attribute value as JSON: mostly one tag, sometimes several, sometimes missing. */
  static String value(Fuzz fuzz, int depth) {
    if (fuzz.chance(6)) {
      return "null";
    }
    int tags = fuzz.chance(75) ? 1 : fuzz.chance(70) ? 2 : fuzz.between(0, 4);
    StringBuilder json = new StringBuilder("{");
    for (int i = 0; i < tags; i++) {
      String tag = depth >= 2 ? fuzz.pick("S", "N", "B", "NULL", "BOOL", "SS")
          : fuzz.pick(TAGS);
      if (i > 0) {
        json.append(", ");
      }
      json.append('"').append(tag).append("\": ");
      if (fuzz.chance(8)) {
        json.append("null");
        continue;
      }
      switch (tag) {
        case "S" -> json.append(quote(fuzz.pick(TEXTS)));
        case "N" -> json.append(fuzz.chance(5) ? "12" : quote(fuzz.pick(NUMBERS)));
        case "B" -> json.append(binary(fuzz));
        case "SS", "NS", "BS" -> {
          json.append('[');
          for (int m = fuzz.between(0, 3); m > 0; m--) {
            json.append(fuzz.chance(8) ? "null"
                : tag.equals("SS") ? quote(fuzz.pick(TEXTS))
                : tag.equals("NS") ? quote(fuzz.pick(NUMBERS)) : binary(fuzz));
            json.append(m > 1 ? ", " : "");
          }
          json.append(']');
        }
        case "M" -> json.append(map(fuzz, depth + 1));
        case "L" -> {
          json.append('[');
          for (int e = fuzz.between(0, 3); e > 0; e--) {
            json.append(value(fuzz, depth + 1)).append(e > 1 ? ", " : "");
          }
          json.append(']');
        }
        case "NULL", "BOOL" -> json.append(fuzz.pick("true", "false"));
        default -> json.append(fuzz.pick("[1, {\"S\": 2}]", "{\"M\": {}}", "\"x\""));
      }
    }
    return json.append('}').toString();
  }

  /** An M's map, with keys that repeat now and then; a Thing's keys, often. */
  private static String map(Fuzz fuzz, int depth) {
    StringBuilder json = new StringBuilder("{");
    int entries = fuzz.between(0, 4);
    for (int i = 0; i < entries; i++) {
      String key = fuzz.pick("a", "b", "c", "d");
      json.append(quote(key)).append(": ");
      json.append(key.equals("c") && fuzz.chance(50) ? "{\"L\": [" + value(fuzz, 2) + "]}"
          : key.equals("b") && fuzz.chance(60) ? "{\"N\": " + quote(fuzz.pick(NUMBERS)) + "}"
          : value(fuzz, depth));
      json.append(i < entries - 1 ? ", " : "");
    }
    return json.append('}').toString();
  }

  /** A Thing's item, its attributes in any order, repeated now and then, with others. */
  private static String thingItem(Fuzz fuzz) {
    return map(fuzz, 1);
  }

  private static String binary(Fuzz fuzz) {
    return fuzz.chance(2) ? "\"!!not base64\""
        : quote(Base64.getEncoder().encodeToString(fuzz.bytes()));
  }

  private static String quote(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\t' -> json.append("\\t");
        default -> json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
