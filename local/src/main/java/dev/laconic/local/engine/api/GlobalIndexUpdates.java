package dev.laconic.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UpdateTable's GlobalSecondaryIndexUpdates: Create, Delete and Update actions, all checked
 * before any is applied, and the capacity of global indexes when the billing mode changes.
 *
 * <p>As in DynamoDB, one request creates or deletes at most one index, names an index at most
 * once, and a new index's key attributes come with AttributeDefinitions. A new index is filled
 * with the items that have its key attributes (DynamoDB's backfill) and is ACTIVE at once. A
 * provisioned table's global indexes have capacity of their own, so switching to PROVISIONED
 * needs an Update with capacity for each. See
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.OnlineOps.html">Managing
 * global secondary indexes</a>.
 */
final class GlobalIndexUpdates {
  private final Table table;
  private final String billingMode;
  private final Map<String, String> types;
  private final List<SecondaryIndex> created = new ArrayList<>();
  private final List<SecondaryIndex> deleted = new ArrayList<>();
  private final Map<SecondaryIndex, long[]> capacities = new LinkedHashMap<>();

  private GlobalIndexUpdates(Table table, String billingMode, Map<String, String> types) {
    this.table = table;
    this.billingMode = billingMode;
    this.types = types;
  }

  /** The request's index updates for {@code table}, whose billing mode becomes {@code billingMode}. */
  static GlobalIndexUpdates read(JsonNode request, Table table, String billingMode) {
    Map<String, String> types = new LinkedHashMap<>();
    table.attributeDefinitions().forEach(definition -> types.put(definition.get("AttributeName").asText(),
        definition.get("AttributeType").asText()));
    ArrayNode definitions = Json.optionalArray(request, "AttributeDefinitions");
    if (definitions != null) {
      // An attribute the table already defines keeps its type: its items and indexes depend on it.
      TableApi.attributeTypes(definitions, new LinkedHashMap<>()).forEach(types::putIfAbsent);
    }
    GlobalIndexUpdates updates = new GlobalIndexUpdates(table, billingMode, types);
    ArrayNode actions = Json.optionalArray(request, "GlobalSecondaryIndexUpdates");
    updates.read(actions == null ? Json.array() : actions);
    return updates;
  }

  private void read(ArrayNode actions) {
    Set<String> names = new HashSet<>();
    int onlineOperations = 0;
    for (int i = 0; i < actions.size(); i++) {
      JsonNode action = actions.get(i);
      String member = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
      ObjectNode create = Json.optionalObject(action, "Create");
      ObjectNode delete = Json.optionalObject(action, "Delete");
      ObjectNode update = Json.optionalObject(action, "Update");
      if (create == null && delete == null && update == null) {
        throw ApiException.invalidParameters("One of GlobalSecondaryIndexUpdate.Update, "
            + "GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null");
      }
      String kind = create != null ? "create" : delete != null ? "delete" : "update";
      JsonNode body = create != null ? create : delete != null ? delete : update;
      String name = Json.optionalString(body, "IndexName");
      if (name == null) {
        throw Json.missing(member + "." + kind + ".indexName");
      }
      Json.checkName(member + "." + kind + ".indexName", name);
      if (!names.add(name)) {
        throw ApiException.invalidParameters(
            "Only one global secondary index update per index is allowed simultaneously. Index: " + name);
      }
      if (create != null || delete != null) {
        onlineOperations++;
      }
      if (create != null) {
        created.add(new IndexDeclarations(table.arn(), table.hashKey(), table.rangeKey(), types, billingMode)
            .ofCreateAction(create, member + ".create", table.indexes()));
      } else if (delete != null) {
        deleted.add(existing(name));
      } else {
        capacities.put(existing(name), capacity(update, member + ".update", name));
      }
    }
    // DynamoDB builds or drops one index at a time and says so with a limit error.
    if (onlineOperations > 1) {
      throw ApiException.limitExceeded(
          "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }
    if (billingMode.equals("PROVISIONED") && !table.billingMode().equals("PROVISIONED")) {
      List<String> missing = new ArrayList<>();
      for (SecondaryIndex index : table.indexes()) {
        if (index.isGlobal() && !deleted.contains(index) && !capacities.containsKey(index)) {
          missing.add(index.name());
        }
      }
      if (!missing.isEmpty()) {
        throw ApiException.invalidParameters("ProvisionedThroughput must be specified for index: "
            + String.join(",", missing));
      }
    }
  }

  /** The global index {@code name} of the table. */
  private SecondaryIndex existing(String name) {
    SecondaryIndex index = table.index(name);
    if (index == null || !index.isGlobal()) {
      throw ApiException.resourceNotFound("Index: " + name + " not found");
    }
    return index;
  }

  private long[] capacity(ObjectNode update, String member, String name) {
    ObjectNode throughput = Json.optionalObject(update, "ProvisionedThroughput");
    if (throughput == null) {
      throw Json.missing(member + ".provisionedThroughput");
    }
    if (billingMode.equals("PAY_PER_REQUEST")) {
      throw ApiException.invalidParameters("ProvisionedThroughput should not be specified for index: " + name
          + " when BillingMode is PAY_PER_REQUEST");
    }
    return new long[] {
        IndexDeclarations.units(throughput, "ReadCapacityUnits", member + ".provisionedThroughput.readCapacityUnits"),
        IndexDeclarations.units(throughput, "WriteCapacityUnits",
            member + ".provisionedThroughput.writeCapacityUnits")};
  }

  /**
   * Applies the updates, and keeps AttributeDefinitions to the key attributes of the table and the
   * indexes it now has.
   */
  void apply() {
    deleted.forEach(table::removeIndex);
    created.forEach(table::addIndex);
    capacities.forEach((index, units) -> index.throughput(units[0], units[1]));
    if (billingMode.equals("PAY_PER_REQUEST")) {
      table.indexes().stream().filter(SecondaryIndex::isGlobal).forEach(index -> index.throughput(0, 0));
    }
    if (created.isEmpty() && deleted.isEmpty()) {
      return;
    }
    Set<String> used = IndexDeclarations.keysUsed(table.hashKey(), table.rangeKey(), table.indexes());
    ArrayNode definitions = Json.array();
    types.forEach((attribute, type) -> {
      if (used.contains(attribute)) {
        definitions.addObject().put("AttributeName", attribute).put("AttributeType", type);
      }
    });
    table.attributeDefinitions(definitions);
  }
}
