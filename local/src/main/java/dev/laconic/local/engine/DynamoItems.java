package dev.laconic.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.storage.AttributeValues;

/** Items in DynamoDB JSON, checked and sized as the engine checks and sizes them. */
public final class DynamoItems {

  private DynamoItems() {}

  /**
   * Checks that {@code item} is a map of attribute names to valid attribute values
   * ({@code {"id": {"S": "a"}}}).
   *
   * @throws IllegalArgumentException with DynamoDB's message for the first invalid value
   */
  public static void validate(JsonNode item) {
    try {
      AttributeValues.validateItem(item);
    } catch (ApiException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * A copy of the valid {@code item} with its numbers as DynamoDB stores them ({@code "1.0"} as
   * {@code "1"}, {@code "1e3"} as {@code "1000"}), at any depth.
   */
  public static ObjectNode canonical(JsonNode item) {
    return AttributeValues.canonical(((ObjectNode) item).deepCopy());
  }

  /** The item's size by DynamoDB's rules, as a stream record's {@code SizeBytes} counts it. */
  public static long size(JsonNode item) {
    return AttributeValues.itemSize(item);
  }
}
