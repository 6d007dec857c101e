package dev.laconic.logging;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.laconic.stream.AttributeValueJson;
import java.io.IOException;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the value of a log field as JSON: strings, numbers, booleans and null as themselves,
 * enums by name, maps as objects with their keys sorted, iterables and arrays as arrays, bytes
 * as base64, the events library's DynamoDB {@code AttributeValue} as DynamoDB JSON
 * ({@code {"S":"x"}}), anything else as the string of its {@code toString}.
 *
 * <p>A value is never the reason a line is lost: a {@code toString} that throws is written as a
 * string saying so, and nesting deeper than {@link #MAX_DEPTH} (a map that holds itself) is cut
 * off with its {@code toString} text.
 */
final class FieldValues {

  /** Deeper than any item DynamoDB stores (32 levels), so only a cycle reaches it. */
  static final int MAX_DEPTH = 64;

  private FieldValues() {}

  static void write(JsonGenerator json, Object value, int depth) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String text) {
      json.writeString(text);
    } else if (value instanceof Boolean bool) {
      json.writeBoolean(bool);
    } else if (value instanceof Number number) {
      writeNumber(json, number);
    } else if (value instanceof Enum<?> constant) {
      json.writeString(constant.name());
    } else if (value instanceof CharSequence || value instanceof Character) {
      json.writeString(value.toString());
    } else if (value instanceof byte[] bytes) {
      json.writeBinary(bytes);
    } else if (value instanceof ByteBuffer buffer) {
      AttributeValueJson.writeBinary(json, buffer);
    } else if (depth >= MAX_DEPTH) {
      json.writeString(text(value));
    } else if (value instanceof AttributeValue attribute) {
      // DynamoDB JSON, as the Lambda runtime writes the events library's attribute value.
      AttributeValueJson.write(json, attribute, new Nested(depth + 1));
    } else if (value instanceof Map<?, ?> map) {
      writeMap(json, map, depth + 1);
    } else if (value instanceof Iterable<?> iterable) {
      json.writeStartArray();
      for (Object element : iterable) {
        write(json, element, depth + 1);
      }
      json.writeEndArray();
    } else if (value.getClass().isArray()) {
      json.writeStartArray();
      for (int i = 0, length = Array.getLength(value); i < length; i++) {
        write(json, Array.get(value, i), depth + 1);
      }
      json.writeEndArray();
    } else {
      json.writeString(text(value));
    }
  }

  /** The value's {@code toString}, or a note of what it threw instead. */
  static String text(Object value) {
    try {
      return String.valueOf(value);
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      return "<" + value.getClass().getName() + ".toString() threw " + e + ">";
    }
  }

  private static void writeNumber(JsonGenerator json, Number number) throws IOException {
    if (number instanceof Integer || number instanceof Long || number instanceof Short
        || number instanceof Byte || number instanceof AtomicInteger
        || number instanceof AtomicLong) {
      json.writeNumber(number.longValue());
    } else if (number instanceof Double || number instanceof Float) {
      double d = number.doubleValue();
      // NaN and the infinities are no JSON numbers: as strings the line stays valid JSON.
      if (Double.isFinite(d)) {
        if (number instanceof Float f) {
          json.writeNumber(f.floatValue());
        } else {
          json.writeNumber(d);
        }
      } else {
        json.writeString(number.toString());
      }
    } else if (number instanceof BigDecimal decimal) {
      json.writeNumber(decimal);
    } else if (number instanceof BigInteger integer) {
      json.writeNumber(integer);
    } else {
      // A Number of the application's own: its toString need not be a JSON number.
      json.writeString(text(number));
    }
  }

  private static void writeMap(JsonGenerator json, Map<?, ?> map, int depth) throws IOException {
    // Sorted, as encoding/json sorts a Go map's keys: the same map gives the same line.
    String[] keys = new String[map.size()];
    Object[] values = new Object[keys.length];
    int count = 0;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (count == keys.length) {
        break; // the map grew while being written
      }
      keys[count] = text(entry.getKey());
      values[count] = entry.getValue();
      count++;
    }
    Integer[] order = sortedOrder(keys, count);
    json.writeStartObject();
    for (Integer i : order) {
      json.writeFieldName(keys[i]);
      write(json, values[i], depth);
    }
    json.writeEndObject();
  }

  private static Integer[] sortedOrder(String[] keys, int count) {
    Integer[] order = new Integer[count];
    for (int i = 0; i < count; i++) {
      order[i] = i;
    }
    Arrays.sort(order, new KeyOrder(keys));
    return order;
  }

  /**
   * The maps and list elements inside an attribute value, one level deeper, so that an
   * {@code L} that holds itself is cut off as a map is. A class, not a lambda, as below.
   */
  private static final class Nested implements AttributeValueJson.MapWriter {
    private final int depth;

    Nested(int depth) {
      this.depth = depth;
    }

    @Override
    public void write(JsonGenerator json, Map<String, AttributeValue> map) throws IOException {
      writeMap(json, map, depth);
    }

    @Override
    public void writeElement(JsonGenerator json, AttributeValue element) throws IOException {
      FieldValues.write(json, element, depth);
    }
  }

  /** A class, not a lambda: no invokedynamic bootstrap on the first line of a cold start. */
  private static final class KeyOrder implements java.util.Comparator<Integer> {
    private final String[] keys;

    KeyOrder(String[] keys) {
      this.keys = keys;
    }

    @Override
    public int compare(Integer a, Integer b) {
      return keys[a].compareTo(keys[b]);
    }
  }
}
