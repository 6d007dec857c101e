package dev.laconic.local.engine;

import com.fasterxml.jackson.databind.JsonNode;

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

  /** The item's size by DynamoDB's rules, as a stream record's {@code SizeBytes} counts it. */
  public static long size(JsonNode item) {
    return AttributeValues.itemSize(item);
  }
}
