package dev.laconic.local.engine.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Validation, comparison and sizing of attribute values in their wire form, such as {@code {"N":"42"}}.
 *
 * <p>Values are kept exactly as the client sent them; numbers are compared by value and binaries by their decoded
 * bytes, following the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html">data
 * type rules</a>.
 */
public final class AttributeValues {
  /** DynamoDB's item size limit. */
  private static final int MAX_ITEM_BYTES = 400 * 1024;

  private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
  private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
  private static final int MAX_PRECISION = 38;

  private AttributeValues() {
  }

  /** The type descriptor of a validated value, such as {@code "S"}. */
  public static String type(JsonNode value) {
    return value.fieldNames().next();
  }

  /** The payload of a validated value, such as the text of an {@code S}. */
  public static JsonNode payload(JsonNode value) {
    return value.elements().next();
  }

  public static ObjectNode of(String type, JsonNode payload) {
    ObjectNode value = Json.object();
    value.set(type, payload);
    return value;
  }

  public static ObjectNode number(BigDecimal number) {
    checkRange(number);
    ObjectNode value = Json.object();
    value.put("N", number.stripTrailingZeros().toPlainString());
    return value;
  }

  /**
   * Rewrites every number of the validated {@code item}, in place and at any depth, as DynamoDB
   * stores and returns it: no exponent, no leading or trailing zeros, {@code "1.0"} as
   * {@code "1"}, {@code "1e3"} as {@code "1000"}, {@code "-0"} as {@code "0"}. Stream records and
   * reads then carry what DynamoDB's do.
   */
  public static ObjectNode canonical(ObjectNode item) {
    item.fields().forEachRemaining(attribute -> attribute.setValue(canonicalValue(
        attribute.getValue())));
    return item;
  }

  private static JsonNode canonicalValue(JsonNode value) {
    JsonNode payload = payload(value);
    switch (type(value)) {
      case "N" -> {
        return number(number(payload.asText()));
      }
      case "NS" -> {
        ArrayNode numbers = Json.array();
        payload.forEach(element -> numbers.add(number(element.asText()).stripTrailingZeros()
            .toPlainString()));
        return of("NS", numbers);
      }
      case "L" -> {
        ArrayNode elements = (ArrayNode) payload;
        for (int i = 0; i < elements.size(); i++) {
          elements.set(i, canonicalValue(elements.get(i)));
        }
        return value;
      }
      case "M" -> {
        canonical((ObjectNode) payload);
        return value;
      }
      default -> {
        return value;
      }
    }
  }

  public static boolean isSet(String type) {
    return type.equals("SS") || type.equals("NS") || type.equals("BS");
  }

  /** Checks that {@code item} is a map of attribute names to valid values. */
  public static void validateItem(JsonNode item) {
    if (!item.isObject()) {
      throw ApiException.serialization("Expected a map of attribute values");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      if (attribute.getKey().isEmpty()) {
        throw ApiException.validation("One or more parameter values were invalid: An attribute name cannot be empty");
      }
      validate(attribute.getValue());
    }
  }

  /** Checks one attribute value, recursively for lists and maps. */
  public static void validate(JsonNode value) {
    if (!value.isObject() || value.size() == 0) {
      throw ApiException.validation(
          "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }
    if (value.size() > 1) {
      throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, "
          + "must contain exactly one of the supported datatypes");
    }
    String type = type(value);
    JsonNode payload = payload(value);
    switch (type) {
      case "S" -> text(payload);
      case "N" -> number(text(payload));
      case "B" -> binary(text(payload));
      case "BOOL" -> bool(payload);
      case "NULL" -> {
        if (!bool(payload)) {
          throw ApiException.validation("One or more parameter values were invalid: "
              + "Null attribute value types must have the value of true");
        }
      }
      case "SS", "NS", "BS" -> validateSet(type, payload);
      case "L" -> {
        if (!payload.isArray()) {
          throw ApiException.serialization("Expected a list for L");
        }
        payload.forEach(AttributeValues::validate);
      }
      case "M" -> validateItem(payload);
      default -> throw ApiException.serialization("Unknown attribute value type " + type);
    }
  }

  private static void validateSet(String type, JsonNode payload) {
    if (!payload.isArray()) {
      throw ApiException.serialization("Expected a list for " + type);
    }
    if (payload.isEmpty()) {
      throw ApiException.validation(
          "One or more parameter values were invalid: An " + type + " set may not be empty");
    }
    Set<Object> seen = new HashSet<>();
    for (JsonNode element : payload) {
      text(element);
      if (!seen.add(setElementKey(type, element))) {
        throw ApiException.validation(
            "One or more parameter values were invalid: Input collection " + payload + " contains duplicates.");
      }
    }
  }

  private static String text(JsonNode payload) {
    if (!payload.isTextual()) {
      throw ApiException.serialization("Expected a string in an attribute value");
    }
    return payload.asText();
  }

  private static boolean bool(JsonNode payload) {
    if (!payload.isBoolean()) {
      throw ApiException.serialization("Expected a boolean in an attribute value");
    }
    return payload.asBoolean();
  }

  /** Parses and range-checks a number in DynamoDB's limits: 38 significant digits, magnitude 1E-130 to 1E+126. */
  public static BigDecimal number(String text) {
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw ApiException.validation("A value provided cannot be converted into a number");
    }
    checkRange(number);
    return number;
  }

  private static void checkRange(BigDecimal number) {
    if (number.signum() == 0) {
      return;
    }
    BigDecimal magnitude = number.abs().stripTrailingZeros();
    if (magnitude.precision() > MAX_PRECISION) {
      throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
    }
    if (magnitude.compareTo(MAX_MAGNITUDE) > 0) {
      throw ApiException.validation(
          "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
    if (magnitude.compareTo(MIN_MAGNITUDE) < 0) {
      throw ApiException.validation(
          "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
  }

  public static byte[] binary(String base64) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw ApiException.serialization("Invalid base64 binary value");
    }
  }

  /** Whether two values are equal: same type, numbers by value, sets regardless of order. */
  public static boolean equal(JsonNode a, JsonNode b) {
    String type = type(a);
    if (!type.equals(type(b))) {
      return false;
    }
    JsonNode pa = payload(a);
    JsonNode pb = payload(b);
    return switch (type) {
      case "N" -> number(pa.asText()).compareTo(number(pb.asText())) == 0;
      case "B" -> Arrays.equals(binary(pa.asText()), binary(pb.asText()));
      case "SS", "NS", "BS" -> setKeys(type, pa).equals(setKeys(type, pb));
      case "L" -> equalLists(pa, pb);
      case "M" -> equalItems(pa, pb);
      default -> pa.equals(pb);
    };
  }

  private static boolean equalLists(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether two maps of attribute values (items, or the payloads of M values) are equal. */
  static boolean equalItems(JsonNode a, JsonNode b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      JsonNode other = b.get(attribute.getKey());
      if (other == null || !equal(attribute.getValue(), other)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Orders two scalar values of the same type the way DynamoDB orders them: numbers by value, strings by their
   * UTF-8 bytes, binaries by unsigned bytes. Returns {@code null} when they are not comparable.
   */
  public static Integer compare(JsonNode a, JsonNode b) {
    String type = type(a);
    if (!type.equals(type(b))) {
      return null;
    }
    String ta = payload(a).asText();
    String tb = payload(b).asText();
    return switch (type) {
      case "S" -> compareUtf8(ta, tb);
      case "N" -> number(ta).compareTo(number(tb));
      case "B" -> Arrays.compareUnsigned(binary(ta), binary(tb));
      default -> null;
    };
  }

  /** Compares strings by their UTF-8 encoding, which orders them by code point. */
  static int compareUtf8(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** The union of two sets of the same type, keeping the first set's order. */
  public static ObjectNode union(JsonNode set, JsonNode addition) {
    String type = type(set);
    ArrayNode elements = ((ArrayNode) payload(set)).deepCopy();
    Set<Object> present = setKeys(type, elements);
    for (JsonNode element : payload(addition)) {
      if (present.add(setElementKey(type, element))) {
        elements.add(element);
      }
    }
    return of(type, elements);
  }

  /** The elements of {@code set} that are not in {@code removal}, or {@code null} when none remain. */
  public static ObjectNode difference(JsonNode set, JsonNode removal) {
    String type = type(set);
    Set<Object> removed = setKeys(type, payload(removal));
    ArrayNode remaining = Json.array();
    for (JsonNode element : payload(set)) {
      if (!removed.contains(setElementKey(type, element))) {
        remaining.add(element);
      }
    }
    return remaining.isEmpty() ? null : of(type, remaining);
  }

  /** Whether a set contains a scalar of its element type. */
  public static boolean setContains(JsonNode set, JsonNode scalar) {
    String type = type(set);
    if (!type.equals(type(scalar) + "S")) {
      return false;
    }
    return setKeys(type, payload(set)).contains(setElementKey(type, payload(scalar)));
  }

  private static Set<Object> setKeys(String type, JsonNode elements) {
    Set<Object> keys = new LinkedHashSet<>();
    elements.forEach(element -> keys.add(setElementKey(type, element)));
    return keys;
  }

  private static Object setElementKey(String type, JsonNode element) {
    return switch (type) {
      case "NS" -> number(element.asText()).stripTrailingZeros();
      case "BS" -> ByteBuffer.wrap(binary(element.asText()));
      default -> element.asText();
    };
  }

  /**
   * The size of an item by the rules in
   * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">Item
   * sizes</a>: names and values, with numbers at about one byte per two digits.
   */
  public static long itemSize(JsonNode item) {
    long size = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> attribute = it.next();
      size += utf8Length(attribute.getKey()) + valueSize(attribute.getValue());
    }
    return size;
  }

  private static long valueSize(JsonNode value) {
    JsonNode payload = payload(value);
    return switch (type(value)) {
      case "S" -> utf8Length(payload.asText());
      case "N" -> numberSize(payload.asText());
      case "B" -> binary(payload.asText()).length;
      case "SS", "NS", "BS" -> setSize(type(value).substring(0, 1), payload);
      case "L" -> listSize(payload);
      case "M" -> 3 + payload.size() + itemSize(payload);
      default -> 1;
    };
  }

  private static long setSize(String elementType, JsonNode elements) {
    long size = 0;
    for (JsonNode element : elements) {
      size += valueSize(of(elementType, element));
    }
    return size;
  }

  private static long listSize(JsonNode elements) {
    long size = 3;
    for (JsonNode element : elements) {
      size += 1 + valueSize(element);
    }
    return size;
  }

  /**
   * One byte per two significant digits, rounded up, and one more, as the DynamoDB guide counts
   * a number ("Item sizes and formats"); its stream records' {@code SizeBytes} agree (the Lambda
   * guide's example records: 26, 59 and 38 bytes).
   */
  private static long numberSize(String text) {
    return (number(text).stripTrailingZeros().precision() + 1) / 2 + 1;
  }

  private static long utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  /** Rejects an item over DynamoDB's 400 KB limit. */
  public static void checkItemSize(JsonNode item) {
    if (itemSize(item) > MAX_ITEM_BYTES) {
      throw ApiException.validation("Item size has exceeded the maximum allowed size");
    }
  }
}
