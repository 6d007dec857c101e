package dev.laconic.enhanced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.laconic.stream.AttributeJsonReader;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.EventJson;
import dev.laconic.stream.MalformedEventException;
import dev.laconic.stream.MappingException;
import dev.laconic.stream.StreamEventJson;
import dev.laconic.testing.Fuzz;
import dev.laconic.testing.LambdaRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every reader of {@link EnhancedJson} against the real chain, on seeded random attribute values
 * of every shape, right and wrong: the event read by the Lambda runtime's own serializer into a
 * {@code DynamodbEvent}, its image turned into the SDK's attribute values by
 * {@code DynamodbAttributeValueTransformer}, then the SDK's default converter for the Java type.
 * Both give equal values (same collection classes, same order, same read-only buffers), or both
 * fail, the reader with a {@link MappingException}. Values the event reader refuses (shapes the
 * runtime coerces, bad base64) never reach a mapper and are left out.
 */
class EnhancedJsonDifferentialTest {

  private static final int VALUES = 1500;
  private static final EventJson JSON = new EventJson("test value", "value");
  private static final DefaultAttributeConverterProvider SDK = DefaultAttributeConverterProvider.create();

  enum Color { RED, GREEN, BLUE }

  /** A reader and the SDK converter for the same Java type. */
  record Case(String name, AttributeJsonReader<?> reader, AttributeConverter<?> converter,
      boolean primitive) {}

  static Case boxed(String name, AttributeJsonReader<?> reader, EnhancedType<?> type) {
    return new Case(name, reader, SDK.converterFor(type), false);
  }

  static Case primitive(String name, AttributeJsonReader<?> reader, Class<?> type) {
    return new Case(name, reader, SDK.converterFor(EnhancedType.of(type)), true);
  }

  static Color color(JsonParser parser, AttributePath path) throws IOException {
    String text = EnhancedJson.readEnumString(parser, path);
    return switch (text) {
      case "RED" -> Color.RED;
      case "GREEN" -> Color.GREEN;
      case "BLUE" -> Color.BLUE;
      default -> throw EnhancedJson.unknownEnumString(path, text, Color.class);
    };
  }

  static final List<Case> CASES = List.of(
      boxed("String", EnhancedJson::readString, EnhancedType.of(String.class)),
      boxed("Boolean", EnhancedJson::readBoolean, EnhancedType.of(Boolean.class)),
      primitive("boolean", EnhancedJson::requireBoolean, boolean.class),
      boxed("Integer", EnhancedJson::readInteger, EnhancedType.of(Integer.class)),
      primitive("int", EnhancedJson::requireInt, int.class),
      boxed("Long", EnhancedJson::readLong, EnhancedType.of(Long.class)),
      primitive("long", EnhancedJson::requireLong, long.class),
      boxed("Short", EnhancedJson::readShort, EnhancedType.of(Short.class)),
      primitive("short", EnhancedJson::requireShort, short.class),
      boxed("Byte", EnhancedJson::readByte, EnhancedType.of(Byte.class)),
      primitive("byte", EnhancedJson::requireByte, byte.class),
      boxed("Double", EnhancedJson::readDouble, EnhancedType.of(Double.class)),
      primitive("double", EnhancedJson::requireDouble, double.class),
      boxed("Float", EnhancedJson::readFloat, EnhancedType.of(Float.class)),
      primitive("float", EnhancedJson::requireFloat, float.class),
      boxed("BigDecimal", EnhancedJson::readBigDecimal, EnhancedType.of(BigDecimal.class)),
      boxed("BigInteger", EnhancedJson::readBigInteger, EnhancedType.of(BigInteger.class)),
      boxed("byte[]", EnhancedJson::readBytes, EnhancedType.of(byte[].class)),
      boxed("ByteBuffer", EnhancedJson::readByteBuffer, EnhancedType.of(ByteBuffer.class)),
      boxed("Instant", EnhancedJson::readInstant, EnhancedType.of(Instant.class)),
      boxed("UUID", EnhancedJson::readUuid, EnhancedType.of(UUID.class)),
      boxed("Color", EnhancedJsonDifferentialTest::color, EnhancedType.of(Color.class)),
      boxed("List<String>", (p, path) -> EnhancedJson.readList(p, path, EnhancedJson::readString),
          EnhancedType.listOf(String.class)),
      boxed("List<Integer>", (p, path) -> EnhancedJson.readList(p, path, EnhancedJson::readInteger),
          EnhancedType.listOf(Integer.class)),
      boxed("List<Double>", (p, path) -> EnhancedJson.readList(p, path, EnhancedJson::readDouble),
          EnhancedType.listOf(Double.class)),
      boxed("List<Boolean>", (p, path) -> EnhancedJson.readList(p, path, EnhancedJson::readBoolean),
          EnhancedType.listOf(Boolean.class)),
      boxed("List<Color>",
          (p, path) -> EnhancedJson.readList(p, path, EnhancedJsonDifferentialTest::color),
          EnhancedType.listOf(Color.class)),
      boxed("List<List<Long>>", (p, path) -> EnhancedJson.readList(p, path,
              (q, at) -> EnhancedJson.readList(q, at, EnhancedJson::readLong)),
          EnhancedType.listOf(EnhancedType.listOf(Long.class))),
      boxed("List<Map<String, String>>", (p, path) -> EnhancedJson.readList(p, path,
              (q, at) -> EnhancedJson.readMap(q, at, EnhancedJson::readString)),
          EnhancedType.listOf(EnhancedType.mapOf(String.class, String.class))),
      boxed("Set<String>", (p, path) -> EnhancedJson.readSet(p, path, EnhancedJson::readString),
          EnhancedType.setOf(String.class)),
      boxed("Set<Long>", (p, path) -> EnhancedJson.readSet(p, path, EnhancedJson::readLong),
          EnhancedType.setOf(Long.class)),
      boxed("Set<ByteBuffer>",
          (p, path) -> EnhancedJson.readSet(p, path, EnhancedJson::readByteBuffer),
          EnhancedType.setOf(ByteBuffer.class)),
      boxed("Set<Instant>", (p, path) -> EnhancedJson.readSet(p, path, EnhancedJson::readInstant),
          EnhancedType.setOf(Instant.class)),
      boxed("Map<String, Integer>",
          (p, path) -> EnhancedJson.readMap(p, path, EnhancedJson::readInteger),
          EnhancedType.mapOf(String.class, Integer.class)),
      boxed("Map<String, List<String>>", (p, path) -> EnhancedJson.readMap(p, path,
              (q, at) -> EnhancedJson.readList(q, at, EnhancedJson::readString)),
          EnhancedType.mapOf(EnhancedType.of(String.class), EnhancedType.listOf(String.class))),
      converted(Duration.class),
      converted(LocalDate.class),
      converted(Character.class),
      converted(SdkBytes.class));

  static Case converted(Class<?> type) {
    AttributeConverter<?> converter = EnhancedJson.providerConverter(type);
    return new Case("converted " + type.getSimpleName(),
        (p, path) -> EnhancedJson.converted(p, path, converter),
        SDK.converterFor(EnhancedType.of(type)), false);
  }

  @Test
  void everyReaderGivesWhatTheTransformerAndTheSdkConvertersGive() throws IOException {
    Fuzz fuzz = new Fuzz(20260511L);
    Values values = new Values(fuzz);
    int compared = 0;
    int bothFailed = 0;
    int refusedByTheEventReader = 0;
    for (int i = 0; i < VALUES; i++) {
      String value = values.value(0, true);
      String event = "{\"Records\":[{\"eventName\":\"INSERT\",\"dynamodb\":{\"NewImage\":{\"v\":"
          + value + "},\"SequenceNumber\":\"1\",\"StreamViewType\":\"NEW_IMAGE\"}}]}";
      byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
      DynamodbEvent runtimeEvent = null;
      try {
        runtimeEvent = LambdaRuntime.read(DynamodbEvent.class, bytes);
      } catch (RuntimeException e) {
        // The runtime refuses the event: Laconic's event reader must too, below.
      }
      try {
        StreamEventJson.read(new ByteArrayInputStream(bytes)).getRecords().get(0).getDynamodb()
            .getNewImage();
      } catch (MalformedEventException e) {
        refusedByTheEventReader++;
        continue;
      }
      assertTrue(runtimeEvent != null, "the runtime refuses what Laconic reads: " + value);

      Map<String, AttributeValue> image = null;
      RuntimeException untransformable = null;
      try {
        image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
            runtimeEvent.getRecords().get(0).getDynamodb().getNewImage());
      } catch (RuntimeException e) {
        untransformable = e;
      }
      for (Case test : CASES) {
        Object expected = null;
        Throwable chainFailure = untransformable;
        if (image != null) {
          try {
            expected = test.converter().transformTo(image.get("v"));
          } catch (RuntimeException e) {
            chainFailure = e;
          }
        }
        if (test.primitive() && chainFailure == null && expected == null) {
          expected = null;
          chainFailure = new NullPointerException("a primitive cannot hold NULL");
        }
        Object actual = null;
        MappingException failure = null;
        try {
          actual = read(test.reader(), value);
        } catch (MappingException e) {
          failure = e;
        }
        if (chainFailure != null && failure != null) {
          if (!failure.path().startsWith("v") || !failure.getMessage().startsWith(failure.path())) {
            fail(test.name() + " of " + value + ": the failure names " + failure.path());
          }
          bothFailed++;
          continue;
        }
        String what = test.name() + " of " + value;
        if (chainFailure != null) {
          fail(what + ": the chain fails with " + chainFailure + ", the reader gives "
              + canonical(actual));
        } else if (failure != null) {
          fail(what + ": the chain gives " + canonical(expected) + ", the reader fails with "
              + failure.getMessage(), failure);
        } else {
          assertEquals(canonical(expected), canonical(actual), what);
          compared++;
        }
      }
    }
    // The random values reach every outcome often: no silent skipping of whole shapes.
    assertTrue(compared > VALUES * 3, "compared " + compared);
    assertTrue(bothFailed > VALUES * 3, "both failed " + bothFailed);
    assertTrue(refusedByTheEventReader < VALUES / 4, "refused " + refusedByTheEventReader);
  }

  /**
   * {@code value} read by {@code reader} from inside a larger document, checking that the reader
   * leaves the parser on the value's last token.
   */
  static Object read(AttributeJsonReader<?> reader, String value) throws IOException {
    byte[] bytes = ("[" + value + ", 7]").getBytes(StandardCharsets.UTF_8);
    try (JsonParser parser = JSON.parser(bytes)) {
      parser.nextToken();
      parser.nextToken();
      Object read = reader.read(parser, AttributePath.root("v"));
      JsonToken last = parser.currentToken();
      assertTrue(last == JsonToken.END_OBJECT || last == JsonToken.VALUE_NULL, "ends on " + last);
      assertEquals(JsonToken.VALUE_NUMBER_INT, parser.nextToken(), "the reader left " + value);
      assertEquals(7, parser.getIntValue());
      return read;
    }
  }

  /**
   * A value as comparable text: collections with their class and order, arrays and buffers by
   * content (buffers with their read-only flag), numbers with their class.
   */
  static String canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof byte[] bytes) {
      return "byte[]" + Base64.getEncoder().encodeToString(bytes);
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return "ByteBuffer(" + (buffer.isReadOnly() ? "read-only " : "")
          + Base64.getEncoder().encodeToString(bytes) + ")";
    }
    if (value instanceof Collection<?> collection) {
      List<String> elements = new ArrayList<>();
      for (Object element : collection) {
        elements.add(canonical(element));
      }
      return value.getClass().getSimpleName() + elements;
    }
    if (value instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        entries.add(entry.getKey() + "=" + canonical(entry.getValue()));
      }
      return value.getClass().getSimpleName() + entries;
    }
    return value.getClass().getSimpleName() + "(" + value + ")";
  }

  /** Random attribute values as JSON text, of every shape the event reader lets through and more. */
  static final class Values {

    private static final String[] NUMBERS = {
        "0", "1", "-1", "3", "3.0", "3.5", "-0", "+1", "007", "1e3", "1E3", "1e-3", "127", "128",
        "-128", "-129", "255", "32767", "32768", "-32769", "2147483647", "2147483648",
        "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "1e400", "-1e400", "1e-400", "3.4028235e38", "3.5e38", "1.4e-45", "1e-50", "NaN",
        "Infinity", "-Infinity", "0x10", "0x1p3", " 1", "1 ", "1d", "1f", "", "1_000", "١٢",
        "12345678901234567890123456789012345678", "9.9999999999999999999999999999999999999E+125",
        "1E-130", "0.1", ".5", "5.", "-.5e-5", "1.50", "100E-2", "0.000", "true"};

    private static final String[] TEXTS = {
        "", "a", "true", "false", "TRUE", "True", "0", "1", "yes", " true",
        "f47ac10b-58cc-4372-a567-0e02b2c3d479", "F47AC10B-58CC-4372-A567-0E02B2C3D479",
        "1-2-3-4-5", "00000000-0000-0000-0000-00000000000g", "f47ac10b58cc4372a5670e02b2c3d479",
        "2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123456789Z", "2024-05-01T12:00:00+01:00",
        "2016-12-31T23:59:60Z", "2024-05-01T24:00:00Z", "+10000-01-01T00:00:00Z",
        "-1000000000-01-01T00:00:00Z", "2024-05-01", "1714564800", "2024-05-01t12:00:00z",
        "1969-12-31T23:59:59.999999999Z", "RED", "GREEN", "BLUE", "red", "RED ", "PT1H", "P1D",
        "PT-0.5S", "2024-02-29", "2023-02-29", "A", "AB", "AAEC", "/w==", "😀"};

    private static final String[] TAGS = {"S", "N", "B", "SS", "NS", "BS", "BOOL", "NULL", "L", "M"};

    private final Fuzz fuzz;

    Values(Fuzz fuzz) {
      this.fuzz = fuzz;
    }

    /** One attribute value; at the top, sometimes several types or none. */
    String value(int depth, boolean top) {
      int roll = fuzz.between(0, 99);
      if (roll < 3) {
        return "null";
      }
      if (roll < 5) {
        return fuzz.pick("{}", "{\"X\": 1}", "{\"S\": null}", "{\"SS\": null, \"N\": null}");
      }
      if (roll < 15) {
        StringBuilder several = new StringBuilder("{");
        int fields = fuzz.between(2, 3);
        for (int i = 0; i < fields; i++) {
          if (i > 0) {
            several.append(", ");
          }
          String tag = fuzz.pick(TAGS);
          several.append('"').append(tag).append("\": ").append(field(tag, depth));
        }
        return several.append('}').toString();
      }
      // Mostly the types a reader of these cases reads.
      String tag = top && roll < 40 ? fuzz.pick("S", "N") : fuzz.pick(TAGS);
      return "{\"" + tag + "\": " + field(tag, depth) + "}";
    }

    private String field(String tag, int depth) {
      return switch (tag) {
        case "S" -> scalar(text());
        case "N" -> scalar(number());
        case "B" -> quote(base64());
        case "SS" -> array(() -> scalar(text()));
        case "NS" -> array(() -> scalar(number()));
        case "BS" -> array(() -> quote(base64()));
        case "BOOL" -> fuzz.chance(3) ? "null" : fuzz.pick("true", "false");
        case "NULL" -> fuzz.chance(3) ? "null" : fuzz.chance(85) ? "true" : "false";
        case "L" -> depth > 2 ? "[]" : array(() -> value(depth + 1, false));
        case "M" -> depth > 2 ? "{}" : map(depth);
        default -> throw new IllegalArgumentException(tag);
      };
    }

    private String text() {
      return fuzz.chance(70) ? fuzz.pick(TEXTS) : fuzz.chance(50) ? fuzz.pick(NUMBERS) : fuzz.text();
    }

    private String number() {
      if (fuzz.chance(75)) {
        return fuzz.pick(NUMBERS);
      }
      return switch (fuzz.between(0, 3)) {
        case 0 -> Integer.toString(fuzz.between(-200, 200));
        case 1 -> Long.toString(fuzz.nextLong());
        case 2 -> Double.toString(fuzz.nextDouble() * fuzz.between(-1000, 1000));
        default -> fuzz.between(0, 99) + "." + fuzz.between(0, 999) + "e" + fuzz.between(-60, 60);
      };
    }

    private String base64() {
      if (fuzz.chance(3)) {
        return fuzz.pick("!!!", "AAE", "AA==AA", "A");
      }
      return Fuzz.base64(fuzz.bytes());
    }

    /** A text as a JSON string; now and then a number or boolean token, which S and N also take. */
    private String scalar(String text) {
      if (fuzz.chance(3)) {
        return "null";
      }
      if (fuzz.chance(8) && text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
        return text;
      }
      if (fuzz.chance(2)) {
        return fuzz.pick("true", "false", "1.50", "-0", "1e400");
      }
      return quote(text);
    }

    private String array(java.util.function.Supplier<String> element) {
      int size = fuzz.chance(15) ? 0 : fuzz.between(1, 4);
      StringBuilder array = new StringBuilder("[");
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          array.append(", ");
        }
        array.append(fuzz.chance(4) ? "null" : element.get());
        if (fuzz.chance(10) && i > 0) {
          array.append(", ").append(element.get()); // duplicates, for sets
        }
      }
      return array.append(']').toString();
    }

    private String map(int depth) {
      int size = fuzz.chance(15) ? 0 : fuzz.between(1, 6);
      StringBuilder map = new StringBuilder("{");
      for (int i = 0; i < size; i++) {
        if (i > 0) {
          map.append(", ");
        }
        String key = fuzz.chance(50) ? "k" + fuzz.between(0, 20) : fuzz.pick(TEXTS);
        map.append(quote(key)).append(": ")
            .append(fuzz.chance(3) ? "null" : value(depth + 1, false));
      }
      return map.append('}').toString();
    }

    private static String quote(String text) {
      return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
  }
}
