package dev.laconic.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import dev.laconic.stream.ValueRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The JSON value readers that generated readers of the user's own types call, for an SQS message
 * body or a Kinesis record's data holding JSON: one per supported Java type, the counterpart of
 * the DynamoDB attribute readers in {@code dev.laconic.stream.Attributes}, with the same rules.
 *
 * <p>Each reader takes the parser's current token as the value, and leaves the parser on the
 * value's last token. {@code read…} methods return {@code null} for the JSON {@code null};
 * {@code require…} methods, for primitives, fail on it; a field that is absent is never read, so
 * a generated reader reports a missing primitive with {@link #missing}. A value of any other JSON
 * type than the one expected is a {@link MappingException} naming the path, the expected and the
 * found value, such as {@code order.qty: expected a number (int), found string "two"}.
 *
 * <ul>
 *   <li>Numbers must be JSON numbers (a string holding digits is a mismatch, as an S is for an
 *       N attribute) and are read exactly: an {@code int} takes {@code 3} and {@code 3.0} but not
 *       {@code 3.5} or a value out of range, a {@code double} or {@code float} fails rather than
 *       round to infinity or to zero, {@code BigDecimal} never goes through {@code double}.
 *   <li>{@code byte[]} and {@code ByteBuffer} take base64 text, as AWS writes binary in JSON.
 *   <li>{@code Instant} takes an ISO-8601 string ({@code 2024-05-01T12:00:00Z}, or with an
 *       offset) or a number of epoch seconds, fractions kept to the nanosecond: the same two
 *       forms {@code Attributes.readInstant} takes from S and N, so one record type reads alike
 *       from DynamoDB and from JSON. Epoch milliseconds, as JavaScript writes them, are not
 *       guessed at: they read as seconds, far in the future.
 *   <li>{@code UUID} takes its canonical 8-4-4-4-12 form only; an enum takes its constant's name.
 * </ul>
 */
public final class JsonValues {

  /** Standard JSON: a message body is the sender's JSON, not the Lambda runtime's relaxed kind. */
  private static final JsonFactory JSON = new JsonFactory();

  /**
   * An exponent can ask for more digits than any whole number needs: {@code 1e999999999} is short
   * text. Jackson caps a number's text at 1000 characters, so its digits are capped alike.
   */
  private static final int MAX_WHOLE_DIGITS = 1000;

  private JsonValues() {}

  // ---- documents -----------------------------------------------------------------------------

  /**
   * The JSON document {@code json} read with {@code reader}, such as an SQS message body; null
   * for null text. Anything after the value, other than whitespace, fails.
   *
   * @param root names the document in messages, such as {@code AttributePath.root("order")}
   * @throws MappingException when the text is not JSON or does not fit the type
   */
  public static <T> T read(String json, AttributePath root, JsonReader<T> reader) {
    return json == null ? null : read(json.getBytes(StandardCharsets.UTF_8), root, reader);
  }

  /** The JSON document in the remaining bytes of {@code json}, such as a Kinesis record's data. */
  public static <T> T read(ByteBuffer json, AttributePath root, JsonReader<T> reader) {
    if (json == null) {
      return null;
    }
    if (json.hasArray()) {
      return read(json.array(), json.arrayOffset() + json.position(), json.remaining(), root,
          reader);
    }
    byte[] bytes = new byte[json.remaining()];
    json.duplicate().get(bytes);
    return read(bytes, root, reader);
  }

  /** The JSON document {@code json}, in UTF-8 (or UTF-16 or UTF-32, which Jackson detects). */
  public static <T> T read(byte[] json, AttributePath root, JsonReader<T> reader) {
    return json == null ? null : read(json, 0, json.length, root, reader);
  }

  private static <T> T read(byte[] json, int offset, int length, AttributePath root,
      JsonReader<T> reader) {
    try (JsonParser parser = JSON.createParser(json, offset, length)) {
      if (parser.nextToken() == null) {
        throw new MappingException(root, "expected a JSON value, found no text");
      }
      T value = reader.read(parser, root);
      if (parser.nextToken() != null) {
        throw new MappingException(root, "expected one JSON value, found more after it"
            + at(parser.currentTokenLocation()));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new MappingException(root, "not valid JSON" + at(e.getLocation()) + ": "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array: not expected
    }
  }

  private static String at(JsonLocation location) {
    return location == null ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /**
   * Whether the current value is an object to read field by field (true), or {@code null}
   * (false): what a generated reader of a record or class {@code javaType} starts with.
   */
  public static boolean startObject(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      return false;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(parser, path, "an object (" + javaType + ")");
    }
    return true;
  }

  /** The failure for a required field that the object does not have. */
  public static MappingException missing(AttributePath path, String javaType) {
    return new MappingException(path, "expected a value (" + javaType + "), found no field");
  }

  // ---- strings, booleans, binary -------------------------------------------------------------

  /** A string as {@code String}. */
  public static String readString(JsonParser parser, AttributePath path) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(parser, path, "a string (String)");
    }
    return parser.getText();
  }

  /** {@code true} or {@code false} as {@code Boolean}. */
  public static Boolean readBoolean(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : requireBoolean(parser, path, "Boolean");
  }

  /** {@code true} or {@code false} as {@code boolean}; null fails. */
  public static boolean requireBoolean(JsonParser parser, AttributePath path)
      throws IOException {
    return requireBoolean(parser, path, "boolean");
  }

  private static boolean requireBoolean(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
      throw mismatch(parser, path, "true or false (" + javaType + ")");
    }
    return token == JsonToken.VALUE_TRUE;
  }

  /** Base64 text as a fresh {@code byte[]}. */
  public static byte[] readBytes(JsonParser parser, AttributePath path) throws IOException {
    return binary(parser, path, "byte[]");
  }

  /**
   * Base64 text as a read-only {@code ByteBuffer}, like {@code Attributes.readByteBuffer}, so a
   * type behaves alike whichever source it is read from.
   */
  public static ByteBuffer readByteBuffer(JsonParser parser, AttributePath path)
      throws IOException {
    byte[] bytes = binary(parser, path, "ByteBuffer");
    return bytes == null ? null : ByteBuffer.wrap(bytes).asReadOnlyBuffer();
  }

  private static byte[] binary(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(parser, path, "base64 text (" + javaType + ")");
    }
    // Decoded from the whole text, not while reading it: the parser stays on the value, so a
    // failure can quote it.
    String text = parser.getText();
    try {
      return Base64Variants.getDefaultVariant().decode(text);
    } catch (IllegalArgumentException e) {
      throw mismatch(parser, path, "base64 text (" + javaType + ")");
    }
  }

  /** A string holding a UUID in its canonical form as {@code UUID}. */
  public static UUID readUuid(JsonParser parser, AttributePath path) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(parser, path, "a string (UUID)");
    }
    String text = parser.getText();
    try {
      if (ValueRules.isCanonicalUuid(text)) {
        return UUID.fromString(text);
      }
    } catch (IllegalArgumentException e) {
      // falls through to the failure
    }
    throw mismatch(parser, path, "a string holding a UUID");
  }

  /**
   * An ISO-8601 string or a number of epoch seconds (fractions allowed) as {@code Instant}.
   */
  public static Instant readInstant(JsonParser parser, AttributePath path) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    JsonToken token = parser.currentToken();
    try {
      if (token == JsonToken.VALUE_STRING) {
        return Instant.parse(parser.getText());
      }
      if (token.isNumeric()) {
        return ValueRules.epochSeconds(parser.getDecimalValue());
      }
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw mismatch(parser, path, token == JsonToken.VALUE_STRING
          ? "a string holding an ISO-8601 instant"
          : "a number of epoch seconds within Instant's range");
    }
    throw mismatch(parser, path, "an ISO-8601 string or a number of epoch seconds (Instant)");
  }

  /**
   * A string as the name of an enum constant: the generated reader switches on the name and
   * calls {@link #unknownConstant} for a name it does not know.
   */
  public static String readEnumName(JsonParser parser, AttributePath path, String enumType)
      throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw mismatch(parser, path, "a string (" + enumType + ")");
    }
    return parser.getText();
  }

  /** The failure for an enum name that is not one of {@code constants}. */
  public static MappingException unknownConstant(
      AttributePath path, String enumType, String constants, String name) {
    return new MappingException(path, "expected a string naming a constant of " + enumType
        + " (" + constants + "), found string " + ValueRules.quote(name));
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** A number as {@code BigDecimal}, exactly as written. */
  public static BigDecimal readBigDecimal(JsonParser parser, AttributePath path)
      throws IOException {
    return isNull(parser) ? null : decimal(parser, path, "BigDecimal");
  }

  /** A whole number as {@code BigInteger}; a fraction fails. */
  public static BigInteger readBigInteger(JsonParser parser, AttributePath path)
      throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      return parser.getBigIntegerValue();
    }
    BigDecimal decimal = decimal(parser, path, "BigInteger");
    try {
      if (decimal.precision() - decimal.scale() > MAX_WHOLE_DIGITS) {
        throw new ArithmeticException("too many digits");
      }
      return decimal.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw mismatch(parser, path, "a whole number of at most " + MAX_WHOLE_DIGITS
          + " digits (BigInteger)");
    }
  }

  /** A number as {@code Integer}. */
  public static Integer readInteger(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : toInt(parser, path, "Integer");
  }

  /** A number as {@code int}; null fails. */
  public static int requireInt(JsonParser parser, AttributePath path) throws IOException {
    return toInt(parser, path, "int");
  }

  /** A number as {@code Long}. */
  public static Long readLong(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : toLong(parser, path, "Long");
  }

  /** A number as {@code long}; null fails. */
  public static long requireLong(JsonParser parser, AttributePath path) throws IOException {
    return toLong(parser, path, "long");
  }

  /** A number as {@code Short}. */
  public static Short readShort(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : toShort(parser, path, "Short");
  }

  /** A number as {@code short}; null fails. */
  public static short requireShort(JsonParser parser, AttributePath path) throws IOException {
    return toShort(parser, path, "short");
  }

  /** A number as {@code Byte}. */
  public static Byte readByte(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : toByte(parser, path, "Byte");
  }

  /** A number as {@code byte}; null fails. */
  public static byte requireByte(JsonParser parser, AttributePath path) throws IOException {
    return toByte(parser, path, "byte");
  }

  /** A number as {@code Double}: the nearest double. */
  public static Double readDouble(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : toDouble(parser, path, "Double");
  }

  /** A number as {@code double}; null fails. */
  public static double requireDouble(JsonParser parser, AttributePath path) throws IOException {
    return toDouble(parser, path, "double");
  }

  /** A number as {@code Float}: the nearest float. */
  public static Float readFloat(JsonParser parser, AttributePath path) throws IOException {
    return isNull(parser) ? null : toFloat(parser, path, "Float");
  }

  /** A number as {@code float}; null fails. */
  public static float requireFloat(JsonParser parser, AttributePath path) throws IOException {
    return toFloat(parser, path, "float");
  }

  /** The number exactly; a non-number (or NaN, where a parser allows it) fails. */
  private static BigDecimal decimal(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (!parser.currentToken().isNumeric()) {
      throw mismatch(parser, path, "a number (" + javaType + ")");
    }
    try {
      return parser.getDecimalValue();
    } catch (NumberFormatException e) {
      throw mismatch(parser, path, "a number (" + javaType + ")");
    }
  }

  private static int toInt(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() == JsonParser.NumberType.INT) {
      return parser.getIntValue();
    }
    try {
      return decimal(parser, path, javaType).intValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(parser, path, javaType);
    }
  }

  private static long toLong(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT
        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      return parser.getLongValue();
    }
    try {
      return decimal(parser, path, javaType).longValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(parser, path, javaType);
    }
  }

  private static short toShort(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    try {
      return decimal(parser, path, javaType).shortValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(parser, path, javaType);
    }
  }

  private static byte toByte(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    try {
      return decimal(parser, path, javaType).byteValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(parser, path, javaType);
    }
  }

  private static double toDouble(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (!parser.currentToken().isNumeric()) {
      throw mismatch(parser, path, "a number (" + javaType + ")");
    }
    if (parser.isNaN()) {
      return parser.getDoubleValue(); // NaN or an infinity, where the parser allows them
    }
    double value = parser.getDoubleValue();
    if (Double.isInfinite(value) || (value == 0 && parser.getDecimalValue().signum() != 0)) {
      throw mismatch(parser, path, "a number within the range of " + javaType);
    }
    return value;
  }

  /** Parsed as a float directly: through double first, a value could be rounded twice. */
  private static float toFloat(JsonParser parser, AttributePath path, String javaType)
      throws IOException {
    if (!parser.currentToken().isNumeric()) {
      throw mismatch(parser, path, "a number (" + javaType + ")");
    }
    if (parser.isNaN()) {
      return (float) parser.getDoubleValue();
    }
    float value = Float.parseFloat(parser.getText());
    if (Float.isInfinite(value) || (value == 0 && parser.getDecimalValue().signum() != 0)) {
      throw mismatch(parser, path, "a number within the range of " + javaType);
    }
    return value;
  }

  private static MappingException outOfRange(
      JsonParser parser, AttributePath path, String javaType) throws IOException {
    return mismatch(parser, path, "a whole number in the range of " + javaType);
  }

  // ---- collections -----------------------------------------------------------------------------

  /** An array as a {@code List}, each element read with {@code element}. */
  public static <T> List<T> readList(JsonParser parser, AttributePath path,
      JsonReader<T> element) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw mismatch(parser, path, "an array (List)");
    }
    List<T> list = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      list.add(element.read(parser, path.index(i)));
    }
    return Collections.unmodifiableList(list);
  }

  /** An array as a {@code Set} in the array's order; duplicates collapse. */
  public static <T> Set<T> readSet(JsonParser parser, AttributePath path, JsonReader<T> element)
      throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw mismatch(parser, path, "an array (Set)");
    }
    Set<T> set = new LinkedHashSet<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      set.add(element.read(parser, path.index(i)));
    }
    return Collections.unmodifiableSet(set);
  }

  /**
   * An object as a {@code Map<String, T>} in the object's order, each value read with
   * {@code element}; a repeated name keeps its first place and its last value.
   */
  public static <T> Map<String, T> readMap(JsonParser parser, AttributePath path,
      JsonReader<T> element) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw mismatch(parser, path, "an object (Map)");
    }
    Map<String, T> map = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      map.put(name, element.read(parser, path.child(name)));
    }
    return Collections.unmodifiableMap(map);
  }

  // ---- messages ------------------------------------------------------------------------------

  private static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  private static MappingException mismatch(JsonParser parser, AttributePath path,
      String expected) throws IOException {
    return new MappingException(path, "expected " + expected + ", found " + describe(parser));
  }

  /** The current value with a short preview, such as {@code string "two"} or {@code an array}. */
  static String describe(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case VALUE_STRING -> "string " + ValueRules.quote(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number " + ValueRules.preview(parser.getText());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      default -> token.toString();
    };
  }
}
