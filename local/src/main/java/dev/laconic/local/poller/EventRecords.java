package dev.laconic.local.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Stream records as Lambda hands them to a function: the JSON of the DynamoDB Streams record
 * plus {@code eventSourceARN}, inside {@code {"Records": [...]}}. Filters are matched against the
 * same JSON, as Lambda matches them.
 */
final class EventRecords {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private static final byte[] RECORDS_START = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
  private static final byte[] RECORDS_END = "]}".getBytes(StandardCharsets.UTF_8);

  /** {@code {"Records":[} and {@code ]}} around the records. */
  static final int ENVELOPE_BYTES = RECORDS_START.length + RECORDS_END.length;

  private EventRecords() {}

  /** The record's JSON as Lambda delivers it for the stream {@code streamArn}. */
  static ObjectNode toJson(Record record, String streamArn) {
    ObjectNode json = NODES.objectNode();
    json.put("eventID", record.eventID());
    json.put("eventName", record.eventNameAsString());
    json.put("eventVersion", record.eventVersion());
    json.put("eventSource", record.eventSource());
    json.put("awsRegion", record.awsRegion());
    StreamRecord data = record.dynamodb();
    if (data != null) {
      ObjectNode dynamodb = json.putObject("dynamodb");
      if (data.approximateCreationDateTime() != null) {
        dynamodb.set("ApproximateCreationDateTime", epochSeconds(data.approximateCreationDateTime()));
      }
      if (data.hasKeys()) {
        dynamodb.set("Keys", item(data.keys()));
      }
      if (data.hasNewImage()) {
        dynamodb.set("NewImage", item(data.newImage()));
      }
      if (data.hasOldImage()) {
        dynamodb.set("OldImage", item(data.oldImage()));
      }
      dynamodb.put("SequenceNumber", data.sequenceNumber());
      if (data.sizeBytes() != null) {
        dynamodb.put("SizeBytes", data.sizeBytes());
      }
      dynamodb.put("StreamViewType", data.streamViewTypeAsString());
    }
    if (record.userIdentity() != null) {
      ObjectNode identity = json.putObject("userIdentity");
      identity.put("principalId", record.userIdentity().principalId());
      identity.put("type", record.userIdentity().type());
    }
    json.put("eventSourceARN", streamArn);
    return json;
  }

  /** {@code record} as it is written in the event, in UTF-8. */
  static byte[] utf8(ObjectNode record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The bytes of the event of {@code records}, each given as {@link #utf8}: the bytes
   * {@link #event} serializes to, without serializing each record again.
   */
  static byte[] eventBytes(List<byte[]> records) {
    int size = ENVELOPE_BYTES + Math.max(0, records.size() - 1);
    for (byte[] record : records) {
      size += record.length;
    }
    ByteBuffer event = ByteBuffer.allocate(size);
    event.put(RECORDS_START);
    for (int i = 0; i < records.size(); i++) {
      if (i > 0) {
        event.put((byte) ',');
      }
      event.put(records.get(i));
    }
    event.put(RECORDS_END);
    return event.array();
  }

  /** The event of {@code records}: {@code {"Records": [...]}}. */
  static ObjectNode event(List<ObjectNode> records) {
    ObjectNode event = NODES.objectNode();
    ArrayNode array = event.putArray("Records");
    records.forEach(array::add);
    return event;
  }

  /** Whole seconds as an integer, as DynamoDB sends them; finer times as a decimal. */
  private static JsonNode epochSeconds(Instant instant) {
    if (instant.getNano() == 0) {
      return NODES.numberNode(instant.getEpochSecond());
    }
    return NODES.numberNode(BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros());
  }

  static ObjectNode item(Map<String, AttributeValue> attributes) {
    ObjectNode item = NODES.objectNode();
    attributes.forEach((name, value) -> item.set(name, value(value)));
    return item;
  }

  static ObjectNode value(AttributeValue value) {
    ObjectNode json = NODES.objectNode();
    switch (value.type()) {
      case S:
        json.put("S", value.s());
        break;
      case N:
        json.put("N", value.n());
        break;
      case B:
        json.put("B", base64(value.b()));
        break;
      case SS:
        value.ss().forEach(json.putArray("SS")::add);
        break;
      case NS:
        value.ns().forEach(json.putArray("NS")::add);
        break;
      case BS: {
        ArrayNode array = json.putArray("BS");
        value.bs().forEach(b -> array.add(base64(b)));
        break;
      }
      case M:
        json.set("M", item(value.m()));
        break;
      case L: {
        ArrayNode array = json.putArray("L");
        value.l().forEach(v -> array.add(value(v)));
        break;
      }
      case BOOL:
        json.put("BOOL", value.bool());
        break;
      case NUL:
        json.put("NULL", true);
        break;
      default:
        throw new IllegalArgumentException("attribute value of unknown type: " + value);
    }
    return json;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArrayUnsafe());
  }
}
