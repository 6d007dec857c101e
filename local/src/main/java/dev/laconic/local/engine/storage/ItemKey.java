package dev.laconic.local.engine.storage;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The primary key of one item, ordered by partition key and then by sort key as DynamoDB orders sort keys.
 *
 * <p>Numbers compare by value (so {@code 1} and {@code 1.0} are the same key), strings by UTF-8 bytes and binaries by
 * unsigned bytes; see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">Key
 * condition expressions</a>. Real DynamoDB scans partitions in hash order; this engine scans them in key order.
 */
public final class ItemKey implements Comparable<ItemKey> {
  private final Part hash;
  private final Part range;

  private ItemKey(Part hash, Part range) {
    this.hash = hash;
    this.range = range;
  }

  /** The key of an item; {@code rangeValue} is {@code null} for a table without a sort key. */
  static ItemKey of(JsonNode hashValue, JsonNode rangeValue) {
    return new ItemKey(new Part(0, hashValue), rangeValue == null ? null : new Part(0, rangeValue));
  }

  /** A bound below every key of the partition {@code hashValue}. */
  public static ItemKey lowest(JsonNode hashValue) {
    return new ItemKey(new Part(0, hashValue), new Part(-1, null));
  }

  /** A bound above every key of the partition {@code hashValue}. */
  public static ItemKey highest(JsonNode hashValue) {
    return new ItemKey(new Part(0, hashValue), new Part(1, null));
  }

  @Override
  public int compareTo(ItemKey other) {
    int byHash = hash.compareTo(other.hash);
    if (byHash != 0 || range == null || other.range == null) {
      return byHash;
    }
    return range.compareTo(other.range);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ItemKey key && compareTo(key) == 0;
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  /** One key attribute's value in comparable form; rank -1 and 1 are the bounds below and above all values. */
  private static final class Part implements Comparable<Part> {
    private final int rank;
    private final Object value;

    Part(int rank, JsonNode attributeValue) {
      this.rank = rank;
      this.value = attributeValue == null ? null : comparable(attributeValue);
    }

    private static Object comparable(JsonNode attributeValue) {
      String text = AttributeValues.payload(attributeValue).asText();
      return switch (AttributeValues.type(attributeValue)) {
        case "N" -> AttributeValues.number(text).stripTrailingZeros();
        case "B" -> AttributeValues.binary(text);
        default -> text;
      };
    }

    @Override
    public int compareTo(Part other) {
      if (rank != other.rank) {
        return Integer.compare(rank, other.rank);
      }
      if (value == null) {
        return 0;
      }
      if (value instanceof BigDecimal number) {
        return number.compareTo((BigDecimal) other.value);
      }
      if (value instanceof byte[] bytes) {
        return Arrays.compareUnsigned(bytes, (byte[]) other.value);
      }
      return AttributeValues.compareUtf8((String) value, (String) other.value);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Part part && compareTo(part) == 0;
    }

    @Override
    public int hashCode() {
      if (value instanceof byte[] bytes) {
        return Arrays.hashCode(bytes);
      }
      return value == null ? rank : value.hashCode();
    }
  }
}
