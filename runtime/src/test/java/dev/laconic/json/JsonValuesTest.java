package dev.laconic.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every JSON value reader on its own values, JSON null, values of the wrong type and out of
 * range, with the exact messages; collections and whole documents.
 */
class JsonValuesTest {

  static final AttributePath X = AttributePath.root("x");
  static final JsonFactory JSON = new JsonFactory();

  /** Reads {@code json} as one value with {@code reader}, checking it stops on the value's end. */
  static <T> T read(String json, JsonReader<T> reader) {
    return JsonValues.read(json, X, reader);
  }

  static String failure(String json, JsonReader<?> reader) {
    return assertThrows(MappingException.class, () -> read(json, reader), json).getMessage();
  }

  @Nested
  class Strings {
    @Test
    void stringsAndNull() {
      assertEquals("héllo \"😀\"\n", read("\"héllo \\\"😀\\\"\\n\"", JsonValues::readString));
      assertEquals("", read("\"\"", JsonValues::readString));
      assertNull(read("null", JsonValues::readString));
    }

    @Test
    void otherValuesAreNoStrings() {
      assertEquals("x: expected a string (String), found number 12",
          failure("12", JsonValues::readString));
      assertEquals("x: expected a string (String), found true",
          failure("true", JsonValues::readString));
      assertEquals("x: expected a string (String), found an object",
          failure("{\"a\": 1}", JsonValues::readString));
      assertEquals("x: expected a string (String), found an array",
          failure("[\"a\"]", JsonValues::readString));
    }
  }

  @Nested
  class Booleans {
    @Test
    void trueFalseAndNull() {
      assertEquals(true, read("true", JsonValues::readBoolean));
      assertEquals(false, read("false", JsonValues::readBoolean));
      assertNull(read("null", JsonValues::readBoolean));
      assertTrue(read("true", JsonValues::requireBoolean));
    }

    @Test
    void nullIsNoPrimitiveAndTextIsNoBoolean() {
      assertEquals("x: expected true or false (boolean), found null",
          failure("null", JsonValues::requireBoolean));
      assertEquals("x: expected true or false (Boolean), found string \"true\"",
          failure("\"true\"", JsonValues::readBoolean));
      assertEquals("x: expected true or false (boolean), found number 1",
          failure("1", JsonValues::requireBoolean));
    }
  }

  @Nested
  class Binary {
    @Test
    void base64() {
      assertArrayEquals(new byte[] {0, 1, 42, 65}, read("\"AAEqQQ==\"", JsonValues::readBytes));
      assertArrayEquals(new byte[0], read("\"\"", JsonValues::readBytes));
      assertNull(read("null", JsonValues::readBytes));
      ByteBuffer buffer = read("\"AAEqQQ==\"", JsonValues::readByteBuffer);
      assertEquals(ByteBuffer.wrap(new byte[] {0, 1, 42, 65}), buffer);
      assertThrows(ReadOnlyBufferException.class, () -> buffer.put(0, (byte) 1));
      assertNull(read("null", JsonValues::readByteBuffer));
    }

    @Test
    void notBase64() {
      assertEquals("x: expected base64 text (byte[]), found string \"base64Str\"",
          failure("\"base64Str\"", JsonValues::readBytes));
      assertEquals("x: expected base64 text (ByteBuffer), found string \"AA\"",
          failure("\"AA\"", JsonValues::readByteBuffer));
      assertEquals("x: expected base64 text (byte[]), found an array",
          failure("[0, 1]", JsonValues::readBytes));
    }
  }

  @Nested
  class Uuids {
    @Test
    void canonicalOnly() {
      UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
      assertEquals(uuid, read("\"123e4567-e89b-12d3-a456-426614174000\"", JsonValues::readUuid));
      assertNull(read("null", JsonValues::readUuid));
      assertEquals("x: expected a string holding a UUID, found string \"1-2-3-4-5\"",
          failure("\"1-2-3-4-5\"", JsonValues::readUuid));
      assertEquals(uuid, read("\"123E4567-E89B-12D3-A456-426614174000\"", JsonValues::readUuid));
      assertEquals("x: expected a string holding a UUID, found string"
          + " \"123e4567e89b12d3a456426614174000\"",
          failure("\"123e4567e89b12d3a456426614174000\"", JsonValues::readUuid));
      assertEquals("x: expected a string (UUID), found number 5",
          failure("5", JsonValues::readUuid));
    }
  }

  @Nested
  class Instants {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"2024-05-01T12:00:00Z\"        | 2024-05-01T12:00:00Z",
        "\"2024-05-01T14:00:00.5+02:00\" | 2024-05-01T12:00:00.500Z",
        "1714564800                      | 2024-05-01T12:00:00Z",
        "1714564800.123456789            | 2024-05-01T12:00:00.123456789Z",
        "1714564800.1234567899           | 2024-05-01T12:00:00.123456789Z",
        "1.7145648E9                     | 2024-05-01T12:00:00Z",
        "-1.5                            | 1969-12-31T23:59:58.500Z",
        "0                               | 1970-01-01T00:00:00Z"})
    void isoStringsAndEpochSeconds(String json, String expected) {
      assertEquals(Instant.parse(expected), read(json, JsonValues::readInstant));
    }

    @Test
    void otherValues() {
      assertNull(read("null", JsonValues::readInstant));
      assertEquals("x: expected a string holding an ISO-8601 instant, found string"
          + " \"yesterday\"", failure("\"yesterday\"", JsonValues::readInstant));
      assertEquals("x: expected a number of epoch seconds within Instant's range, found number"
          + " 1e300", failure("1e300", JsonValues::readInstant));
      assertEquals("x: expected an ISO-8601 string or a number of epoch seconds (Instant), found"
          + " true", failure("true", JsonValues::readInstant));
    }
  }

  @Nested
  class Enums {
    @Test
    void namesAndUnknownNames() {
      assertEquals("SHIPPED", read("\"SHIPPED\"", (p, path) ->
          JsonValues.readEnumName(p, path, "Status")));
      assertNull(read("null", (p, path) -> JsonValues.readEnumName(p, path, "Status")));
      assertEquals("x: expected a string (Status), found number 1",
          failure("1", (p, path) -> JsonValues.readEnumName(p, path, "Status")));
      assertEquals("x: expected a string naming a constant of Status (NEW, SHIPPED), found"
          + " string \"LOST\"",
          JsonValues.unknownConstant(X, "Status", "NEW, SHIPPED", "LOST").getMessage());
    }
  }

  @Nested
  class WholeNumbers {
    @ParameterizedTest
    @ValueSource(strings = {"3", "3.0", "3e0", "0.3e1", "300e-2"})
    void wholeNumbersInAnyNotation(String json) {
      assertEquals(3, read(json, JsonValues::requireInt));
      assertEquals(3, read(json, JsonValues::readInteger));
      assertEquals(3L, read(json, JsonValues::requireLong));
      assertEquals((short) 3, read(json, JsonValues::requireShort));
      assertEquals((byte) 3, read(json, JsonValues::requireByte));
      assertEquals(BigInteger.valueOf(3), read(json, JsonValues::readBigInteger));
    }

    @Test
    void limitsOfEachType() {
      assertEquals(Integer.MAX_VALUE, read("2147483647", JsonValues::requireInt));
      assertEquals(Integer.MIN_VALUE, read("-2147483648", JsonValues::requireInt));
      assertEquals(Long.MAX_VALUE, read("9223372036854775807", JsonValues::requireLong));
      assertEquals(Long.MIN_VALUE, read("-9223372036854775808", JsonValues::requireLong));
      assertEquals(Short.MIN_VALUE, read("-32768", JsonValues::requireShort));
      assertEquals(Byte.MAX_VALUE, read("127", JsonValues::requireByte));
      assertEquals("x: expected a whole number in the range of int, found number 2147483648",
          failure("2147483648", JsonValues::requireInt));
      assertEquals("x: expected a whole number in the range of Long, found number"
          + " 9223372036854775808", failure("9223372036854775808", JsonValues::readLong));
      assertEquals("x: expected a whole number in the range of short, found number 32768",
          failure("32768", JsonValues::requireShort));
      assertEquals("x: expected a whole number in the range of Byte, found number -129",
          failure("-129", JsonValues::readByte));
      assertEquals("x: expected a whole number in the range of int, found number 3.5",
          failure("3.5", JsonValues::requireInt));
      assertEquals("x: expected a whole number in the range of long, found number 1e19",
          failure("1e19", JsonValues::requireLong));
    }

    @Test
    void nullsAndOtherValues() {
      assertNull(read("null", JsonValues::readInteger));
      assertNull(read("null", JsonValues::readLong));
      assertNull(read("null", JsonValues::readShort));
      assertNull(read("null", JsonValues::readByte));
      assertNull(read("null", JsonValues::readBigInteger));
      assertEquals("x: expected a number (int), found null", failure("null",
          JsonValues::requireInt));
      assertEquals("x: expected a number (long), found string \"3\"",
          failure("\"3\"", JsonValues::requireLong));
      assertEquals("x: expected a number (Short), found an array",
          failure("[3]", JsonValues::readShort));
    }

    @Test
    void bigIntegers() {
      String big = "123456789012345678901234567890";
      assertEquals(new BigInteger(big), read(big, JsonValues::readBigInteger));
      assertEquals(BigInteger.TEN.pow(30), read("1e30", JsonValues::readBigInteger));
      assertEquals("x: expected a whole number of at most 1000 digits (BigInteger), found number"
          + " 1.5", failure("1.5", JsonValues::readBigInteger));
      // A short exponent must not ask for a billion digits.
      assertEquals("x: expected a whole number of at most 1000 digits (BigInteger), found number"
          + " 1e999999999", failure("1e999999999", JsonValues::readBigInteger));
    }
  }

  @Nested
  class Fractions {
    @Test
    void bigDecimalsKeepTheirText() {
      assertEquals(new BigDecimal("0.1000"), read("0.1000", JsonValues::readBigDecimal));
      assertEquals(new BigDecimal("1E+400"), read("1e400", JsonValues::readBigDecimal));
      assertEquals(new BigDecimal("-7"), read("-7", JsonValues::readBigDecimal));
      assertNull(read("null", JsonValues::readBigDecimal));
      assertEquals("x: expected a number (BigDecimal), found string \"0.1\"",
          failure("\"0.1\"", JsonValues::readBigDecimal));
    }

    @Test
    void doublesAndFloatsAreTheNearestAndWithinRange() {
      assertEquals(0.1, read("0.1", JsonValues::requireDouble));
      assertEquals(1.0E300, read("1e300", JsonValues::readDouble));
      assertEquals(9007199254740993.0, read("9007199254740993", JsonValues::requireDouble));
      assertEquals(-0.0, read("-0.0", JsonValues::requireDouble));
      assertEquals(0.1f, read("0.1", JsonValues::requireFloat));
      // Through double, 1.00000005960464477550 would round up, then down again: read directly.
      assertEquals(Float.parseFloat("1.00000005960464477550"),
          read("1.00000005960464477550", JsonValues::readFloat));
      assertEquals(16777216f, read("16777217", JsonValues::requireFloat));
      assertNull(read("null", JsonValues::readDouble));
      assertNull(read("null", JsonValues::readFloat));
      assertEquals("x: expected a number within the range of double, found number 1e400",
          failure("1e400", JsonValues::requireDouble));
      assertEquals("x: expected a number within the range of Double, found number 1e-400",
          failure("1e-400", JsonValues::readDouble));
      assertEquals("x: expected a number within the range of float, found number 1e39",
          failure("1e39", JsonValues::requireFloat));
      assertEquals("x: expected a number within the range of Float, found number 1e-50",
          failure("1e-50", JsonValues::readFloat));
      assertEquals("x: expected a number (double), found null",
          failure("null", JsonValues::requireDouble));
      assertEquals("x: expected a number (float), found string \"1.5\"",
          failure("\"1.5\"", JsonValues::requireFloat));
    }

    @Test
    void notANumberWhereTheParserAllowsIt() throws IOException {
      JsonFactory relaxed = JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
      try (JsonParser parser = relaxed.createParser("[NaN, -Infinity, NaN]")) {
        parser.nextToken();
        parser.nextToken();
        assertTrue(Double.isNaN(JsonValues.requireDouble(parser, X)));
        parser.nextToken();
        assertEquals(Float.NEGATIVE_INFINITY, JsonValues.requireFloat(parser, X));
        parser.nextToken();
        assertEquals("x: expected a number (int), found number NaN",
            assertThrows(MappingException.class, () -> JsonValues.requireInt(parser, X))
                .getMessage());
      }
    }
  }

  @Nested
  class Collections {
    @Test
    void listsSetsAndMapsInOrder() {
      assertEquals(List.of(1, 2, 2), read("[1, 2, 2]",
          (p, path) -> JsonValues.readList(p, path, JsonValues::readInteger)));
      assertEquals(List.of(1, 2), List.copyOf(read("[1, 2, 2, 1]",
          (p, path) -> JsonValues.readSet(p, path, JsonValues::readInteger))));
      Map<String, String> map = read("{\"b\": \"1\", \"a\": null, \"b\": \"2\"}",
          (p, path) -> JsonValues.readMap(p, path, JsonValues::readString));
      assertEquals("{b=2, a=null}", map.toString());
      assertEquals(List.of(List.of("a"), List.of()), read("[[\"a\"], []]",
          (p, path) -> JsonValues.readList(p, path,
              (p2, path2) -> JsonValues.readList(p2, path2, JsonValues::readString))));
      assertNull(read("null", (p, path) -> JsonValues.readList(p, path, JsonValues::readString)));
      assertNull(read("null", (p, path) -> JsonValues.readSet(p, path, JsonValues::readString)));
      assertNull(read("null", (p, path) -> JsonValues.readMap(p, path, JsonValues::readString)));
      Set<String> set = read("[\"a\"]",
          (p, path) -> JsonValues.readSet(p, path, JsonValues::readString));
      assertThrows(UnsupportedOperationException.class, () -> set.add("b"));
    }

    @Test
    void failuresNameTheElement() {
      assertEquals("x[2]: expected a number (int), found string \"three\"", failure(
          "[1, 2, \"three\"]", (p, path) -> JsonValues.readList(p, path, JsonValues::requireInt)));
      assertEquals("x.b: expected a string (String), found number 2", failure(
          "{\"a\": \"1\", \"b\": 2}", (p, path) -> JsonValues.readMap(p, path,
              JsonValues::readString)));
      assertEquals("x[\"odd.key\"][0]: expected true or false (boolean), found null", failure(
          "{\"odd.key\": [null]}", (p, path) -> JsonValues.readMap(p, path,
              (p2, path2) -> JsonValues.readList(p2, path2, JsonValues::requireBoolean))));
      assertEquals("x: expected an array (List), found an object", failure("{}",
          (p, path) -> JsonValues.readList(p, path, JsonValues::readString)));
      assertEquals("x: expected an array (Set), found string \"a\"", failure("\"a\"",
          (p, path) -> JsonValues.readSet(p, path, JsonValues::readString)));
      assertEquals("x: expected an object (Map), found an array", failure("[]",
          (p, path) -> JsonValues.readMap(p, path, JsonValues::readString)));
    }
  }

  @Nested
  class Documents {
    @Test
    void stringsBytesAndBuffers() {
      byte[] bytes = "xx[1, 2]yy".getBytes(StandardCharsets.UTF_8);
      JsonReader<List<Integer>> ints = (p, path) -> JsonValues.readList(p, path,
          JsonValues::readInteger);
      ByteBuffer slice = ByteBuffer.wrap(bytes, 2, 6);
      assertEquals(List.of(1, 2), JsonValues.read(slice, X, ints));
      assertEquals(2, slice.position(), "the buffer is left as it was");
      assertEquals(List.of(1, 2), JsonValues.read(
          ByteBuffer.wrap(bytes, 2, 6).slice().asReadOnlyBuffer(), X, ints));
      assertEquals(List.of(1, 2), JsonValues.read(" [1, 2] \n".getBytes(StandardCharsets.UTF_8),
          X, ints));
      assertEquals(List.of(1, 2),
          JsonValues.read("[1, 2]".getBytes(StandardCharsets.UTF_16BE), X, ints));
      assertNull(JsonValues.read((String) null, X, ints));
      assertNull(JsonValues.read((ByteBuffer) null, X, ints));
      assertNull(JsonValues.read((byte[]) null, X, ints));
    }

    @Test
    void textThatIsNotOneJsonValueFails() {
      assertEquals("x: expected a JSON value, found no text", failure(" ",
          JsonValues::readString));
      assertEquals("x: expected one JSON value, found more after it (line 1, column 5)",
          failure("\"a\" \"b\"", JsonValues::readString));
      JsonReader<Map<String, Integer>> map =
          (p, path) -> JsonValues.readMap(p, path, JsonValues::readInteger);
      String invalid = failure("{\"a\": tru}", map);
      assertTrue(invalid.startsWith("x: not valid JSON (line 1, column 7): Unrecognized token"
          + " 'tru'"), invalid);
      // Standard JSON: the Lambda runtime's relaxed syntax is for events, not for bodies.
      assertTrue(failure("{'a': 1}", map).startsWith("x: not valid JSON"));
      assertTrue(failure("{\"a\": 1,", map).startsWith("x: not valid JSON"));
    }

    @Test
    void objectsStartOrAreNullAndMissingFieldsAreNamed() throws IOException {
      try (JsonParser parser = JSON.createParser("[{}, null, 3]")) {
        parser.nextToken();
        parser.nextToken();
        assertTrue(JsonValues.startObject(parser, X, "Order"));
        parser.nextToken();
        parser.nextToken();
        assertFalse(JsonValues.startObject(parser, X, "Order"));
        parser.nextToken();
        assertEquals("x: expected an object (Order), found number 3",
            assertThrows(MappingException.class,
                () -> JsonValues.startObject(parser, X, "Order")).getMessage());
      }
      assertEquals("order.qty: expected a value (int), found no field",
          JsonValues.missing(AttributePath.root("order").child("qty"), "int").getMessage());
    }

    @Test
    void aReaderThatThrowsIOExceptionIsNotSwallowed() {
      assertThrows(UncheckedIOException.class, () -> read("1", (p, path) -> {
        throw new IOException("disk");
      }));
    }
  }
}
