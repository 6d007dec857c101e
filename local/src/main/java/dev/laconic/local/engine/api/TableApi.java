package dev.laconic.local.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.Engine;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;
import dev.laconic.local.engine.stream.Stream;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The table operations: CreateTable, DescribeTable, UpdateTable, DeleteTable and ListTables.
 *
 * <p>Tables and their secondary indexes are ACTIVE at once; see {@link IndexDeclarations} for the
 * indexes a table may declare and {@link GlobalIndexUpdates} for UpdateTable's. See the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a> and
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a>
 * references.
 */
final class TableApi {
  private static final Set<String> SCALAR_TYPES = Set.of("S", "N", "B");
  private static final Set<String> BILLING_MODES = Set.of("PROVISIONED", "PAY_PER_REQUEST");
  private static final Set<String> VIEW_TYPES = Set.of("KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES");
  private static final int MAX_LIST_LIMIT = 100;

  private final Engine engine;

  TableApi(Engine engine) {
    this.engine = engine;
  }

  ObjectNode create(JsonNode request) {
    String name = Json.tableName(request);
    ArrayNode keySchema = Json.requiredArray(request, "KeySchema");
    ArrayNode definitions = Json.requiredArray(request, "AttributeDefinitions");
    Map<String, String> types = attributeTypes(definitions, new LinkedHashMap<>());
    if (keySchema.isEmpty() || keySchema.size() > 2) {
      throw Json.constraint("KeySchema", keySchema, "Member must have length between 1 and 2");
    }
    Table.KeyAttribute hash = keyElement(keySchema.get(0), "HASH", types);
    Table.KeyAttribute range = keySchema.size() == 2 ? keyElement(keySchema.get(1), "RANGE", types) : null;
    if (range != null && range.name().equals(hash.name())) {
      throw ApiException.validation(
          "Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }
    String arn = "arn:aws:dynamodb:" + engine.region() + ":" + engine.accountId() + ":table/" + name;
    Table table = new Table(name, arn, engine.now(), hash, range, keySchema, definitions);
    applyBilling(request, table, null);
    List<SecondaryIndex> indexes =
        new IndexDeclarations(arn, hash, range, types, table.billingMode()).ofCreateTable(request);
    IndexDeclarations.checkAllDefinitionsUsed(types.keySet(), IndexDeclarations.keysUsed(hash, range, indexes),
        Json.field(request, "GlobalSecondaryIndexes") != null || Json.field(request, "LocalSecondaryIndexes") != null);
    if (engine.tables().containsKey(name)) {
      throw ApiException.resourceInUse("Table already exists: " + name);
    }
    indexes.forEach(table::addIndex);
    ObjectNode streamSpecification = Json.optionalObject(request, "StreamSpecification");
    String viewType = streamSpecification == null ? null : streamViewType(streamSpecification);
    engine.tables().put(name, table);
    if (viewType != null) {
      table.stream(engine.createStream(table, viewType));
    }
    return wrap("TableDescription", table.describe("ACTIVE"));
  }

  /** UpdateTimeToLive: turns TTL on with its attribute, or off; DynamoDB refuses a repeat. */
  ObjectNode updateTimeToLive(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    ObjectNode specification = Json.requiredObject(request, "TimeToLiveSpecification");
    JsonNode enabled = Json.field(specification, "Enabled");
    if (enabled == null || !enabled.isBoolean()) {
      throw Json.missing("TimeToLiveSpecification.Enabled");
    }
    String attribute = Json.requiredString(specification, "AttributeName");
    if (attribute.isEmpty() || attribute.length() > 255) {
      throw Json.constraint("AttributeName", attribute, "Member must have length between 1 and 255");
    }
    if (enabled.asBoolean() == (table.ttlAttribute() != null)) {
      throw ApiException.validation("TimeToLive is already " + (enabled.asBoolean() ? "enabled" : "disabled"));
    }
    table.ttlAttribute(enabled.asBoolean() ? attribute : null);
    ObjectNode response = Json.object();
    response.set("TimeToLiveSpecification", specification);
    return response;
  }

  ObjectNode describeTimeToLive(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    ObjectNode description = Json.object();
    description.put("TimeToLiveStatus", table.ttlAttribute() != null ? "ENABLED" : "DISABLED");
    if (table.ttlAttribute() != null) {
      description.put("AttributeName", table.ttlAttribute());
    }
    ObjectNode response = Json.object();
    response.set("TimeToLiveDescription", description);
    return response;
  }

  ObjectNode describe(JsonNode request) {
    return wrap("Table", engine.table(Json.tableName(request)).describe("ACTIVE"));
  }

  ObjectNode update(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    boolean anyUpdate = false;
    for (Iterator<String> it = request.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      anyUpdate |= !field.equals("TableName") && !field.equals("AttributeDefinitions")
          && !(field.equals("GlobalSecondaryIndexUpdates") && request.get(field).isEmpty());
    }
    if (!anyUpdate) {
      throw ApiException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
          + "GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required");
    }
    String billingMode = Json.optionalEnum(request, "BillingMode", BILLING_MODES, table.billingMode());
    GlobalIndexUpdates indexUpdates = GlobalIndexUpdates.read(request, table, billingMode);
    if (Json.field(request, "BillingMode") != null || Json.field(request, "ProvisionedThroughput") != null) {
      applyBilling(request, table, table.billingMode());
    }
    ObjectNode streamSpecification = Json.optionalObject(request, "StreamSpecification");
    if (streamSpecification != null) {
      String viewType = streamViewType(streamSpecification);
      Stream current = table.stream();
      boolean enabled = current != null && current.isEnabled();
      // Enabling always creates a new stream with a new label; disabling keeps the old one readable.
      if (viewType != null) {
        if (enabled) {
          throw ApiException.validation("Table already has an enabled stream: " + current.arn());
        }
        table.stream(engine.createStream(table, viewType));
      } else {
        if (!enabled) {
          throw ApiException.validation(
              "One or more parameter values were invalid: Table " + table.name() + " has no stream to disable");
        }
        current.disable();
      }
    }
    indexUpdates.apply();
    return wrap("TableDescription", table.describe("ACTIVE"));
  }

  ObjectNode delete(JsonNode request) {
    Table table = engine.table(Json.tableName(request));
    engine.tables().remove(table.name());
    // The stream of a deleted table stays readable, disabled, until its records are trimmed.
    if (table.stream() != null && table.stream().isEnabled()) {
      table.stream().disable();
    }
    return wrap("TableDescription", table.describe("DELETING"));
  }

  ObjectNode list(JsonNode request) {
    String start = Json.optionalString(request, "ExclusiveStartTableName");
    int limit = Json.optionalInt(request, "Limit", 1, MAX_LIST_LIMIT, MAX_LIST_LIMIT);
    Set<String> names = start == null ? engine.tables().keySet() : engine.tables().tailMap(start, false).keySet();
    ObjectNode response = Json.object();
    ArrayNode page = response.putArray("TableNames");
    for (String name : names) {
      if (page.size() == limit) {
        response.put("LastEvaluatedTableName", page.get(page.size() - 1).asText());
        break;
      }
      page.add(name);
    }
    return response;
  }

  /**
   * Adds the types of AttributeDefinitions to {@code types}, refusing a type other than S, N or B
   * and an attribute defined twice.
   */
  static Map<String, String> attributeTypes(ArrayNode definitions, Map<String, String> types) {
    Set<String> seen = new HashSet<>();
    for (JsonNode definition : definitions) {
      String attribute = Json.requiredString(definition, "AttributeName");
      String type = Json.requiredString(definition, "AttributeType");
      if (!SCALAR_TYPES.contains(type)) {
        throw Json.constraint("AttributeType", type, "Member must satisfy enum value set: [B, N, S]");
      }
      if (!seen.add(attribute)) {
        throw ApiException.validation("Cannot have two attributes with the same name");
      }
      types.put(attribute, type);
    }
    return types;
  }

  private static Table.KeyAttribute keyElement(JsonNode element, String expectedType, Map<String, String> types) {
    String attribute = Json.requiredString(element, "AttributeName");
    String keyType = Json.requiredString(element, "KeyType");
    if (!keyType.equals(expectedType)) {
      throw ApiException.validation("Invalid KeySchema: The " + (expectedType.equals("HASH") ? "first" : "second")
          + " KeySchemaElement is not a " + expectedType + " key type");
    }
    String type = types.get(attribute);
    if (type == null) {
      throw ApiException.validation("One or more parameter values were invalid: Some index key attributes are "
          + "not defined in AttributeDefinitions. Keys: [" + attribute + "], AttributeDefinitions: "
          + types.keySet());
    }
    return new Table.KeyAttribute(attribute, type);
  }

  /**
   * Applies BillingMode and ProvisionedThroughput: provisioned tables need both capacities, on-demand tables none,
   * as in <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>.
   */
  private static void applyBilling(JsonNode request, Table table, String currentMode) {
    String mode = Json.optionalEnum(request, "BillingMode", BILLING_MODES,
        currentMode == null ? "PROVISIONED" : currentMode);
    ObjectNode throughput = Json.optionalObject(request, "ProvisionedThroughput");
    if (mode.equals("PAY_PER_REQUEST")) {
      if (throughput != null) {
        throw ApiException.validation("One or more parameter values were invalid: Neither ReadCapacityUnits "
            + "nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
      }
      table.billing(mode, 0, 0);
    } else if (throughput != null) {
      table.billing(mode, capacity(throughput, "ReadCapacityUnits"), capacity(throughput, "WriteCapacityUnits"));
    } else if (!mode.equals(currentMode)) {
      throw ApiException.validation("One or more parameter values were invalid: ReadCapacityUnits and "
          + "WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
    }
  }

  private static long capacity(JsonNode throughput, String field) {
    JsonNode value = Json.field(throughput, field);
    if (value == null) {
      throw Json.missing("ProvisionedThroughput." + field);
    }
    if (!value.isIntegralNumber() || value.asLong() < 1) {
      throw Json.constraint(field, value, "Member must have value greater than or equal to 1");
    }
    return value.asLong();
  }

  /** The view type of an enabling StreamSpecification, or {@code null} when it disables the stream. */
  private static String streamViewType(JsonNode specification) {
    JsonNode enabled = Json.field(specification, "StreamEnabled");
    if (enabled == null) {
      throw Json.missing("StreamSpecification.StreamEnabled");
    }
    if (!enabled.asBoolean()) {
      return null;
    }
    String viewType = Json.optionalEnum(specification, "StreamViewType", VIEW_TYPES, null);
    if (viewType == null) {
      throw ApiException.validation(
          "One or more parameter values were invalid: StreamViewType is required when StreamEnabled is true");
    }
    return viewType;
  }

  private static ObjectNode wrap(String field, ObjectNode value) {
    ObjectNode response = Json.object();
    response.set(field, value);
    return response;
  }
}
