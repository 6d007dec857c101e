package dev.laconic.local.engine.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.stream.Stream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One table: its key schema, settings, items, secondary indexes and latest stream.
 *
 * <p>Stored items are never modified in place: every write stores a new object, so items can be handed to
 * responses, indexes and stream records without copying. Every write goes through {@link #write} or
 * {@link #expire}, which keep the indexes up to date; only the table publishes stream records.
 */
public final class Table {
  /** A key attribute and its scalar type: S, N or B. */
  public record KeyAttribute(String name, String type) {
  }

  private static final int MAX_PARTITION_KEY_BYTES = 2048;
  private static final int MAX_SORT_KEY_BYTES = 1024;

  private final String name;
  private final String arn;
  private final String id = UUID.randomUUID().toString();
  private final Instant created;
  private final KeyAttribute hashKey;
  private final KeyAttribute rangeKey;
  private final ArrayNode keySchema;
  private ArrayNode attributeDefinitions;
  private final NavigableMap<ItemKey, ObjectNode> items = new TreeMap<>();
  /** Global indexes first, then local ones, each in the order declared. */
  private final List<SecondaryIndex> indexes = new ArrayList<>();
  private String billingMode;
  private long readCapacity;
  private long writeCapacity;
  private Stream stream;
  /** The attribute whose epoch seconds say when an item expires, or null while TTL is off. */
  private String ttlAttribute;

  public Table(String name, String arn, Instant created, KeyAttribute hashKey, KeyAttribute rangeKey,
      ArrayNode keySchema, ArrayNode attributeDefinitions) {
    this.name = name;
    this.arn = arn;
    this.created = created;
    this.hashKey = hashKey;
    this.rangeKey = rangeKey;
    this.keySchema = keySchema;
    this.attributeDefinitions = attributeDefinitions;
  }

  public String name() {
    return name;
  }

  ArrayNode keySchema() {
    return keySchema;
  }

  public KeyAttribute hashKey() {
    return hashKey;
  }

  /** The sort key, or {@code null}. */
  public KeyAttribute rangeKey() {
    return rangeKey;
  }

  public NavigableMap<ItemKey, ObjectNode> items() {
    return items;
  }

  public String arn() {
    return arn;
  }

  public ArrayNode attributeDefinitions() {
    return attributeDefinitions;
  }

  /** Replaces the definitions; the old ones may still be in a response being written. */
  public void attributeDefinitions(ArrayNode definitions) {
    attributeDefinitions = definitions;
  }

  /**
   * The secondary indexes, global ones first: a read-only view, not a copy, since every UpdateItem
   * walks it once per path it writes.
   */
  public List<SecondaryIndex> indexes() {
    return Collections.unmodifiableList(indexes);
  }

  /** The index named {@code name}, or {@code null}. */
  public SecondaryIndex index(String name) {
    return indexes.stream().filter(index -> index.name().equals(name)).findFirst().orElse(null);
  }

  /** Adds an index, filled with the items that have its key attributes, as DynamoDB backfills one. */
  public void addIndex(SecondaryIndex index) {
    items.forEach((key, item) -> index.update(key, null, item));
    int firstLocal = (int) indexes.stream().filter(SecondaryIndex::isGlobal).count();
    indexes.add(index.isGlobal() ? firstLocal : indexes.size(), index);
  }

  /**
   * Refuses an item whose key attributes of an index have another type than declared, or are empty
   * ({@link SecondaryIndex#checkKeyValues}): every write of a whole item passes this before it is prepared.
   */
  public void checkIndexKeys(JsonNode item) {
    for (SecondaryIndex index : indexes) {
      index.checkKeyValues(item);
    }
  }

  public void removeIndex(SecondaryIndex index) {
    indexes.remove(index);
  }

  public String ttlAttribute() {
    return ttlAttribute;
  }

  public void ttlAttribute(String attribute) {
    this.ttlAttribute = attribute;
  }

  /**
   * Deletes the items whose TTL attribute (a number of epoch seconds) lies before {@code now},
   * as DynamoDB's TTL does: a REMOVE record each, by the service itself ({@code userIdentity}).
   * DynamoDB leaves alone a value more than five years in the past, or one that is not a number.
   */
  void expire(Instant now) {
    if (ttlAttribute == null) {
      return;
    }
    long seconds = now.getEpochSecond();
    long fiveYears = 5L * 365 * 24 * 3600;
    List<ItemKey> expired = new ArrayList<>();
    items.forEach((key, item) -> {
      JsonNode value = item.get(ttlAttribute);
      if (value == null || !value.has("N")) {
        return;
      }
      BigDecimal at = AttributeValues.number(value.get("N").asText());
      if (at.compareTo(BigDecimal.valueOf(seconds)) < 0
          && at.compareTo(BigDecimal.valueOf(seconds - fiveYears)) >= 0) {
        expired.add(key);
      }
    });
    for (ItemKey key : expired) {
      ObjectNode old = items.remove(key);
      indexes.forEach(index -> index.update(key, old, null));
      if (stream != null && stream.isEnabled()) {
        stream.append("REMOVE", keyAttributes(old), old, null, now, true);
      }
    }
  }

  /** The latest stream, enabled or not, or {@code null} if the table never had one. */
  public Stream stream() {
    return stream;
  }

  public void stream(Stream stream) {
    this.stream = stream;
  }

  public String billingMode() {
    return billingMode;
  }

  public void billing(String mode, long read, long write) {
    billingMode = mode;
    readCapacity = read;
    writeCapacity = write;
  }

  public boolean isKeyAttribute(String attribute) {
    return attribute.equals(hashKey.name()) || (rangeKey != null && attribute.equals(rangeKey.name()));
  }

  /** The key of a full item, checking that the key attributes are present and of the declared types. */
  public ItemKey keyOfItem(JsonNode item) {
    JsonNode hash = keyValue(item, hashKey);
    JsonNode range = rangeKey == null ? null : keyValue(item, rangeKey);
    return ItemKey.of(hash, range);
  }

  private JsonNode keyValue(JsonNode item, KeyAttribute key) {
    JsonNode value = item.get(key.name());
    if (value == null) {
      throw ApiException.validation(
          "One or more parameter values were invalid: Missing the key " + key.name() + " in the item");
    }
    if (!AttributeValues.type(value).equals(key.type())) {
      throw ApiException.validation("One or more parameter values were invalid: Type mismatch for key "
          + key.name() + " expected: " + key.type() + " actual: " + AttributeValues.type(value));
    }
    checkKeyContent(key, value);
    return value;
  }

  /**
   * The key given as a {@code Key} or {@code ExclusiveStartKey} parameter, which must hold exactly the key
   * attributes.
   */
  public ItemKey keyOf(JsonNode key) {
    AttributeValues.validateItem(key);
    int expected = rangeKey == null ? 1 : 2;
    if (key.size() != expected || !matches(key, hashKey) || (rangeKey != null && !matches(key, rangeKey))) {
      throw ApiException.validation("The provided key element does not match the schema");
    }
    checkKeyContent(hashKey, key.get(hashKey.name()));
    if (rangeKey != null) {
      checkKeyContent(rangeKey, key.get(rangeKey.name()));
    }
    return ItemKey.of(key.get(hashKey.name()), rangeKey == null ? null : key.get(rangeKey.name()));
  }

  private static boolean matches(JsonNode key, KeyAttribute attribute) {
    JsonNode value = key.get(attribute.name());
    return value != null && AttributeValues.type(value).equals(attribute.type());
  }

  /** Key values may not be empty and have size limits; see the DynamoDB service quotas for keys. */
  private void checkKeyContent(KeyAttribute key, JsonNode value) {
    String text = AttributeValues.payload(value).asText();
    long bytes = key.type().equals("B") ? AttributeValues.binary(text).length
        : text.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0) {
      throw ApiException.validation("One or more parameter values are not valid. The AttributeValue for a key "
          + "attribute cannot contain an empty " + (key.type().equals("B") ? "binary" : "string")
          + " value. Key: " + key.name());
    }
    boolean partition = key == hashKey;
    if (bytes > (partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES)) {
      throw ApiException.validation("One or more parameter values were invalid: Size of "
          + (partition ? "hashkey" : "rangekey") + " has exceeded the maximum size limit of "
          + (partition ? MAX_PARTITION_KEY_BYTES : MAX_SORT_KEY_BYTES) + " bytes");
    }
  }

  /** The key attributes of an item. */
  public ObjectNode keyAttributes(JsonNode item) {
    ObjectNode key = Json.object();
    key.set(hashKey.name(), item.get(hashKey.name()));
    if (rangeKey != null) {
      key.set(rangeKey.name(), item.get(rangeKey.name()));
    }
    return key;
  }

  /**
   * Stores {@code newItem} (or deletes the item when it is {@code null}) and writes a stream record if the item
   * really changed: DynamoDB Streams records modifications, so a write that leaves the item as it was produces
   * none.
   */
  public void write(ItemKey key, ObjectNode oldItem, ObjectNode written, Instant now) {
    // Stored, returned and published with its numbers as DynamoDB writes them.
    ObjectNode newItem = written == null ? null : AttributeValues.canonical(written);
    if (newItem == null) {
      items.remove(key);
    } else {
      items.put(key, newItem);
    }
    indexes.forEach(index -> index.update(key, oldItem, newItem));
    if (stream == null || !stream.isEnabled() || (oldItem == null && newItem == null)) {
      return;
    }
    if (oldItem != null && newItem != null && AttributeValues.equalItems(oldItem, newItem)) {
      return;
    }
    String eventName = oldItem == null ? "INSERT" : newItem == null ? "REMOVE" : "MODIFY";
    stream.append(eventName, keyAttributes(newItem != null ? newItem : oldItem), oldItem, newItem, now);
  }

  /** The {@code TableDescription} structure with the given status. */
  public ObjectNode describe(String status) {
    ObjectNode description = Json.object();
    description.put("TableName", name);
    description.put("TableArn", arn);
    description.put("TableId", id);
    description.put("TableStatus", status);
    description.put("CreationDateTime", BigDecimal.valueOf(created.toEpochMilli(), 3));
    description.set("KeySchema", keySchema);
    description.set("AttributeDefinitions", attributeDefinitions);
    description.put("ItemCount", items.size());
    description.put("TableSizeBytes", items.values().stream().mapToLong(AttributeValues::itemSize).sum());
    ObjectNode throughput = description.putObject("ProvisionedThroughput");
    throughput.put("NumberOfDecreasesToday", 0);
    throughput.put("ReadCapacityUnits", readCapacity);
    throughput.put("WriteCapacityUnits", writeCapacity);
    description.putObject("BillingModeSummary").put("BillingMode", billingMode);
    for (SecondaryIndex index : indexes) {
      String list = index.isGlobal() ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes";
      ArrayNode described = description.has(list) ? (ArrayNode) description.get(list) : description.putArray(list);
      described.add(index.describe(status));
    }
    description.put("DeletionProtectionEnabled", false);
    if (stream != null) {
      if (stream.isEnabled()) {
        ObjectNode specification = description.putObject("StreamSpecification");
        specification.put("StreamEnabled", true);
        specification.put("StreamViewType", stream.viewType());
      }
      description.put("LatestStreamLabel", stream.label());
      description.put("LatestStreamArn", stream.arn());
    }
    return description;
  }
}
