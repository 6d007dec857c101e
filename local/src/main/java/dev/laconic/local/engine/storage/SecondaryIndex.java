package dev.laconic.local.engine.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * One secondary index of a table: its key schema, its projection, and the table's items that
 * carry its key attributes, in the index's order.
 *
 * <p>An index is sparse: an item without one of its key attributes is not in it. Entries are
 * ordered by the index's partition key, then its sort key, then the table's key: items may share
 * an index key, and the table key makes the order total, so paging neither repeats nor skips one
 * (which is why an index's LastEvaluatedKey carries both keys). The entries are the table's stored
 * items, which are never modified in place; reads project them. A global index may be keyed on any
 * attributes, cannot read what it does not project and is never strongly consistent; a local one
 * shares the table's partition key and fetches from the table what it does not project. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/SecondaryIndexes.html">Improving
 * data access with secondary indexes</a>.
 */
public final class SecondaryIndex {
  private final String name;
  private final boolean global;
  private final String arn;
  private final Table.KeyAttribute hashKey;
  private final Table.KeyAttribute rangeKey;
  private final Table.KeyAttribute tableHashKey;
  private final Table.KeyAttribute tableRangeKey;
  private final ArrayNode keySchema;
  private final ObjectNode projection;
  /** The non-key attributes an INCLUDE projection adds; {@code null} for ALL. */
  private final Set<String> projectedAttributes;
  private long readCapacity;
  private long writeCapacity;
  private final NavigableMap<Position, ObjectNode> entries = new TreeMap<>();

  public SecondaryIndex(String name, boolean global, String arn, Table.KeyAttribute hashKey,
      Table.KeyAttribute rangeKey, Table.KeyAttribute tableHashKey, Table.KeyAttribute tableRangeKey,
      ArrayNode keySchema, ObjectNode projection, Set<String> projectedAttributes) {
    this.name = name;
    this.global = global;
    this.arn = arn;
    this.hashKey = hashKey;
    this.rangeKey = rangeKey;
    this.tableHashKey = tableHashKey;
    this.tableRangeKey = tableRangeKey;
    this.keySchema = keySchema;
    this.projection = projection;
    this.projectedAttributes = projectedAttributes;
  }

  public String name() {
    return name;
  }

  public boolean isGlobal() {
    return global;
  }

  public Table.KeyAttribute hashKey() {
    return hashKey;
  }

  /** The index's sort key, or {@code null}. */
  public Table.KeyAttribute rangeKey() {
    return rangeKey;
  }

  /** The index's key attributes, partition key first. */
  public List<Table.KeyAttribute> keyAttributes() {
    return rangeKey == null ? List.of(hashKey) : List.of(hashKey, rangeKey);
  }

  public boolean isKeyAttribute(String attribute) {
    return attribute.equals(hashKey.name()) || (rangeKey != null && attribute.equals(rangeKey.name()));
  }

  public void throughput(long read, long write) {
    readCapacity = read;
    writeCapacity = write;
  }

  /** Whether the index holds every attribute of the items it holds. */
  public boolean projectsAll() {
    return projectedAttributes == null;
  }

  /** Whether the index holds {@code attribute} of the items it holds: a key attribute or a projected one. */
  public boolean projects(String attribute) {
    return projectedAttributes == null || projectedAttributes.contains(attribute) || isKeyAttribute(attribute)
        || attribute.equals(tableHashKey.name()) || (tableRangeKey != null && attribute.equals(tableRangeKey.name()));
  }

  /**
   * Refuses {@code attributes} this global index does not project, naming them once each in the order asked, as
   * Query, Scan and a PartiQL SELECT from the index are refused.
   */
  public void checkProjected(List<String> attributes) {
    Set<String> notProjected = new LinkedHashSet<>();
    attributes.stream().filter(attribute -> !projects(attribute)).forEach(notProjected::add);
    if (!notProjected.isEmpty()) {
      throw ApiException.invalidParameters("Global secondary index " + name + " does not project "
          + new ArrayList<>(notProjected));
    }
  }

  /** Puts the item written under {@code tableKey} where it belongs, if it has this index's key attributes. */
  void update(ItemKey tableKey, ObjectNode oldItem, ObjectNode newItem) {
    if (oldItem != null && holds(oldItem)) {
      entries.remove(position(oldItem, tableKey));
    }
    if (newItem != null && holds(newItem)) {
      entries.put(position(newItem, tableKey), newItem);
    }
  }

  /**
   * Whether the index holds the item: it has every key attribute of the index with the declared
   * type. Writes refuse a key attribute of another type or an empty one; an item stored before a
   * global index was added may still have one, and DynamoDB leaves that item out of the index.
   */
  private boolean holds(JsonNode item) {
    for (Table.KeyAttribute key : keyAttributes()) {
      JsonNode value = item.get(key.name());
      if (value == null || !AttributeValues.type(value).equals(key.type())
          || AttributeValues.payload(value).asText().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private Position position(JsonNode item, ItemKey tableKey) {
    return new Position(indexKey(item), tableKey, 0);
  }

  private ItemKey indexKey(JsonNode item) {
    return ItemKey.of(item.get(hashKey.name()), rangeKey == null ? null : item.get(rangeKey.name()));
  }

  /** Every item of the index in index order, after {@code start} when it is given. */
  public NavigableMap<Position, ObjectNode> entries(Position start) {
    return start == null ? entries : entries.tailMap(start, false);
  }

  /** The items whose index partition key is {@code hashValue}, in index order. */
  public NavigableMap<Position, ObjectNode> partition(JsonNode hashValue) {
    return entries.subMap(new Position(ItemKey.lowest(hashValue), null, -1), true,
        new Position(ItemKey.highest(hashValue), null, 1), true);
  }

  /**
   * The place an {@code ExclusiveStartKey} names: the table's key and this index's key, nothing
   * else, each of its declared type.
   */
  public Position startPosition(ObjectNode start, Table table) {
    AttributeValues.validateItem(start);
    for (Table.KeyAttribute key : keyAttributes()) {
      JsonNode value = start.get(key.name());
      if (value == null) {
        throw invalidStartKey();
      }
      if (!AttributeValues.type(value).equals(key.type())) {
        throw ApiException.validation("The provided key element does not match the schema");
      }
    }
    ObjectNode tableKey = Json.object();
    for (Table.KeyAttribute key : tableRangeKey == null ? List.of(tableHashKey)
        : List.of(tableHashKey, tableRangeKey)) {
      JsonNode value = start.get(key.name());
      if (value == null) {
        throw invalidStartKey();
      }
      tableKey.set(key.name(), value);
    }
    for (var it = start.fieldNames(); it.hasNext(); ) {
      String attribute = it.next();
      if (!isKeyAttribute(attribute) && !tableKey.has(attribute)) {
        throw invalidStartKey();
      }
    }
    ItemKey key;
    try {
      key = table.keyOf(tableKey);
    } catch (ApiException e) {
      throw ApiException.validation("The provided starting key is invalid: " + e.getMessage());
    }
    return position(start, key);
  }

  private static ApiException invalidStartKey() {
    return ApiException.validation("The provided starting key is invalid");
  }

  /** The table's key and this index's key of an item, as an index read's LastEvaluatedKey. */
  public ObjectNode lastEvaluatedKey(JsonNode item) {
    ObjectNode key = Json.object();
    key.set(tableHashKey.name(), item.get(tableHashKey.name()));
    if (tableRangeKey != null) {
      key.set(tableRangeKey.name(), item.get(tableRangeKey.name()));
    }
    for (Table.KeyAttribute indexKey : keyAttributes()) {
      key.set(indexKey.name(), item.get(indexKey.name()));
    }
    return key;
  }

  /** What the index holds of an item: all of it, or its keys and the projected attributes. */
  public ObjectNode project(ObjectNode item) {
    if (projectedAttributes == null) {
      return item;
    }
    ObjectNode projected = Json.object();
    item.fields().forEachRemaining(attribute -> {
      if (projects(attribute.getKey())) {
        projected.set(attribute.getKey(), attribute.getValue());
      }
    });
    return projected;
  }

  /**
   * Refuses a write that would give one of this index's key attributes another type than the
   * declared one, or an empty string or binary; such an item could be neither in the index nor
   * left out of it.
   */
  public void checkKeyValues(JsonNode item) {
    for (Table.KeyAttribute key : keyAttributes()) {
      JsonNode value = item.get(key.name());
      if (value == null) {
        continue;
      }
      String type = AttributeValues.type(value);
      if (!type.equals(key.type())) {
        throw typeMismatch(key, type);
      }
      if (AttributeValues.payload(value).asText().isEmpty()) {
        throw ApiException.validation("One or more parameter values are not valid. A value specified for a "
            + "secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty "
            + (type.equals("B") ? "binary" : "string") + " value. IndexName: " + name + ", IndexKey: " + key.name());
      }
    }
  }

  public ApiException typeMismatch(Table.KeyAttribute key, String actualType) {
    return ApiException.validation("One or more parameter values were invalid: Type mismatch for Index Key "
        + key.name() + " Expected: " + key.type() + " Actual: " + actualType + " IndexName: " + name);
  }

  /**
   * The index's description for DescribeTable: a global index's with its status and capacity, a
   * local one's without (it shares the table's). Counts and sizes are current, where DynamoDB
   * updates them about every six hours.
   */
  ObjectNode describe(String status) {
    ObjectNode description = Json.object();
    description.put("IndexName", name);
    description.set("KeySchema", keySchema);
    description.set("Projection", projection);
    if (global) {
      description.put("IndexStatus", status);
      ObjectNode throughput = description.putObject("ProvisionedThroughput");
      throughput.put("NumberOfDecreasesToday", 0);
      throughput.put("ReadCapacityUnits", readCapacity);
      throughput.put("WriteCapacityUnits", writeCapacity);
    }
    description.put("IndexSizeBytes", entries.values().stream().mapToLong(item -> AttributeValues.itemSize(
        project(item))).sum());
    description.put("ItemCount", entries.size());
    description.put("IndexArn", arn);
    return description;
  }

  /**
   * A place in the index: an entry's index key and table key, or, with {@code bound} -1 or 1, a
   * place before or after every entry of an index key.
   */
  public record Position(ItemKey indexKey, ItemKey tableKey, int bound) implements Comparable<Position> {
    @Override
    public int compareTo(Position other) {
      int byIndexKey = indexKey.compareTo(other.indexKey);
      if (byIndexKey != 0) {
        return byIndexKey;
      }
      if (bound != 0 || other.bound != 0) {
        return Integer.compare(bound, other.bound);
      }
      return tableKey.compareTo(other.tableKey);
    }
  }
}
