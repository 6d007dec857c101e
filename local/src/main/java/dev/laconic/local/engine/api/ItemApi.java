package dev.laconic.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.expression.Condition;
import dev.laconic.local.engine.expression.DocumentPath;
import dev.laconic.local.engine.expression.ExpressionContext;
import dev.laconic.local.engine.expression.ExpressionParser;
import dev.laconic.local.engine.expression.IndexKeyChecks;
import dev.laconic.local.engine.expression.KeyCondition;
import dev.laconic.local.engine.expression.Projection;
import dev.laconic.local.engine.expression.UpdateExpression;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.Engine;
import dev.laconic.local.engine.storage.ItemKey;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The item operations: PutItem, GetItem, UpdateItem, DeleteItem, BatchWriteItem, BatchGetItem, Scan and Query.
 *
 * <p>Only the expression parameters are supported; the legacy ones (Expected, AttributeUpdates, KeyConditions,
 * ScanFilter, AttributesToGet, ...) are rejected with a ValidationException rather than ignored. Query and Scan
 * read a secondary index with IndexName ({@link IndexRead}); writes keep the indexes up to date through
 * {@link Table#write} and are checked against their key attributes ({@link Table#checkIndexKeys},
 * {@link IndexKeyChecks}). See the <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB.html">DynamoDB
 * API reference</a>.
 */
final class ItemApi {
  private static final Set<String> RETURN_VALUES =
      Set.of("NONE", "ALL_OLD", "UPDATED_OLD", "ALL_NEW", "UPDATED_NEW");
  private static final Set<String> NONE_OR_ALL_OLD = Set.of("NONE", "ALL_OLD");
  private static final Set<String> SELECT =
      Set.of("ALL_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES", "SPECIFIC_ATTRIBUTES", "COUNT");
  private static final int MAX_BATCH_WRITE = 25;
  private static final int MAX_BATCH_GET = 100;

  private final Engine engine;

  ItemApi(Engine engine) {
    this.engine = engine;
  }

  ObjectNode put(JsonNode request) {
    return preparePut(request).commit(engine.now());
  }

  /** A PutItem checked against the items as they are, to commit or to drop. */
  private Prepared preparePut(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    rejectUnsupported(request, "Expected", "ConditionalOperator");
    ObjectNode item = Json.requiredObject(request, "Item");
    AttributeValues.validateItem(item);
    ItemKey key = table.keyOfItem(item);
    table.checkIndexKeys(item);
    AttributeValues.checkItemSize(item);
    return prepareWrite(request, new Write(table, key, item));
  }

  ObjectNode get(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    rejectUnsupported(request, "AttributesToGet");
    ItemKey key = table.keyOf(Json.requiredObject(request, "Key"));
    Json.optionalBoolean(request, "ConsistentRead", false);
    ExpressionContext context = new ExpressionContext(request);
    List<DocumentPath> projection = projection(request, context);
    context.checkAllUsed(projection != null);
    ObjectNode item = table.items().get(key);
    ObjectNode response = Json.object();
    if (item != null) {
      response.set("Item", projection == null ? item : Projection.apply(item, projection));
    }
    return response;
  }

  ObjectNode delete(JsonNode request) {
    return prepareDelete(request).commit(engine.now());
  }

  private Prepared prepareDelete(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    rejectUnsupported(request, "Expected", "ConditionalOperator");
    ItemKey key = table.keyOf(Json.requiredObject(request, "Key"));
    return prepareWrite(request, new Write(table, key, null));
  }

  /**
   * The checks PutItem and DeleteItem share once the write is known: ReturnValues (NONE or ALL_OLD) and the
   * ConditionExpression, tested against the item as it is.
   */
  private Prepared prepareWrite(JsonNode request, Write write) {
    String returnValues = returnValues(request, NONE_OR_ALL_OLD);
    boolean returnOldOnFailure = returnOldOnFailure(request);
    ExpressionContext context = new ExpressionContext(request);
    Condition condition = condition(request, "ConditionExpression", context);
    context.checkAllUsed(condition != null);
    ObjectNode old = write.table().items().get(write.key());
    check(condition, old, returnOldOnFailure);
    return write.then(attributes(returnValues.equals("ALL_OLD") ? old : null));
  }

  /**
   * UpdateItem: creates the item when it is missing, except for an update that only removes data, which DynamoDB
   * does not turn into a new item.
   */
  ObjectNode update(JsonNode request) {
    return prepareUpdate(request).commit(engine.now());
  }

  private Prepared prepareUpdate(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    rejectUnsupported(request, "AttributeUpdates", "Expected", "ConditionalOperator");
    ObjectNode keyAttributes = Json.requiredObject(request, "Key");
    ItemKey key = table.keyOf(keyAttributes);
    String returnValues = returnValues(request, RETURN_VALUES);
    boolean returnOldOnFailure = returnOldOnFailure(request);
    ExpressionContext context = new ExpressionContext(request);
    String updateText = Json.optionalString(request, "UpdateExpression");
    UpdateExpression update =
        updateText == null ? null : new ExpressionParser(updateText, "UpdateExpression", context).update();
    Condition condition = condition(request, "ConditionExpression", context);
    context.checkAllUsed(update != null || condition != null);
    List<DocumentPath> updated = update == null ? List.of() : update.paths();
    for (DocumentPath path : updated) {
      if (table.isKeyAttribute(path.attribute())) {
        throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
            + path.attribute() + ". This attribute is part of the key");
      }
    }
    if (update != null) {
      IndexKeyChecks.checkExpression(table, update);
    }
    ObjectNode old = table.items().get(key);
    check(condition, old, returnOldOnFailure);
    ObjectNode base = old != null ? old : table.keyAttributes(keyAttributes);
    ObjectNode result;
    if (update == null) {
      result = base;
    } else if (old == null && !update.addsData()) {
      result = null;
    } else {
      // UPDATED_NEW and ALL_NEW return the numbers as stored.
      result = AttributeValues.canonical(update.apply(base));
    }
    if (result != null) {
      if (update != null) {
        IndexKeyChecks.checkUpdated(table, update, result);
      }
      AttributeValues.checkItemSize(result);
    }
    ObjectNode returned = switch (returnValues) {
      case "ALL_OLD" -> old;
      case "ALL_NEW" -> result;
      case "UPDATED_OLD" -> old == null ? null : Projection.apply(old, updated);
      case "UPDATED_NEW" -> result == null ? null : Projection.apply(result, updated);
      default -> null;
    };
    return new Write(table, key, result)
        .then(attributes(returned == null || returned.isEmpty() ? null : returned));
  }

  /** BatchWriteItem: validates every request first, then applies them all; nothing is ever left unprocessed. */
  ObjectNode batchWrite(JsonNode request) {
    ObjectNode requestItems = Json.requiredObject(request, "RequestItems");
    int count = 0;
    for (JsonNode writes : requestItems) {
      count += writes.size();
    }
    if (count < 1 || count > MAX_BATCH_WRITE) {
      throw Json.constraint("RequestItems", count + " requests",
          "Member must have length between 1 and " + MAX_BATCH_WRITE);
    }
    List<Write> writes = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Table table = engine.table(Json.checkTableName(entry.getKey()));
      if (!entry.getValue().isArray()) {
        throw ApiException.serialization("Expected a list of write requests for " + entry.getKey());
      }
      Set<ItemKey> keys = new TreeSet<>();
      for (JsonNode write : entry.getValue()) {
        ObjectNode put = Json.optionalObject(write, "PutRequest");
        ObjectNode delete = Json.optionalObject(write, "DeleteRequest");
        if ((put == null) == (delete == null)) {
          throw ApiException.validation(
              "A WriteRequest must contain exactly one of PutRequest and DeleteRequest");
        }
        ObjectNode item = null;
        ItemKey key;
        if (put != null) {
          item = Json.requiredObject(put, "Item");
          AttributeValues.validateItem(item);
          key = table.keyOfItem(item);
          table.checkIndexKeys(item);
          AttributeValues.checkItemSize(item);
        } else {
          key = table.keyOf(Json.requiredObject(delete, "Key"));
        }
        if (!keys.add(key)) {
          throw ApiException.validation("Provided list of item keys contains duplicates");
        }
        writes.add(new Write(table, key, item));
      }
    }
    for (Write write : writes) {
      write.apply(engine.now());
    }
    ObjectNode response = Json.object();
    response.putObject("UnprocessedItems");
    return response;
  }

  /** One item written: replaced by {@code item}, or deleted when it is null. */
  private record Write(Table table, ItemKey key, ObjectNode item) {

    void apply(Instant now) {
      table.write(key, table.items().get(key), item, now);
    }

    Prepared then(ObjectNode response) {
      return new Prepared(this, response);
    }
  }

  /**
   * A write whose checks passed (none for a transaction's ConditionCheck), and the response it
   * gives once applied.
   */
  private record Prepared(Write write, ObjectNode response) {

    ObjectNode commit(Instant now) {
      if (write != null) {
        write.apply(now);
      }
      return response;
    }
  }

  /**
   * TransactWriteItems: every action is checked against the items as they are before any is
   * applied (a failed condition cancels them all, with a reason per action), then all are
   * applied, each publishing its stream record as a single write does.
   */
  ObjectNode transactWrite(JsonNode request) {
    JsonNode actions = Json.field(request, "TransactItems");
    if (actions == null || !actions.isArray() || actions.isEmpty() || actions.size() > 100) {
      throw Json.constraint("TransactItems", String.valueOf(actions),
          "Member must have length between 1 and 100");
    }
    List<Prepared> prepared = new ArrayList<>();
    List<ObjectNode> reasons = new ArrayList<>();
    boolean canceled = false;
    Map<String, Set<ItemKey>> items = new java.util.HashMap<>();
    for (JsonNode action : actions) {
      if (action.size() != 1) {
        throw ApiException.validation("A TransactWriteItem must contain exactly one of"
            + " ConditionCheck, Put, Delete and Update");
      }
      String kind = action.fieldNames().next();
      JsonNode operation = action.get(kind);
      Table table = engine.table(Json.tableName(operation));
      ItemKey key = kind.equals("Put") ? table.keyOfItem(Json.requiredObject(operation, "Item"))
          : table.keyOf(Json.requiredObject(operation, "Key"));
      if (!items.computeIfAbsent(table.name(), name -> new TreeSet<>()).add(key)) {
        throw ApiException.validation("Transaction request cannot include multiple operations on"
            + " one item");
      }
      try {
        prepared.add(switch (kind) {
          case "Put" -> preparePut(operation);
          case "Update" -> prepareUpdate(operation);
          case "Delete" -> prepareDelete(operation);
          case "ConditionCheck" -> prepareConditionCheck(table, key, operation);
          default -> throw ApiException.validation("Unknown TransactWriteItem action " + kind);
        });
        ObjectNode none = Json.object();
        none.put("Code", "None");
        reasons.add(none);
      } catch (ApiException e) {
        if (!e.isConditionalCheckFailed()) {
          throw e;
        }
        canceled = true;
        reasons.add(e.cancellationReason());
      }
    }
    if (canceled) {
      throw ApiException.transactionCanceled(reasons);
    }
    Instant now = engine.now();
    prepared.forEach(write -> write.commit(now));
    return Json.object();
  }

  /** A ConditionCheck action: its condition, and no write. */
  private Prepared prepareConditionCheck(Table table, ItemKey key, JsonNode operation) {
    ExpressionContext context = new ExpressionContext(operation);
    Condition condition = condition(operation, "ConditionExpression", context);
    if (condition == null) {
      throw Json.missing("ConditionExpression");
    }
    context.checkAllUsed(true);
    ObjectNode old = table.items().get(key);
    check(condition, old, returnOldOnFailure(operation));
    return new Prepared(null, Json.object());
  }

  /**
   * TransactGetItems: every item read as of one moment (the engine answers one request at a
   * time), in the order asked; a missing item is an empty response.
   */
  ObjectNode transactGet(JsonNode request) {
    JsonNode actions = Json.field(request, "TransactItems");
    if (actions == null || !actions.isArray() || actions.isEmpty() || actions.size() > 100) {
      throw Json.constraint("TransactItems", String.valueOf(actions),
          "Member must have length between 1 and 100");
    }
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    for (JsonNode action : actions) {
      JsonNode get = Json.field(action, "Get");
      if (get == null || action.size() != 1) {
        throw ApiException.validation("A TransactGetItem must contain exactly one Get");
      }
      responses.add(get(get));
    }
    return response;
  }

  /** BatchGetItem: every key is answered; nothing is ever left unprocessed. */
  ObjectNode batchGet(JsonNode request) {
    ObjectNode requestItems = Json.requiredObject(request, "RequestItems");
    int count = 0;
    for (JsonNode keysAndAttributes : requestItems) {
      count += Json.requiredArray(keysAndAttributes, "Keys").size();
    }
    if (count < 1 || count > MAX_BATCH_GET) {
      throw Json.constraint("RequestItems", count + " keys",
          "Member must have length between 1 and " + MAX_BATCH_GET);
    }
    ObjectNode responses = Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = requestItems.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Table table = engine.table(Json.checkTableName(entry.getKey()));
      JsonNode keysAndAttributes = entry.getValue();
      rejectUnsupported(keysAndAttributes, "AttributesToGet");
      ExpressionContext context = new ExpressionContext(keysAndAttributes);
      List<DocumentPath> projection = projection(keysAndAttributes, context);
      context.checkAllUsed(projection != null);
      Set<ItemKey> keys = new TreeSet<>();
      ArrayNode found = responses.putArray(table.name());
      for (JsonNode keyAttributes : Json.requiredArray(keysAndAttributes, "Keys")) {
        ItemKey key = table.keyOf(keyAttributes);
        if (!keys.add(key)) {
          throw ApiException.validation("Provided list of item keys contains duplicates");
        }
        ObjectNode item = table.items().get(key);
        if (item != null) {
          found.add(projection == null ? item : Projection.apply(item, projection));
        }
      }
    }
    ObjectNode response = Json.object();
    response.set("Responses", responses);
    response.putObject("UnprocessedKeys");
    return response;
  }

  /**
   * Scan: all items in key order (an index's in index order), with optional filter, projection, Limit and
   * ExclusiveStartKey paging.
   */
  ObjectNode scan(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    rejectUnsupported(request, "Segment", "TotalSegments", "ScanFilter", "AttributesToGet", "ConditionalOperator");
    SecondaryIndex index = index(request, table);
    ExpressionContext context = new ExpressionContext(request);
    Condition filter = condition(request, "FilterExpression", context);
    List<DocumentPath> projection = projection(request, context);
    context.checkAllUsed(filter != null || projection != null);
    String select = select(request, projection, index, false);
    ObjectNode start = Json.optionalObject(request, "ExclusiveStartKey");
    if (index != null) {
      IndexRead read = new IndexRead(index, request, select, projection);
      Iterable<ObjectNode> candidates = index.entries(start == null ? null : index.startPosition(start, table))
          .values().stream().map(read::view)::iterator;
      return page(request, candidates, filter, read.output(), index::lastEvaluatedKey, select);
    }
    NavigableMap<ItemKey, ObjectNode> items =
        start == null ? table.items() : table.items().tailMap(table.keyOf(start), false);
    return page(request, items.values(), filter, output(projection), table::keyAttributes, select);
  }

  /**
   * Query: one partition of the table or of an index, optionally narrowed by a sort key condition, in sort key
   * order (reversed with {@code ScanIndexForward=false}); see
   * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Query.KeyConditionExpressions.html">Key
   * condition expressions</a>.
   */
  ObjectNode query(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    rejectUnsupported(request, "KeyConditions", "QueryFilter", "AttributesToGet", "ConditionalOperator");
    SecondaryIndex index = index(request, table);
    Table.KeyAttribute hashKey = index == null ? table.hashKey() : index.hashKey();
    Table.KeyAttribute rangeKey = index == null ? table.rangeKey() : index.rangeKey();
    String keyConditionText = Json.optionalString(request, "KeyConditionExpression");
    if (keyConditionText == null) {
      throw ApiException.validation(
          "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }
    ExpressionContext context = new ExpressionContext(request);
    KeyCondition keyCondition = KeyCondition.of(hashKey, rangeKey,
        new ExpressionParser(keyConditionText, "KeyConditionExpression", context).condition());
    String filterText = Json.optionalString(request, "FilterExpression");
    Condition filter = null;
    if (filterText != null) {
      ExpressionParser parser = new ExpressionParser(filterText, "FilterExpression", context);
      filter = parser.condition();
      for (DocumentPath path : parser.paths()) {
        if (path.attribute().equals(hashKey.name()) || (rangeKey != null && path.attribute().equals(rangeKey.name()))) {
          throw ApiException.validation("Filter Expression can only contain non-primary key attributes: "
              + "Primary key attribute: " + path.attribute());
        }
      }
    }
    List<DocumentPath> projection = projection(request, context);
    context.checkAllUsed(true);
    String select = select(request, projection, index, true);
    boolean forward = Json.optionalBoolean(request, "ScanIndexForward", true);
    ObjectNode start = Json.optionalObject(request, "ExclusiveStartKey");
    IndexRead read = index == null ? null : new IndexRead(index, request, select, projection);
    NavigableMap<?, ObjectNode> partition;
    if (index == null) {
      NavigableMap<ItemKey, ObjectNode> items = table.items().subMap(
          ItemKey.lowest(keyCondition.hashValue()), true, ItemKey.highest(keyCondition.hashValue()), true);
      if (start != null) {
        ItemKey startKey = table.keyOf(start);
        checkInPartition(start, hashKey, keyCondition);
        items = forward ? items.tailMap(startKey, false) : items.headMap(startKey, false);
      }
      partition = items;
    } else {
      NavigableMap<SecondaryIndex.Position, ObjectNode> entries = index.partition(keyCondition.hashValue());
      if (start != null) {
        SecondaryIndex.Position position = index.startPosition(start, table);
        checkInPartition(start, hashKey, keyCondition);
        entries = forward ? entries.tailMap(position, false) : entries.headMap(position, false);
      }
      partition = entries;
    }
    Iterable<ObjectNode> candidates = (forward ? partition : partition.descendingMap()).values().stream()
        .filter(keyCondition::matchesRange).map(item -> read == null ? item : read.view(item))::iterator;
    return index == null
        ? page(request, candidates, filter, output(projection), table::keyAttributes, select)
        : page(request, candidates, filter, read.output(), index::lastEvaluatedKey, select);
  }

  private static void checkInPartition(ObjectNode start, Table.KeyAttribute hashKey, KeyCondition keyCondition) {
    if (!AttributeValues.equal(start.get(hashKey.name()), keyCondition.hashValue())) {
      throw ApiException.validation("The provided starting key is invalid: "
          + "The provided starting key is outside query boundaries based on provided conditions");
    }
  }

  /** The index the request's IndexName names, or {@code null} when it has none. */
  private static SecondaryIndex index(JsonNode request, Table table) {
    String name = Json.optionalString(request, "IndexName");
    if (name == null) {
      return null;
    }
    SecondaryIndex index = table.index(Json.checkName("IndexName", name));
    if (index == null) {
      throw ApiException.validation("The table does not have the specified index: " + name);
    }
    return index;
  }

  private static UnaryOperator<ObjectNode> output(List<DocumentPath> projection) {
    return projection == null ? item -> item : item -> Projection.apply(item, projection);
  }

  /**
   * One page of a Scan or Query: the items the filter keeps, as {@code output} returns them. {@code Limit} counts
   * the items read before the filter, and a page cut short by it carries LastEvaluatedKey, as in
   * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Scan.html#Scan.Limit">Limiting the
   * number of items in the result set</a>.
   */
  private static ObjectNode page(JsonNode request, Iterable<ObjectNode> candidates, Condition filter,
      UnaryOperator<ObjectNode> output, Function<JsonNode, ObjectNode> lastEvaluatedKey, String select) {
    int limit = Json.optionalInt(request, "Limit", 1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    Json.optionalBoolean(request, "ConsistentRead", false);
    ObjectNode response = Json.object();
    ArrayNode items = Json.array();
    int scanned = 0;
    for (ObjectNode item : candidates) {
      scanned++;
      if (filter == null || filter.test(item)) {
        items.add(output.apply(item));
      }
      if (scanned == limit) {
        response.set("LastEvaluatedKey", lastEvaluatedKey.apply(item));
        break;
      }
    }
    if (!select.equals("COUNT")) {
      response.set("Items", items);
    }
    response.put("Count", items.size());
    response.put("ScannedCount", scanned);
    return response;
  }

  /**
   * The Select value, by default what the table or index holds; DynamoDB prefixes Query's messages
   * (not Scan's) with the validation-error count.
   */
  private static String select(JsonNode request, List<DocumentPath> projection, SecondaryIndex index,
      boolean query) {
    String prefix = query ? "1 validation error detected: " : "";
    String select = Json.optionalEnum(request, "Select", SELECT, projection != null ? "SPECIFIC_ATTRIBUTES"
        : index != null ? "ALL_PROJECTED_ATTRIBUTES" : "ALL_ATTRIBUTES");
    if (select.equals("SPECIFIC_ATTRIBUTES") && projection == null) {
      throw ApiException.validation(prefix
          + "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES");
    }
    if (projection != null && !select.equals("SPECIFIC_ATTRIBUTES")) {
      throw ApiException.validation(prefix + "Cannot specify the ProjectionExpression when choosing to get "
          + (select.equals("COUNT") ? "only the Count" : select));
    }
    if (select.equals("ALL_PROJECTED_ATTRIBUTES") && index == null) {
      throw ApiException.validation(prefix
          + "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName");
    }
    return select;
  }

  private static Condition condition(JsonNode request, String field, ExpressionContext context) {
    String text = Json.optionalString(request, field);
    return text == null ? null : new ExpressionParser(text, field, context).condition();
  }

  private static List<DocumentPath> projection(JsonNode request, ExpressionContext context) {
    String text = Json.optionalString(request, "ProjectionExpression");
    return text == null ? null : new ExpressionParser(text, "ProjectionExpression", context).projection();
  }

  private static String returnValues(JsonNode request, Set<String> allowed) {
    String returnValues = Json.optionalEnum(request, "ReturnValues", RETURN_VALUES, "NONE");
    if (!allowed.contains(returnValues)) {
      throw ApiException.validation("Return values set to invalid value");
    }
    return returnValues;
  }

  private static boolean returnOldOnFailure(JsonNode request) {
    return Json.optionalEnum(request, "ReturnValuesOnConditionCheckFailure", NONE_OR_ALL_OLD, "NONE")
        .equals("ALL_OLD");
  }

  /** Throws ConditionalCheckFailedException unless the item (or an empty one when missing) meets the condition. */
  private static void check(Condition condition, ObjectNode old, boolean returnOldOnFailure) {
    if (condition != null && !condition.test(old == null ? Json.object() : old)) {
      throw ApiException.conditionalCheckFailed(returnOldOnFailure ? old : null);
    }
  }

  private static ObjectNode attributes(ObjectNode attributes) {
    ObjectNode response = Json.object();
    if (attributes != null) {
      response.set("Attributes", attributes);
    }
    return response;
  }

  private static void rejectUnsupported(JsonNode request, String... parameters) {
    for (String parameter : parameters) {
      if (Json.field(request, parameter) != null) {
        throw ApiException.validation(
            "The " + parameter + " parameter is not supported by this local DynamoDB engine");
      }
    }
  }
}
