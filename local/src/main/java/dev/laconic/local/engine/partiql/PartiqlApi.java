package dev.laconic.local.engine.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.Engine;
import dev.laconic.local.engine.storage.ItemKey;
import dev.laconic.local.engine.storage.Table;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The PartiQL operations: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction; see
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL for
 * DynamoDB</a>.
 *
 * <p>A statement is parsed by {@link PartiqlParser}, compiled against its table by {@link PartiqlCompiler} and run
 * as a {@link PartiqlStatement}. A SELECT, of the table or of one of its indexes, pages with {@code Limit} (items
 * read, before the WHERE clause) and an opaque {@code NextToken} bound to the statement, its parameters and its
 * table, as DynamoDB's is. A batch runs each statement on its own and answers each with its item or its error; a
 * transaction checks every statement before applying any.
 */
public final class PartiqlApi {
  private static final int MAX_STATEMENT_LENGTH = 8192;
  private static final int MAX_NEXT_TOKEN_LENGTH = 32768;
  private static final int MAX_BATCH = 25;
  private static final int MAX_TRANSACTION = 100;
  private static final Set<String> NONE_OR_ALL_OLD = Set.of("NONE", "ALL_OLD");

  private final Engine engine;

  public PartiqlApi(Engine engine) {
    this.engine = engine;
  }

  public ObjectNode executeStatement(JsonNode request) {
    String text = statementText(request);
    List<JsonNode> parameters = parameters(request);
    int limit = Json.optionalInt(request, "Limit", 1, Integer.MAX_VALUE, Integer.MAX_VALUE);
    boolean consistentRead = Json.optionalBoolean(request, "ConsistentRead", false);
    String nextToken = Json.optionalString(request, "NextToken");
    if (nextToken != null && (nextToken.isEmpty() || nextToken.length() > MAX_NEXT_TOKEN_LENGTH)) {
      throw Json.constraint("NextToken", nextToken,
          "Member must have length between 1 and " + MAX_NEXT_TOKEN_LENGTH);
    }
    boolean returnOld = returnOldOnFailure(request);
    PartiqlStatement statement = compile(text, parameters, consistentRead);
    if (statement instanceof PartiqlStatement.Read read) {
      return page(read, text, parameters, limit, nextToken);
    }
    if (statement instanceof PartiqlStatement.Check) {
      throw existsOutsideTransaction();
    }
    PartiqlStatement.Change change = ((PartiqlStatement.Write) statement).prepare(returnOld);
    change.commit(engine.now());
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("Items");
    if (change.returned() != null) {
      items.add(change.returned());
    }
    return response;
  }

  /**
   * One page of a SELECT. {@code Limit} counts the items read, matching or not, and a page it cuts short carries
   * a NextToken, as a Scan's carries a LastEvaluatedKey; a read of one item by its key has no pages.
   */
  private ObjectNode page(PartiqlStatement.Read read, String text, List<JsonNode> parameters, int limit,
      String nextToken) {
    String binding = binding(read.table(), text, parameters);
    ObjectNode start = nextToken == null ? null : startKey(nextToken, binding);
    ArrayNode items = Json.array();
    ObjectNode last = null;
    int scanned = 0;
    for (ObjectNode item : read.candidates(start)) {
      scanned++;
      if (read.matches(item)) {
        items.add(read.project(item));
      }
      if (scanned == limit) {
        last = read.lastKey(item);
        break;
      }
    }
    ObjectNode response = Json.object();
    response.set("Items", items);
    if (last != null && read.access().item() == null) {
      ObjectNode token = Json.object();
      token.put("binding", binding);
      token.set("key", last);
      response.put("NextToken", Base64.getEncoder().encodeToString(
          token.toString().getBytes(StandardCharsets.UTF_8)));
      response.set("LastEvaluatedKey", last);
    }
    return response;
  }

  /** What a NextToken is bound to: the table, the statement and its parameters, not the Limit. */
  private static String binding(Table table, String text, List<JsonNode> parameters) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      // The identity tells a table from one created later under its name.
      String bound = table.name() + "@" + System.identityHashCode(table) + '\n' + text + '\n' + parameters;
      digest.update(bound.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static ObjectNode startKey(String nextToken, String binding) {
    JsonNode token;
    try {
      token = Json.MAPPER.readTree(Base64.getDecoder().decode(nextToken));
    } catch (IllegalArgumentException | IOException e) {
      throw ApiException.validation("Invalid NextToken");
    }
    if (token == null || !token.path("binding").isTextual() || !token.path("key").isObject()) {
      throw ApiException.validation("Invalid NextToken");
    }
    if (!token.get("binding").asText().equals(binding)) {
      throw ApiException.validation("NextToken does not match request");
    }
    return (ObjectNode) token.get("key");
  }

  /**
   * BatchExecuteStatement: up to 25 statements, all reads or all writes, each run on its own; each is answered
   * with its table and item, or with its error, and a failed one stops no other. A read must name one item by its
   * whole key.
   */
  public ObjectNode batchExecuteStatement(JsonNode request) {
    ArrayNode statements = Json.requiredArray(request, "Statements");
    checkCount("Statements", statements, MAX_BATCH);
    List<Slot> slots = new ArrayList<>();
    boolean reads = false;
    boolean writes = false;
    for (JsonNode entry : statements) {
      Slot slot = new Slot(entry);
      try {
        slot.text = statementText(entry);
        slot.parameters = parameters(entry);
        slot.parsed = parse(slot.text, slot.parameters);
        reads |= slot.parsed.tree() instanceof PartiqlTree.Select;
        writes |= !(slot.parsed.tree() instanceof PartiqlTree.Select);
      } catch (ApiException e) {
        slot.error = e;
      }
      slots.add(slot);
    }
    if (reads && writes) {
      throw ApiException.validation(
          "BatchExecuteStatement API does not support both read and write operations in the same request.");
    }
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    for (Slot slot : slots) {
      responses.add(slot.run());
    }
    return response;
  }

  /** One statement of a batch and how it went. */
  private final class Slot {
    private final JsonNode entry;
    private String text;
    private List<JsonNode> parameters;
    private PartiqlParser.Parsed parsed;
    private ApiException error;

    Slot(JsonNode entry) {
      this.entry = entry;
    }

    ObjectNode run() {
      ObjectNode response = Json.object();
      try {
        if (error != null) {
          throw error;
        }
        boolean consistentRead = Json.optionalBoolean(entry, "ConsistentRead", false);
        boolean returnOld = returnOldOnFailure(entry);
        PartiqlStatement statement = PartiqlCompiler.compile(parsed.tree(), engine, parameters, consistentRead);
        if (statement instanceof PartiqlStatement.Read read) {
          if (!read.byKeyOnly()) {
            throw ApiException.validation("Select statements within BatchExecuteStatement must specify the "
                + "primary key in the where clause.");
          }
          ObjectNode item = read.table().items().get(read.access().item());
          response.put("TableName", read.table().name());
          if (item != null) {
            response.set("Item", read.project(item));
          }
          return response;
        }
        if (statement instanceof PartiqlStatement.Check) {
          throw existsOutsideTransaction();
        }
        PartiqlStatement.Change change = ((PartiqlStatement.Write) statement).prepare(returnOld);
        change.commit(engine.now());
        response.put("TableName", statement.table().name());
        if (change.returned() != null) {
          response.set("Item", change.returned());
        }
        return response;
      } catch (ApiException e) {
        ObjectNode failure = Json.object();
        ObjectNode body = e.body();
        failure.put("Code", batchCode(e));
        failure.put("Message", e.getMessage());
        if (body.has("Item")) {
          failure.set("Item", body.get("Item"));
        }
        ObjectNode answer = Json.object();
        answer.set("Error", failure);
        String table = parsed == null ? null : PartiqlCompiler.tableName(parsed.tree());
        if (table != null && engine.tables().containsKey(table)) {
          answer.put("TableName", table);
        }
        return answer;
      }
    }
  }

  /**
   * ExecuteTransaction: up to 100 statements, all reads or all writes ({@code EXISTS(SELECT ...)} counting as a
   * write, DynamoDB's ConditionCheck). Every write is checked against the items as they are before any is applied;
   * one that fails cancels them all, with a reason for each, and the rest are applied with their stream records.
   * Reads name one item of a table each by its whole key, never an index, and are answered in order.
   */
  public ObjectNode executeTransaction(JsonNode request) {
    ArrayNode statements = Json.requiredArray(request, "TransactStatements");
    checkCount("TransactStatements", statements, MAX_TRANSACTION);
    Json.optionalString(request, "ClientRequestToken");
    List<List<JsonNode>> parameters = new ArrayList<>();
    for (JsonNode entry : statements) {
      parameters.add(parameters(entry));
    }
    List<PartiqlStatement> compiled = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      try {
        PartiqlStatement statement = compile(statementText(statements.get(i)), parameters.get(i), false);
        if (statement instanceof PartiqlStatement.Read read && read.index() != null) {
          throw ApiException.validation("Reads on indices are not supported within transactions.");
        }
        if (statement instanceof PartiqlStatement.Read read && !read.byKeyOnly()) {
          throw ApiException.validation("Select statements within ExecuteTransaction must specify the primary "
              + "key in the where clause.");
        }
        if (statement instanceof PartiqlStatement.Write write && write.returns()) {
          throw ApiException.validation("RETURNING clause is not supported in ExecuteTransaction.");
        }
        compiled.add(statement);
      } catch (ApiException e) {
        throw batchCode(e).equals("ValidationError")
            ? ApiException.validation("Validation failed in TransactStatements[" + i + "]: " + e.getMessage())
            : e;
      }
    }
    long reads = compiled.stream().filter(statement -> statement instanceof PartiqlStatement.Read).count();
    if (reads > 0 && reads < compiled.size()) {
      throw ApiException.validation(
          "ExecuteTransaction API does not support both read and write operations in the same request.");
    }
    ObjectNode response = Json.object();
    ArrayNode responses = response.putArray("Responses");
    if (reads > 0) {
      for (PartiqlStatement statement : compiled) {
        PartiqlStatement.Read read = (PartiqlStatement.Read) statement;
        ObjectNode item = read.table().items().get(read.access().item());
        ObjectNode answer = Json.object();
        if (item != null) {
          answer.set("Item", read.project(item));
        }
        responses.add(answer);
      }
      return response;
    }
    write(statements, compiled);
    return response;
  }

  /** The writes of a transaction: all checked, then all applied, or none with a reason for each. */
  private void write(ArrayNode statements, List<PartiqlStatement> compiled) {
    Map<String, Set<ItemKey>> touched = new HashMap<>();
    for (PartiqlStatement statement : compiled) {
      ItemKey key = ((PartiqlStatement.Write) statement).key();
      if (!touched.computeIfAbsent(statement.table().name(), name -> new TreeSet<>()).add(key)) {
        throw ApiException.validation("Transaction request cannot include multiple operations on one item");
      }
    }
    List<PartiqlStatement.Change> changes = new ArrayList<>();
    List<ObjectNode> reasons = new ArrayList<>();
    boolean canceled = false;
    for (int i = 0; i < compiled.size(); i++) {
      ObjectNode reason = Json.object();
      try {
        changes.add(((PartiqlStatement.Write) compiled.get(i)).prepare(returnOldOnFailure(statements.get(i))));
        reason.put("Code", "None");
      } catch (ApiException e) {
        canceled = true;
        reason.put("Code", batchCode(e));
        reason.put("Message", e.getMessage());
        if (e.body().has("Item")) {
          reason.set("Item", e.body().get("Item"));
        }
      }
      reasons.add(reason);
    }
    if (canceled) {
      throw ApiException.transactionCanceled(reasons);
    }
    Instant now = engine.now();
    changes.forEach(change -> change.commit(now));
  }

  private PartiqlStatement compile(String text, List<JsonNode> parameters, boolean consistentRead) {
    return PartiqlCompiler.compile(parse(text, parameters).tree(), engine, parameters, consistentRead);
  }

  private static PartiqlParser.Parsed parse(String text, List<JsonNode> parameters) {
    PartiqlParser.Parsed parsed = PartiqlParser.parse(text);
    if (parsed.parameters() != parameters.size()) {
      throw ApiException.validation("Number of parameters in request and statement don't match.");
    }
    return parsed;
  }

  private static String statementText(JsonNode request) {
    String text = Json.requiredString(request, "Statement");
    if (text.isEmpty()) {
      throw Json.constraint("Statement", text, "Member must have length greater than or equal to 1");
    }
    if (text.length() > MAX_STATEMENT_LENGTH) {
      throw Json.constraint("Statement", text,
          "Member must have length less than or equal to " + MAX_STATEMENT_LENGTH);
    }
    return text;
  }

  /**
   * The request's parameters, checked: a number DynamoDB cannot read is refused with the words it uses for a
   * parameter, before the checks every attribute value gets.
   */
  private static List<JsonNode> parameters(JsonNode request) {
    ArrayNode parameters = Json.optionalArray(request, "Parameters");
    if (parameters == null) {
      return List.of();
    }
    if (parameters.isEmpty()) {
      throw Json.constraint("Parameters", "[]", "Member must have length greater than or equal to 1");
    }
    List<JsonNode> values = new ArrayList<>();
    for (JsonNode parameter : parameters) {
      checkNumbers(parameter);
      AttributeValues.validate(parameter);
      values.add(parameter);
    }
    return values;
  }

  private static void checkNumbers(JsonNode value) {
    if (!value.isObject()) {
      return;
    }
    value.fields().forEachRemaining(member -> {
      JsonNode payload = member.getValue();
      switch (member.getKey()) {
        case "N" -> checkNumber(payload);
        case "NS" -> payload.forEach(PartiqlApi::checkNumber);
        case "L" -> payload.forEach(PartiqlApi::checkNumbers);
        case "M" -> payload.forEach(PartiqlApi::checkNumbers);
        default -> {
        }
      }
    });
  }

  private static void checkNumber(JsonNode payload) {
    if (!payload.isTextual()) {
      return;
    }
    try {
      new BigDecimal(payload.asText());
    } catch (NumberFormatException e) {
      String text = payload.asText();
      throw ApiException.validation("The parameter cannot be converted to a numeric value"
          + (text.isEmpty() ? "" : ": " + text));
    }
  }

  private static void checkCount(String member, ArrayNode statements, int max) {
    if (statements.isEmpty()) {
      throw Json.constraint(member, "[]", "Member must have length greater than or equal to 1");
    }
    if (statements.size() > max) {
      throw Json.constraint(member, statements.size() + " statements",
          "Member must have length less than or equal to " + max);
    }
  }

  private static boolean returnOldOnFailure(JsonNode request) {
    return Json.optionalEnum(request, "ReturnValuesOnConditionCheckFailure", NONE_OR_ALL_OLD, "NONE")
        .equals("ALL_OLD");
  }

  /** The code a batch's answer or a transaction's reason gives an error, such as {@code DuplicateItem}. */
  private static String batchCode(ApiException e) {
    String type = e.body().get("__type").asText();
    String code = type.substring(type.indexOf('#') + 1);
    return code.equals("ValidationException") ? "ValidationError" : code.replace("Exception", "");
  }

  private static ApiException existsOutsideTransaction() {
    return ApiException.validation("EXISTS can only be used in ExecuteTransaction write requests.");
  }
}
