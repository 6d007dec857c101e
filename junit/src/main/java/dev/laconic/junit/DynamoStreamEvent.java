package dev.laconic.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.app.Application;
import dev.laconic.local.events.DynamoStreamSource;
import dev.laconic.local.events.EventGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * DynamoDB Streams events made from items, for unit tests of one function: each change becomes
 * one record, as a mapping delivers a batch of one shard (sequence numbers increasing, the
 * fields DynamoDB and Lambda fill in made up as they make them).
 *
 * <pre>
 * byte[] event = DynamoStreamEvent.forFunction(OrderShipping.class, "OrderShipping.ship")
 *     .insert("{\"id\": {\"S\": \"o-1\"}, \"status\": {\"S\": \"PLACED\"}}")
 *     .modify(placed, paid)                      // items as DynamoDB JSON text,
 *     .remove(orders, shippedOrder)              // or the team's Enhanced Client objects
 *     .toBytes();
 * </pre>
 *
 * <p>Items are written in DynamoDB JSON ({@code {"id": {"S": "o-1"}}}, as
 * {@code aws dynamodb get-item} prints them), as the SDK's {@code Map<String, AttributeValue>},
 * or as objects of an Enhanced Client {@link TableSchema}.
 */
public final class DynamoStreamEvent {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DynamoStreamEvent() {}

  /**
   * Events of a stream of {@code NEW_AND_OLD_IMAGES}, in the example account, whose key is the
   * first attribute of each item unless {@link Builder#keys} says otherwise.
   */
  public static Builder builder() {
    return new Builder(new DynamoStreamSource(
        EventGenerator.dynamodbStreamArn(EventGenerator.DEFAULT_REGION, "my-table"),
        Optional.empty(), List.of(), "NEW_AND_OLD_IMAGES"));
  }

  /**
   * Events as the DynamoDB mapping of the function {@code function} would deliver them: from its
   * table's stream, keyed by the table's key schema, with the images of its stream view type.
   *
   * @param applicationClass any class of the application, whose template is beside it
   * @param function the function's logical id, {@code FunctionName}, handler or
   *     {@code Class.method}
   * @throws IllegalArgumentException when the function has no DynamoDB stream mapping
   */
  public static Builder forFunction(Class<?> applicationClass, String function) {
    JsonNode template;
    try {
      template = JSON.readTree(Application.templateBeside(applicationClass));
    } catch (IOException e) {
      throw new UncheckedIOException(Application.TEMPLATE + " is not beside "
          + applicationClass.getName() + ": compile the application with Laconic first.", e);
    }
    return of(DynamoStreamSource.of(template, Application.parse(template).find(function),
        EventGenerator.DEFAULT_REGION));
  }

  static Builder of(DynamoStreamSource source) {
    return new Builder(source);
  }

  /** The changes of one event, in order. */
  public static final class Builder {

    private DynamoStreamSource source;
    /** Each change's images; keyed when the event is made, by the keys set by then. */
    private final List<List<Optional<JsonNode>>> changes = new ArrayList<>();
    private EventGenerator generator = new EventGenerator();

    private Builder(DynamoStreamSource source) {
      this.source = source;
    }

    /** The stream's ARN in the records' {@code eventSourceARN}. */
    public Builder streamArn(String streamArn) {
      source = new DynamoStreamSource(streamArn, source.table(), source.keyNames(),
          source.viewType());
      return this;
    }

    /**
     * The table's key attributes, partition key first; by default the first attribute. They key
     * every change of the event, those added before this call too.
     */
    public Builder keys(String... keyNames) {
      source = new DynamoStreamSource(source.streamArn(), source.table(), List.of(keyNames),
          source.viewType());
      return this;
    }

    /** NEW_AND_OLD_IMAGES, NEW_IMAGE, OLD_IMAGE or KEYS_ONLY: which images each record has. */
    public Builder viewType(String viewType) {
      source = new DynamoStreamSource(source.streamArn(), source.table(), source.keyNames(),
          viewType);
      return this;
    }

    /** Timestamps from {@code clock} and ids from {@code seed}: the same event every time. */
    public Builder deterministic(Clock clock, long seed) {
      generator = new EventGenerator(clock, new Random(seed));
      return this;
    }

    /** An INSERT of {@code item}, in DynamoDB JSON. */
    public Builder insert(String item) {
      return change(Optional.of(json(item)), Optional.empty());
    }

    /** A MODIFY from {@code oldItem} to {@code newItem}, in DynamoDB JSON. */
    public Builder modify(String oldItem, String newItem) {
      return change(Optional.of(json(newItem)), Optional.of(json(oldItem)));
    }

    /** A REMOVE of {@code item}, in DynamoDB JSON. */
    public Builder remove(String item) {
      return change(Optional.empty(), Optional.of(json(item)));
    }

    /** An INSERT of {@code item}, as the SDK writes it. */
    public Builder insert(Map<String, AttributeValue> item) {
      return change(Optional.of(json(item)), Optional.empty());
    }

    /** A MODIFY from {@code oldItem} to {@code newItem}, as the SDK writes them. */
    public Builder modify(Map<String, AttributeValue> oldItem,
        Map<String, AttributeValue> newItem) {
      return change(Optional.of(json(newItem)), Optional.of(json(oldItem)));
    }

    /** A REMOVE of {@code item}, as the SDK writes it. */
    public Builder remove(Map<String, AttributeValue> item) {
      return change(Optional.empty(), Optional.of(json(item)));
    }

    /** An INSERT of {@code item}, an object of {@code schema} (null attributes left out). */
    public <T> Builder insert(TableSchema<T> schema, T item) {
      return insert(schema.itemToMap(item, true));
    }

    /** A MODIFY from {@code oldItem} to {@code newItem}, objects of {@code schema}. */
    public <T> Builder modify(TableSchema<T> schema, T oldItem, T newItem) {
      return modify(schema.itemToMap(oldItem, true), schema.itemToMap(newItem, true));
    }

    /** A REMOVE of {@code item}, an object of {@code schema}. */
    public <T> Builder remove(TableSchema<T> schema, T item) {
      return remove(schema.itemToMap(item, true));
    }

    /**
     * The event, as Lambda sends it.
     *
     * @throws IllegalArgumentException without changes, or for an item that lacks a key
     *     attribute or is not DynamoDB JSON
     */
    public ObjectNode toJson() {
      return generator.dynamodb(source.streamArn(), changes.stream()
          .map(images -> source.change(images.get(0), images.get(1))).toList(),
          source.viewType());
    }

    /** The event's JSON bytes, as the function's handler reads them. */
    public byte[] toBytes() {
      try {
        return JSON.writeValueAsBytes(toJson());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private Builder change(Optional<JsonNode> newImage, Optional<JsonNode> oldImage) {
      // Checked now, so that a bad item fails at the line that adds it.
      source.change(newImage, oldImage);
      changes.add(List.of(newImage, oldImage));
      return this;
    }
  }

  private static JsonNode json(String item) {
    try {
      return JSON.readTree(item);
    } catch (IOException e) {
      throw new IllegalArgumentException("The item is not JSON: " + e.getMessage(), e);
    }
  }

  /** The item in DynamoDB JSON, the form a stream record's images have. */
  static ObjectNode json(Map<String, AttributeValue> item) {
    ObjectNode json = JSON.createObjectNode();
    item.forEach((name, value) -> json.set(name, json(value)));
    return json;
  }

  private static ObjectNode json(AttributeValue value) {
    ObjectNode json = JSON.createObjectNode();
    switch (value.type()) {
      case S -> json.put("S", value.s());
      case N -> json.put("N", value.n());
      case B -> json.put("B", base64(value.b()));
      case BOOL -> json.put("BOOL", value.bool());
      case NUL -> json.put("NULL", true);
      case SS -> value.ss().forEach(json.putArray("SS")::add);
      case NS -> value.ns().forEach(json.putArray("NS")::add);
      case BS -> {
        ArrayNode set = json.putArray("BS");
        value.bs().forEach(bytes -> set.add(base64(bytes)));
      }
      case L -> {
        ArrayNode list = json.putArray("L");
        value.l().forEach(element -> list.add(json(element)));
      }
      case M -> json.set("M", json(value.m()));
      default -> throw new IllegalArgumentException("An attribute value without a type: "
          + value);
    }
    return json;
  }

  private static String base64(SdkBytes bytes) {
    return Base64.getEncoder().encodeToString(bytes.asByteArray());
  }
}
