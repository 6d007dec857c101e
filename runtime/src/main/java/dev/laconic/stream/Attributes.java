package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
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
 * The attribute readers generated mappers call: one per supported Java type.
 *
 * <p>{@code read…} methods return {@code null} for a missing attribute or a {@code NULL} value;
 * {@code require…} methods, for primitives, treat both as a failure. Any other attribute type than
 * the one expected is a {@link MappingException} naming the path, the expected and the actual
 * type. Numbers are read from the decimal text DynamoDB sends, exactly: an {@code int} accepts
 * {@code "3"} and {@code "3.0"} but not {@code "3.5"} or a value out of range, and
 * {@code BigDecimal} never goes through {@code double}.
 */
public final class Attributes {

  private Attributes() {}

  // ---- strings, booleans, binary -------------------------------------------------------------

  /** S as {@code String}. */
  public static String readString(AttributeValue value, AttributePath path) {
    if (isNull(value)) {
      return null;
    }
    if (value.getS() == null) {
      throw mismatch(path, "S (String)", value);
    }
    return value.getS();
  }

  /** BOOL as {@code Boolean}. */
  public static Boolean readBoolean(AttributeValue value, AttributePath path) {
    if (isNull(value)) {
      return null;
    }
    if (value.getBOOL() == null) {
      throw mismatch(path, "BOOL (Boolean)", value);
    }
    return value.getBOOL();
  }

  /** BOOL as {@code boolean}; missing or NULL fails. */
  public static boolean requireBoolean(AttributeValue value, AttributePath path) {
    if (isNull(value) || value.getBOOL() == null) {
      throw mismatch(path, "BOOL (boolean)", value);
    }
    return value.getBOOL();
  }

  /** B as a fresh {@code byte[]}: the event's buffer is never shared or moved. */
  public static byte[] readBytes(AttributeValue value, AttributePath path) {
    ByteBuffer buffer = binary(value, path, "byte[]");
    if (buffer == null) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** B as a read-only {@code ByteBuffer} over the event's bytes. */
  public static ByteBuffer readByteBuffer(AttributeValue value, AttributePath path) {
    ByteBuffer buffer = binary(value, path, "ByteBuffer");
    return buffer == null ? null : buffer.asReadOnlyBuffer();
  }

  private static ByteBuffer binary(AttributeValue value, AttributePath path, String javaType) {
    if (isNull(value)) {
      return null;
    }
    if (value.getB() == null) {
      throw mismatch(path, "B (" + javaType + ")", value);
    }
    return value.getB();
  }

  /** S holding a UUID as {@code UUID}. */
  public static UUID readUuid(AttributeValue value, AttributePath path) {
    if (isNull(value)) {
      return null;
    }
    String text = value.getS();
    if (text == null) {
      throw mismatch(path, "S (UUID)", value);
    }
    try {
      if (!ValueRules.isCanonicalUuid(text)) {
        throw new IllegalArgumentException(text);
      }
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw mismatch(path, "S holding a UUID", value);
    }
  }

  /**
   * N (epoch seconds, fractions allowed) or S (ISO-8601, such as
   * {@code 2024-05-01T12:00:00Z} or with an offset) as {@code Instant}.
   */
  public static Instant readInstant(AttributeValue value, AttributePath path) {
    if (isNull(value)) {
      return null;
    }
    try {
      if (value.getN() != null) {
        return ValueRules.epochSeconds(new BigDecimal(value.getN()));
      }
      if (value.getS() != null) {
        return Instant.parse(value.getS());
      }
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw mismatch(path, value.getN() != null
          ? "N holding epoch seconds within Instant's range" : "S holding an ISO-8601 instant",
          value);
    }
    throw mismatch(path, "N or S (Instant)", value);
  }

  /**
   * S as the name of an enum constant: the generated mapper switches on the name and calls
   * {@link #unknownConstant} for a name it does not know.
   */
  public static String readEnumName(AttributeValue value, AttributePath path, String enumType) {
    if (isNull(value)) {
      return null;
    }
    if (value.getS() == null) {
      throw mismatch(path, "S (" + enumType + ")", value);
    }
    return value.getS();
  }

  /** The failure for an enum name that is not one of {@code constants}. */
  public static MappingException unknownConstant(
      AttributePath path, String enumType, String constants, String name) {
    return new MappingException(path, "expected S naming a constant of " + enumType + " ("
        + constants + "), found S " + ValueRules.quote(name));
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** N as {@code BigDecimal}, exactly as written. */
  public static BigDecimal readBigDecimal(AttributeValue value, AttributePath path) {
    String number = number(value, path, "BigDecimal");
    return number == null ? null : decimal(number, value, path, "BigDecimal");
  }

  /** N as {@code BigInteger}; a fraction fails. */
  public static BigInteger readBigInteger(AttributeValue value, AttributePath path) {
    String number = number(value, path, "BigInteger");
    if (number == null) {
      return null;
    }
    try {
      return decimal(number, value, path, "BigInteger").toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw mismatch(path, "N holding a whole number (BigInteger)", value);
    }
  }

  /** N as {@code Integer}. */
  public static Integer readInteger(AttributeValue value, AttributePath path) {
    String number = number(value, path, "Integer");
    return number == null ? null : toInt(number, value, path, "Integer");
  }

  /** N as {@code int}; missing or NULL fails. */
  public static int requireInt(AttributeValue value, AttributePath path) {
    return toInt(required(value, path, "int"), value, path, "int");
  }

  /** N as {@code Long}. */
  public static Long readLong(AttributeValue value, AttributePath path) {
    String number = number(value, path, "Long");
    return number == null ? null : toLong(number, value, path, "Long");
  }

  /** N as {@code long}; missing or NULL fails. */
  public static long requireLong(AttributeValue value, AttributePath path) {
    return toLong(required(value, path, "long"), value, path, "long");
  }

  /** N as {@code Short}. */
  public static Short readShort(AttributeValue value, AttributePath path) {
    String number = number(value, path, "Short");
    return number == null ? null : toShort(number, value, path, "Short");
  }

  /** N as {@code short}; missing or NULL fails. */
  public static short requireShort(AttributeValue value, AttributePath path) {
    return toShort(required(value, path, "short"), value, path, "short");
  }

  /** N as {@code Byte}. */
  public static Byte readByte(AttributeValue value, AttributePath path) {
    String number = number(value, path, "Byte");
    return number == null ? null : toByte(number, value, path, "Byte");
  }

  /** N as {@code byte}; missing or NULL fails. */
  public static byte requireByte(AttributeValue value, AttributePath path) {
    return toByte(required(value, path, "byte"), value, path, "byte");
  }

  /** N as {@code Double} (the nearest double, as {@code Double.parseDouble} gives). */
  public static Double readDouble(AttributeValue value, AttributePath path) {
    String number = number(value, path, "Double");
    return number == null ? null : toDouble(number, value, path, "Double");
  }

  /** N as {@code double}; missing or NULL fails. */
  public static double requireDouble(AttributeValue value, AttributePath path) {
    return toDouble(required(value, path, "double"), value, path, "double");
  }

  /** N as {@code Float} (the nearest float). */
  public static Float readFloat(AttributeValue value, AttributePath path) {
    String number = number(value, path, "Float");
    return number == null ? null : toFloat(number, value, path, "Float");
  }

  /** N as {@code float}; missing or NULL fails. */
  public static float requireFloat(AttributeValue value, AttributePath path) {
    return toFloat(required(value, path, "float"), value, path, "float");
  }

  private static String number(AttributeValue value, AttributePath path, String javaType) {
    if (isNull(value)) {
      return null;
    }
    if (value.getN() == null) {
      throw mismatch(path, "N (" + javaType + ")", value);
    }
    return decimalText(value, path, javaType);
  }

  private static String required(AttributeValue value, AttributePath path, String javaType) {
    if (isNull(value) || value.getN() == null) {
      throw mismatch(path, "N (" + javaType + ")", value);
    }
    return decimalText(value, path, javaType);
  }

  /** The N text, checked to be a number as DynamoDB writes it before any Java parser sees it. */
  private static String decimalText(AttributeValue value, AttributePath path, String javaType) {
    if (!isDecimal(value.getN())) {
      throw mismatch(path, "N holding a number (" + javaType + ")", value);
    }
    return value.getN();
  }

  private static BigDecimal decimal(
      String number, AttributeValue value, AttributePath path, String javaType) {
    try {
      return new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw mismatch(path, "N holding a number (" + javaType + ")", value);
    }
  }

  private static int toInt(String number, AttributeValue value, AttributePath path, String type) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException fast) {
      try {
        return decimal(number, value, path, type).intValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(path, type, value);
      }
    }
  }

  private static long toLong(String number, AttributeValue value, AttributePath path, String type) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException fast) {
      try {
        return decimal(number, value, path, type).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(path, type, value);
      }
    }
  }

  private static short toShort(
      String number, AttributeValue value, AttributePath path, String type) {
    try {
      return decimal(number, value, path, type).shortValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(path, type, value);
    }
  }

  private static byte toByte(String number, AttributeValue value, AttributePath path, String type) {
    try {
      return decimal(number, value, path, type).byteValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(path, type, value);
    }
  }

  private static double toDouble(
      String number, AttributeValue value, AttributePath path, String type) {
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw mismatch(path, "N holding a number (" + type + ")", value);
    }
  }

  /** Parsed as a float directly: through double first, a value could be rounded twice. */
  private static float toFloat(
      String number, AttributeValue value, AttributePath path, String type) {
    try {
      float parsed = Float.parseFloat(number);
      if (Float.isInfinite(parsed)
          || (parsed == 0 && new BigDecimal(number).signum() != 0)) {
        throw outOfFloatRange(path, type, value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw mismatch(path, "N holding a number (" + type + ")", value);
    }
  }

  /**
   * Whether {@code text} is a number as DynamoDB writes one: digits with an optional sign,
   * fraction and exponent. Java's parsers also take "NaN", "Infinity", hex and a type suffix,
   * which no DynamoDB number has.
   */
  private static boolean isDecimal(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  /**
   * DynamoDB numbers reach 9.9E+125 and 1E-130, far beyond a float; a double holds them all.
   * Rounding to infinity or to zero would silently change the value, so it fails instead.
   */
  private static MappingException outOfFloatRange(
      AttributePath path, String type, AttributeValue value) {
    return mismatch(path, "N within the range of " + type, value);
  }

  private static MappingException outOfRange(
      AttributePath path, String type, AttributeValue value) {
    return mismatch(path, "N holding a whole number in the range of " + type, value);
  }

  // ---- collections and nested items ----------------------------------------------------------

  /**
   * L, SS, NS or BS as a {@code List}, each element read with {@code element}; set members are
   * read as the S, N or B value they are, so {@code List<Integer>} accepts NS but not SS.
   */
  public static <T> List<T> readList(
      AttributeValue value, AttributePath path, AttributeReader<T> element) {
    if (isNull(value)) {
      return null;
    }
    List<AttributeValue> elements = elements(value);
    if (elements == null) {
      throw mismatch(path, "L, SS, NS or BS (List)", value);
    }
    List<T> list = new ArrayList<>(elements.size());
    for (int i = 0; i < elements.size(); i++) {
      list.add(element.read(elements.get(i), path.index(i)));
    }
    return Collections.unmodifiableList(list);
  }

  /** SS, NS, BS or L as a {@code Set} in the event's order; duplicates in an L collapse. */
  public static <T> Set<T> readSet(
      AttributeValue value, AttributePath path, AttributeReader<T> element) {
    if (isNull(value)) {
      return null;
    }
    List<AttributeValue> elements = elements(value);
    if (elements == null) {
      throw mismatch(path, "SS, NS, BS or L (Set)", value);
    }
    Set<T> set = new LinkedHashSet<>(Math.max(16, elements.size() * 2));
    for (int i = 0; i < elements.size(); i++) {
      set.add(element.read(elements.get(i), path.index(i)));
    }
    return Collections.unmodifiableSet(set);
  }

  /** M as a {@code Map<String, T>} in the event's order, each value read with {@code element}. */
  public static <T> Map<String, T> readMap(
      AttributeValue value, AttributePath path, AttributeReader<T> element) {
    if (isNull(value)) {
      return null;
    }
    if (value.getM() == null) {
      throw mismatch(path, "M (Map)", value);
    }
    Map<String, T> map = new LinkedHashMap<>(Math.max(16, value.getM().size() * 2));
    for (Map.Entry<String, AttributeValue> entry : value.getM().entrySet()) {
      map.put(entry.getKey(), element.read(entry.getValue(), path.child(entry.getKey())));
    }
    return Collections.unmodifiableMap(map);
  }

  /** M as the attribute map of a nested record or class {@code javaType}. */
  public static Map<String, AttributeValue> readItem(
      AttributeValue value, AttributePath path, String javaType) {
    if (isNull(value)) {
      return null;
    }
    if (value.getM() == null) {
      throw mismatch(path, "M (" + javaType + ")", value);
    }
    return value.getM();
  }

  private static List<AttributeValue> elements(AttributeValue value) {
    if (value.getL() != null) {
      return value.getL();
    }
    if (value.getSS() != null) {
      List<AttributeValue> members = new ArrayList<>(value.getSS().size());
      for (String member : value.getSS()) {
        members.add(new AttributeValue().withS(member));
      }
      return members;
    }
    if (value.getNS() != null) {
      List<AttributeValue> members = new ArrayList<>(value.getNS().size());
      for (String member : value.getNS()) {
        members.add(new AttributeValue().withN(member));
      }
      return members;
    }
    if (value.getBS() != null) {
      List<AttributeValue> members = new ArrayList<>(value.getBS().size());
      for (ByteBuffer member : value.getBS()) {
        members.add(new AttributeValue().withB(member));
      }
      return members;
    }
    return null;
  }

  // ---- messages ------------------------------------------------------------------------------

  /** Missing, or DynamoDB's {@code NULL}. */
  private static boolean isNull(AttributeValue value) {
    return value == null || Boolean.TRUE.equals(value.getNULL());
  }

  private static MappingException mismatch(
      AttributePath path, String expected, AttributeValue value) {
    return new MappingException(path, "expected " + expected + ", found " + describe(value));
  }

  /** The value's DynamoDB type with a short preview, such as {@code S "two"} or {@code L [3]}. */
  public static String describe(AttributeValue value) {
    if (value == null) {
      return "no attribute";
    }
    if (value.getS() != null) {
      return "S " + ValueRules.quote(value.getS());
    }
    if (value.getN() != null) {
      return "N " + ValueRules.preview(value.getN());
    }
    if (value.getB() != null) {
      return "B (" + value.getB().remaining() + " bytes)";
    }
    if (value.getSS() != null) {
      return "SS [" + value.getSS().size() + "]";
    }
    if (value.getNS() != null) {
      return "NS [" + value.getNS().size() + "]";
    }
    if (value.getBS() != null) {
      return "BS [" + value.getBS().size() + "]";
    }
    if (value.getM() != null) {
      return "M {" + value.getM().size() + "}";
    }
    if (value.getL() != null) {
      return "L [" + value.getL().size() + "]";
    }
    if (value.getNULL() != null) {
      return value.getNULL() ? "NULL" : "NULL false";
    }
    if (value.getBOOL() != null) {
      return "BOOL " + value.getBOOL();
    }
    return "an attribute value of no type";
  }
}
