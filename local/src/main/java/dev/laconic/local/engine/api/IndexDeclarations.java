package dev.laconic.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The secondary indexes a CreateTable request declares, or an UpdateTable request creates,
 * checked as DynamoDB checks them, with its messages.
 *
 * <p>A table has at most 5 local and 20 global indexes; local ones exist only on a table with a
 * sort key, share its partition key, need a sort key of their own and can only be declared with
 * the table. A global index has capacity of its own on a provisioned table and none on an
 * on-demand one. Every key attribute must be in AttributeDefinitions, and every definition must
 * be a key attribute. See the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 * reference and the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html#limits-secondary-indexes">secondary
 * index quotas</a>.
 */
final class IndexDeclarations {
  private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "KEYS_ONLY", "INCLUDE");
  private static final int MAX_LOCAL_INDEXES = 5;
  private static final int MAX_GLOBAL_INDEXES = 20;
  private static final int MAX_NON_KEY_ATTRIBUTES = 20;

  private final String tableArn;
  private final Table.KeyAttribute tableHashKey;
  private final Table.KeyAttribute tableRangeKey;
  private final Map<String, String> types;
  private final String billingMode;

  /**
   * Declarations for a table keyed by {@code tableHashKey} and {@code tableRangeKey} (or null),
   * whose attribute types are {@code types} (in definition order) and whose billing mode is
   * {@code billingMode}.
   */
  IndexDeclarations(String tableArn, Table.KeyAttribute tableHashKey, Table.KeyAttribute tableRangeKey,
      Map<String, String> types, String billingMode) {
    this.tableArn = tableArn;
    this.tableHashKey = tableHashKey;
    this.tableRangeKey = tableRangeKey;
    this.types = types;
    this.billingMode = billingMode;
  }

  /** The indexes of a CreateTable request, global ones first, each checked, then all together. */
  List<SecondaryIndex> ofCreateTable(JsonNode request) {
    ArrayNode local = Json.optionalArray(request, "LocalSecondaryIndexes");
    ArrayNode global = Json.optionalArray(request, "GlobalSecondaryIndexes");
    Set<String> names = new HashSet<>();
    List<SecondaryIndex> locals = new ArrayList<>();
    if (local != null) {
      if (local.isEmpty()) {
        throw ApiException.invalidParameters("List of LocalSecondaryIndexes is empty");
      }
      if (tableRangeKey == null) {
        throw ApiException.invalidParameters("Table KeySchema does not have a range key, which is required when "
            + "specifying a LocalSecondaryIndex");
      }
      for (int i = 0; i < local.size(); i++) {
        locals.add(declared(local.get(i), "localSecondaryIndexes." + (i + 1) + ".member", false, names));
      }
      if (locals.size() > MAX_LOCAL_INDEXES) {
        throw ApiException.invalidParameters("Number of LocalSecondaryIndexes exceeds per-table limit of "
            + MAX_LOCAL_INDEXES);
      }
    }
    List<SecondaryIndex> indexes = new ArrayList<>();
    if (global != null) {
      if (global.isEmpty()) {
        throw ApiException.invalidParameters("List of GlobalSecondaryIndexes is empty");
      }
      for (int i = 0; i < global.size(); i++) {
        indexes.add(declared(global.get(i), "globalSecondaryIndexes." + (i + 1) + ".member", true, names));
      }
      if (indexes.size() > MAX_GLOBAL_INDEXES) {
        throw ApiException.invalidParameters("GlobalSecondaryIndex count exceeds the per-table limit of "
            + MAX_GLOBAL_INDEXES);
      }
    }
    indexes.addAll(locals);
    return indexes;
  }

  /**
   * The global index a {@code Create} action of UpdateTable's GlobalSecondaryIndexUpdates adds to
   * a table that already has {@code existing}.
   */
  SecondaryIndex ofCreateAction(JsonNode action, String member, List<SecondaryIndex> existing) {
    Set<String> names = new HashSet<>();
    existing.forEach(index -> names.add(index.name()));
    SecondaryIndex index = declared(action, member, true, names);
    if (existing.stream().filter(SecondaryIndex::isGlobal).count() >= MAX_GLOBAL_INDEXES) {
      throw ApiException.invalidParameters("GlobalSecondaryIndex count exceeds the per-table limit of "
          + MAX_GLOBAL_INDEXES);
    }
    return index;
  }

  /**
   * Refuses definitions no key uses: DynamoDB wants AttributeDefinitions to be exactly the key
   * attributes of the table and its indexes, and says so in other words when there are indexes.
   */
  static void checkAllDefinitionsUsed(Collection<String> defined, Collection<String> keysUsed, boolean anyIndex) {
    if (new HashSet<>(defined).equals(new HashSet<>(keysUsed))) {
      return;
    }
    if (anyIndex) {
      throw ApiException.invalidParameters("Some AttributeDefinitions are not used. AttributeDefinitions: " + defined
          + ", keys used: " + keysUsed);
    }
    throw ApiException.invalidParameters("Number of attributes in KeySchema does not exactly match number of "
        + "attributes defined in AttributeDefinitions");
  }

  /** The key attributes of a table and its indexes, in the order they first appear. */
  static Set<String> keysUsed(Table.KeyAttribute hashKey, Table.KeyAttribute rangeKey,
      List<SecondaryIndex> indexes) {
    Set<String> used = new LinkedHashSet<>();
    used.add(hashKey.name());
    if (rangeKey != null) {
      used.add(rangeKey.name());
    }
    indexes.forEach(index -> index.keyAttributes().forEach(key -> used.add(key.name())));
    return used;
  }

  private SecondaryIndex declared(JsonNode declaration, String member, boolean global, Set<String> names) {
    if (!declaration.isObject()) {
      throw ApiException.serialization("Expected an object for " + member);
    }
    String name = Json.optionalString(declaration, "IndexName");
    if (name == null) {
      throw Json.missing(member + ".indexName");
    }
    Json.checkName(member + ".indexName", name);
    ArrayNode keySchema = Json.optionalArray(declaration, "KeySchema");
    if (keySchema == null) {
      throw Json.missing(member + ".keySchema");
    }
    if (keySchema.isEmpty()) {
      throw Json.constraint(member + ".keySchema", keySchema, "Member must have length greater than or equal to 1");
    }
    if (keySchema.size() > 2) {
      throw Json.constraint(member + ".keySchema", keySchema, "Member must have length less than or equal to 2");
    }
    ObjectNode projection = Json.optionalObject(declaration, "Projection");
    if (projection == null) {
      throw Json.missing(member + ".projection");
    }
    List<String> keyNames = new ArrayList<>();
    List<String> keyTypes = new ArrayList<>();
    for (JsonNode element : keySchema) {
      keyNames.add(Json.requiredString(element, "AttributeName"));
      keyTypes.add(Json.requiredString(element, "KeyType"));
    }
    if (!types.keySet().containsAll(keyNames)) {
      throw ApiException.invalidParameters("Some index key attributes are not defined in AttributeDefinitions. "
          + "Keys: " + keyNames + ", AttributeDefinitions: " + new ArrayList<>(types.keySet()));
    }
    if (keyNames.size() == 2 && keyNames.get(0).equals(keyNames.get(1))) {
      throw ApiException.validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    if (!keyTypes.get(0).equals("HASH")) {
      throw ApiException.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }
    if (keyTypes.size() == 2 && !keyTypes.get(1).equals("RANGE")) {
      throw ApiException.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }
    if (!global && keyNames.size() != 2) {
      throw ApiException.invalidParameters("Index KeySchema does not have a range key for index: " + name);
    }
    if (!global && !keyNames.get(0).equals(tableHashKey.name())) {
      throw ApiException.invalidParameters("Index KeySchema does not have the same leading hash key as table "
          + "KeySchema for index: " + name + ". index hash key: " + keyNames.get(0) + ", table hash key: "
          + tableHashKey.name());
    }
    ObjectNode declaredProjection = Json.object();
    Set<String> projected = projection(projection, member + ".projection", declaredProjection);
    long[] capacity = global ? capacity(declaration, member, name) : null;
    if (!names.add(name)) {
      throw ApiException.invalidParameters("Duplicate index name: " + name);
    }
    Table.KeyAttribute hash = new Table.KeyAttribute(keyNames.get(0), types.get(keyNames.get(0)));
    Table.KeyAttribute range = keyNames.size() == 2
        ? new Table.KeyAttribute(keyNames.get(1), types.get(keyNames.get(1))) : null;
    SecondaryIndex index = new SecondaryIndex(name, global, tableArn + "/index/" + name, hash, range,
        tableHashKey, tableRangeKey, keySchema, declaredProjection, projected);
    if (capacity != null) {
      index.throughput(capacity[0], capacity[1]);
    }
    return index;
  }

  /**
   * Reads a Projection into {@code declared} as DescribeTable returns it; the non-key attributes
   * it adds, or {@code null} for ALL.
   */
  private static Set<String> projection(ObjectNode projection, String member, ObjectNode declared) {
    String type = Json.optionalString(projection, "ProjectionType");
    if (type == null) {
      throw ApiException.invalidParameters("Unknown ProjectionType: null");
    }
    if (!PROJECTION_TYPES.contains(type)) {
      throw Json.constraint(member + ".projectionType", type,
          "Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]");
    }
    declared.put("ProjectionType", type);
    ArrayNode nonKey = Json.optionalArray(projection, "NonKeyAttributes");
    if (nonKey != null) {
      if (nonKey.isEmpty()) {
        throw Json.constraint(member + ".nonKeyAttributes", nonKey,
            "Member must have length greater than or equal to 1");
      }
      if (nonKey.size() > MAX_NON_KEY_ATTRIBUTES) {
        throw Json.constraint(member + ".nonKeyAttributes", nonKey,
            "Member must have length less than or equal to " + MAX_NON_KEY_ATTRIBUTES);
      }
      if (!type.equals("INCLUDE")) {
        throw ApiException.invalidParameters("ProjectionType is " + type + ", but NonKeyAttributes is specified");
      }
    }
    if (type.equals("ALL")) {
      return null;
    }
    Set<String> attributes = new LinkedHashSet<>();
    if (nonKey != null) {
      ArrayNode names = declared.putArray("NonKeyAttributes");
      for (JsonNode attribute : nonKey) {
        if (!attribute.isTextual()) {
          throw ApiException.serialization("Expected a string in " + member + ".nonKeyAttributes");
        }
        attributes.add(attribute.asText());
        names.add(attribute.asText());
      }
    }
    return attributes;
  }

  /**
   * A global index's read and write capacity: required on a provisioned table, refused on an
   * on-demand one (which describes them as 0).
   */
  private long[] capacity(JsonNode declaration, String member, String name) {
    ObjectNode throughput = Json.optionalObject(declaration, "ProvisionedThroughput");
    if (billingMode.equals("PAY_PER_REQUEST")) {
      if (throughput != null) {
        throw ApiException.invalidParameters("ProvisionedThroughput should not be specified for index: " + name
            + " when BillingMode is PAY_PER_REQUEST");
      }
      return new long[] {0, 0};
    }
    if (throughput == null) {
      throw ApiException.invalidParameters("ProvisionedThroughput is not specified for index: " + name);
    }
    return new long[] {units(throughput, "ReadCapacityUnits", member + ".provisionedThroughput.readCapacityUnits"),
        units(throughput, "WriteCapacityUnits", member + ".provisionedThroughput.writeCapacityUnits")};
  }

  /** One capacity of a global index's ProvisionedThroughput, {@code member} naming it in messages. */
  static long units(ObjectNode throughput, String field, String member) {
    JsonNode value = Json.field(throughput, field);
    if (value == null) {
      throw Json.missing(member);
    }
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw Json.constraint(member, value, "Member must have value greater than or equal to 1");
    }
    return value.asLong();
  }
}
