package dev.laconic.local.engine.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.expression.Condition;
import dev.laconic.local.engine.expression.DocumentPath;
import dev.laconic.local.engine.expression.IndexKeyChecks;
import dev.laconic.local.engine.expression.Projection;
import dev.laconic.local.engine.expression.UpdateExpression;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.ItemKey;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Function;

/**
 * A PartiQL statement compiled against its table by {@link PartiqlCompiler}: a read of the table or of one of
 * its secondary indexes, or a write that a single statement, a batch and a transaction run alike.
 *
 * <p>A write is first {@linkplain Write#prepare prepared} against the items as they are (its checks, and the
 * item it leaves), then committed through {@link Table#write}, the path PutItem, UpdateItem and DeleteItem take,
 * so it stores numbers and publishes stream records exactly as they do. A transaction prepares all its
 * statements before committing any.
 */
sealed interface PartiqlStatement {
  Table table();

  /** An attribute a SELECT returns: {@code path} read from the item, named as DynamoDB names it. */
  record Column(String name, DocumentPath path) {
  }

  /**
   * Which items a SELECT reads: one item when the WHERE clause names its whole key, the partitions it names
   * ({@code =} or {@code IN} on the partition key, the table's or the index's) in the order given, or else the
   * whole table or index, as DynamoDB scans it. A read from an index never reads one item: items may share an
   * index key.
   */
  record Access(ItemKey item, List<JsonNode> partitions, boolean sortDescending) {
    static Access item(ItemKey key) {
      return new Access(key, null, false);
    }

    static Access all() {
      return new Access(null, null, false);
    }
  }

  /**
   * A SELECT from the table or, when {@code index} is not null, from one of its secondary indexes.
   * {@code columns} is null for {@code *}; {@code filter} the whole WHERE clause, or null; {@code byKeyOnly}
   * whether the WHERE clause is nothing but the whole key, as batches and transactions require.
   *
   * <p>A read from an index holds what a Query of it holds: only the items that have the index's key
   * attributes, in the index's order. Its WHERE clause sees what the index projects, and {@code *} returns
   * that; a column the index does not project is read from the table's item, which only a local index may
   * ask for ({@link SecondaryIndex#checkProjected}).
   */
  record Read(Table table, SecondaryIndex index, List<Column> columns, Condition filter, Access access,
      boolean byKeyOnly) implements PartiqlStatement {

    /** The attributes of {@code item} the statement returns. */
    ObjectNode project(ObjectNode item) {
      if (columns == null) {
        return index == null ? item : index.project(item);
      }
      ObjectNode projected = Json.object();
      for (Column column : columns) {
        JsonNode value = column.path().get(item);
        if (value != null) {
          projected.set(column.name(), value);
        }
      }
      return projected;
    }

    boolean matches(ObjectNode item) {
      return filter == null || filter.test(index == null ? item : index.project(item));
    }

    /** Where a page that ended with {@code item} stops: the table's key, and the index's for an index read. */
    ObjectNode lastKey(ObjectNode item) {
      return index == null ? table.keyAttributes(item) : index.lastEvaluatedKey(item);
    }

    /** The items read, in order; after the item {@code start} names (a {@link #lastKey}) when a page went before. */
    Iterable<ObjectNode> candidates(ObjectNode start) {
      if (access.item() != null) {
        ObjectNode item = start == null ? table.items().get(access.item()) : null;
        return item == null ? List.of() : List.of(item);
      }
      if (index == null) {
        NavigableMap<ItemKey, ObjectNode> items = table.items();
        return candidates(items, partition -> items.subMap(ItemKey.lowest(partition), true,
            ItemKey.highest(partition), true), start == null ? null : table.keyOf(start),
            start == null ? null : start.get(table.hashKey().name()));
      }
      return candidates(index.entries(null), index::partition,
          start == null ? null : index.startPosition(start, table),
          start == null ? null : start.get(index.hashKey().name()));
    }

    /**
     * The entries of {@code all}, or of the partitions read, after {@code after}, in partition
     * {@code afterPartition}, when it is not null.
     */
    private <K> Iterable<ObjectNode> candidates(NavigableMap<K, ObjectNode> all,
        Function<JsonNode, NavigableMap<K, ObjectNode>> partitionOf, K after, JsonNode afterPartition) {
      if (access.partitions() == null) {
        return after == null ? all.values() : all.tailMap(after, false).values();
      }
      List<ObjectNode> candidates = new ArrayList<>();
      boolean reached = after == null;
      for (JsonNode partition : access.partitions()) {
        NavigableMap<K, ObjectNode> part = partitionOf.apply(partition);
        if (access.sortDescending()) {
          part = part.descendingMap();
        }
        if (!reached && AttributeValues.equal(partition, afterPartition)) {
          reached = true;
          part = part.tailMap(after, false);
        }
        if (reached) {
          candidates.addAll(part.values());
        }
      }
      return candidates;
    }
  }

  /** A write statement: INSERT, UPDATE, DELETE, or a transaction's {@code EXISTS(SELECT ...)}. */
  sealed interface Write extends PartiqlStatement {
    ItemKey key();

    /** Checks the write against the items as they are; throws what DynamoDB answers when it fails. */
    Change prepare(boolean returnOldOnFailure);

    /** Whether the statement asks for RETURNING, which transactions refuse. */
    default boolean returns() {
      return false;
    }
  }

  /** A prepared write: the item it leaves ({@code null} to delete), and what RETURNING gives, if anything. */
  record Change(Table table, ItemKey key, boolean writes, ObjectNode item, ObjectNode returned) {

    void commit(Instant now) {
      if (writes) {
        table.write(key, table.items().get(key), item, now);
      }
    }
  }

  /** INSERT: a new item; one that exists is a DuplicateItemException, not a replacement as PutItem makes. */
  record Insert(Table table, ItemKey key, ObjectNode item) implements Write {
    @Override
    public Change prepare(boolean returnOldOnFailure) {
      if (table.items().containsKey(key)) {
        throw ApiException.duplicateItem();
      }
      return new Change(table, key, true, item.deepCopy(), null);
    }
  }

  /**
   * UPDATE: changes an existing item only (a missing one fails the condition, where UpdateItem would create
   * it). {@code returnValues} is UpdateItem's name for the RETURNING clause, NONE without one.
   */
  record Update(Table table, ItemKey key, UpdateExpression update, Condition condition, String returnValues)
      implements Write {
    @Override
    public Change prepare(boolean returnOldOnFailure) {
      ObjectNode old = table.items().get(key);
      if (old == null) {
        throw ApiException.conditionalCheckFailed(null);
      }
      if (condition != null && !condition.test(old)) {
        throw ApiException.conditionalCheckFailed(returnOldOnFailure ? old : null);
      }
      ObjectNode result = AttributeValues.canonical(update.apply(old));
      IndexKeyChecks.checkUpdated(table, update, result);
      AttributeValues.checkItemSize(result);
      ObjectNode returned = switch (returnValues) {
        case "ALL_OLD" -> old;
        case "ALL_NEW" -> result;
        case "UPDATED_OLD" -> Projection.apply(old, update.paths());
        case "UPDATED_NEW" -> Projection.apply(result, update.paths());
        default -> null;
      };
      return new Change(table, key, true, result, returned == null || returned.isEmpty() ? null : returned);
    }

    @Override
    public boolean returns() {
      return !returnValues.equals("NONE");
    }
  }

  /** DELETE: a missing item is no error and no write; a present one must meet the condition. */
  record Delete(Table table, ItemKey key, Condition condition, boolean returnOld) implements Write {
    @Override
    public Change prepare(boolean returnOldOnFailure) {
      ObjectNode old = table.items().get(key);
      if (old == null) {
        return new Change(table, key, false, null, null);
      }
      if (condition != null && !condition.test(old)) {
        throw ApiException.conditionalCheckFailed(returnOldOnFailure ? old : null);
      }
      return new Change(table, key, true, null, returnOld ? old : null);
    }

    @Override
    public boolean returns() {
      return returnOld;
    }
  }

  /** {@code EXISTS(SELECT ...)}: the item must exist and meet the condition; it writes nothing. */
  record Check(Table table, ItemKey key, Condition condition) implements Write {
    @Override
    public Change prepare(boolean returnOldOnFailure) {
      ObjectNode old = table.items().get(key);
      if (old == null || !condition.test(old)) {
        throw ApiException.conditionalCheckFailed(returnOldOnFailure ? old : null);
      }
      return new Change(table, key, false, null, null);
    }
  }
}
