package com.example.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Writes DynamoDB stream events as JSON, in the exact shape Lambda sends, for tests that need
 * items the real sample events do not have. The JSON then goes through the Lambda runtime's own
 * deserializer, like any other event.
 */
final class DynamoJson {

  static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String STREAM_ARN =
      "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000";

  private DynamoJson() {}

  static ObjectNode s(String value) {
    return NODES.objectNode().put("S", value);
  }

  /** N, written as the text given: DynamoDB sends numbers as strings. */
  static ObjectNode n(String text) {
    return NODES.objectNode().put("N", text);
  }

  static ObjectNode b(byte[] bytes) {
    return NODES.objectNode().put("B", Base64.getEncoder().encodeToString(bytes));
  }

  static ObjectNode bool(boolean value) {
    return NODES.objectNode().put("BOOL", value);
  }

  static ObjectNode nul() {
    return NODES.objectNode().put("NULL", true);
  }

  static ObjectNode ss(List<String> values) {
    ObjectNode node = NODES.objectNode();
    ArrayNode array = node.putArray("SS");
    values.forEach(array::add);
    return node;
  }

  static ObjectNode ns(List<String> texts) {
    ObjectNode node = NODES.objectNode();
    ArrayNode array = node.putArray("NS");
    texts.forEach(array::add);
    return node;
  }

  static ObjectNode bs(List<byte[]> values) {
    ObjectNode node = NODES.objectNode();
    ArrayNode array = node.putArray("BS");
    values.forEach(v -> array.add(Base64.getEncoder().encodeToString(v)));
    return node;
  }

  static ObjectNode l(List<? extends JsonNode> values) {
    ObjectNode node = NODES.objectNode();
    node.putArray("L").addAll(values);
    return node;
  }

  /** M, attributes in the map's iteration order. */
  static ObjectNode m(Map<String, ? extends JsonNode> attributes) {
    ObjectNode node = NODES.objectNode();
    node.set("M", item(attributes));
    return node;
  }

  /** An item image: attribute name to typed value. */
  static ObjectNode item(Map<String, ? extends JsonNode> attributes) {
    ObjectNode item = NODES.objectNode();
    attributes.forEach(item::set);
    return item;
  }

  /**
   * One stream record as Lambda sends it.
   *
   * @param newImage null to leave it out (a REMOVE, or a KEYS_ONLY stream)
   * @param oldImage null to leave it out (an INSERT)
   */
  static ObjectNode record(String eventName, String sequenceNumber, ObjectNode keys,
      ObjectNode newImage, ObjectNode oldImage) {
    ObjectNode dynamodb = NODES.objectNode();
    dynamodb.put("ApproximateCreationDateTime", 1700000000.5);
    dynamodb.set("Keys", keys);
    if (newImage != null) {
      dynamodb.set("NewImage", newImage);
    }
    if (oldImage != null) {
      dynamodb.set("OldImage", oldImage);
    }
    dynamodb.put("SequenceNumber", sequenceNumber);
    dynamodb.put("SizeBytes", 100);
    dynamodb.put("StreamViewType", "NEW_AND_OLD_IMAGES");
    ObjectNode record = NODES.objectNode();
    record.put("eventID", "event-" + sequenceNumber);
    record.put("eventName", eventName);
    record.put("eventVersion", "1.1");
    record.put("eventSource", "aws:dynamodb");
    record.put("awsRegion", "eu-west-1");
    record.set("dynamodb", dynamodb);
    record.put("eventSourceARN", STREAM_ARN);
    return record;
  }

  /** The event of {@code records}, as the bytes Lambda would send. */
  static byte[] event(List<ObjectNode> records) {
    ObjectNode event = NODES.objectNode();
    event.putArray("Records").addAll(records);
    try {
      return new ObjectMapper().writeValueAsBytes(event);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
