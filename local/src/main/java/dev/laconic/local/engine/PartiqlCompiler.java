package dev.laconic.local.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.PartiqlStatement.Access;
import dev.laconic.local.engine.PartiqlStatement.Column;
import dev.laconic.local.engine.PartiqlTree.Returning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Applies DynamoDB's rules to a parsed PartiQL statement and compiles it against its table: one table, the whole
 * key in the WHERE clause of a write, no aliases, no LIMIT, the functions DynamoDB knows.
 *
 * <p>The rules and their messages are DynamoDB's, from the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.statements.html">PartiQL
 * statements for DynamoDB</a> and from what the service answers. Secondary indexes are not built by this engine, so
 * a read from {@code "table"."index"} is refused rather than answered from the table.
 */
final class PartiqlCompiler {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final String INCOMPLETE_KEY =
      "Where clause does not contain a mandatory equality on all key attributes";
  private static final Map<String, String> RETURN_VALUES = Map.of("all_old", "ALL_OLD", "all_new", "ALL_NEW",
      "modified_old", "UPDATED_OLD", "modified_new", "UPDATED_NEW");

  private final Engine engine;
  private final PartiqlExpressions expressions;

  private PartiqlCompiler(Engine engine, List<JsonNode> parameters) {
    this.engine = engine;
    this.expressions = new PartiqlExpressions(parameters);
  }

  /** Compiles {@code tree}; {@code parameters} are the request's, one for each {@code ?}. */
  static PartiqlStatement compile(PartiqlTree tree, Engine engine, List<JsonNode> parameters) {
    return new PartiqlCompiler(engine, parameters).statement(tree);
  }

  /** The name of the table a statement names, or {@code null}, for errors that report it. */
  static String tableName(PartiqlTree tree) {
    PartiqlTree target = null;
    if (tree instanceof PartiqlTree.Call call && call.arguments().size() == 1) {
      tree = call.arguments().get(0);
    }
    if (tree instanceof PartiqlTree.Select select) {
      target = select.sources().get(0).path();
    } else if (tree instanceof PartiqlTree.Insert insert) {
      target = insert.target();
    } else if (tree instanceof PartiqlTree.Update update) {
      target = update.target();
    } else if (tree instanceof PartiqlTree.Delete delete) {
      target = delete.target();
    }
    if (target instanceof PartiqlTree.Path path) {
      target = path.root();
    }
    return target instanceof PartiqlTree.Name name ? name.name() : null;
  }

  private PartiqlStatement statement(PartiqlTree tree) {
    if (tree instanceof PartiqlTree.Select select) {
      return read(select);
    }
    if (tree instanceof PartiqlTree.Insert insert) {
      return insert(insert);
    }
    if (tree instanceof PartiqlTree.Update update) {
      return update(update);
    }
    if (tree instanceof PartiqlTree.Delete delete) {
      return delete(delete);
    }
    if (tree instanceof PartiqlTree.Call call && call.name().equals("exists") && call.arguments().size() == 1
        && call.arguments().get(0) instanceof PartiqlTree.Select select) {
      return check(select);
    }
    throw ApiException.validation("Unsupported operation: " + operation(tree));
  }

  /** The reference parser's name for what a statement that is no statement is. */
  private static String operation(PartiqlTree tree) {
    if (tree instanceof PartiqlTree.Is) {
      return "IsType";
    }
    if (tree instanceof PartiqlTree.Name) {
      return "VariableReference";
    }
    if (tree instanceof PartiqlTree.Path) {
      return "Path";
    }
    if (tree instanceof PartiqlTree.ListOf || tree instanceof PartiqlTree.BagOf) {
      return "Seq";
    }
    if (tree instanceof PartiqlTree.Struct) {
      return "Struct";
    }
    if (tree instanceof PartiqlTree.Parameter) {
      return "Parameter";
    }
    boolean literal = tree instanceof PartiqlTree.Text || tree instanceof PartiqlTree.Number
        || tree instanceof PartiqlTree.Bool || tree instanceof PartiqlTree.Null
        || tree instanceof PartiqlTree.Missing;
    return literal ? "Literal" : "NAry";
  }

  private PartiqlStatement.Read read(PartiqlTree.Select select) {
    checkSelect(select);
    Table table = table(select.sources().get(0).path(), true);
    List<Column> columns = columns(select);
    Condition filter = select.where() == null ? null : expressions.condition(select.where());
    KeyConditions keys = keyConditions(table, select.where());
    return new PartiqlStatement.Read(table, columns, filter, access(table, keys, select), keys.byKeyOnly());
  }

  /**
   * What a SELECT's WHERE clause says of the key: the partition key values it allows ({@code =} or {@code IN}),
   * the one sort key value, and whether it is nothing but the whole key, which batches and transactions require.
   */
  private record KeyConditions(List<JsonNode> partitions, JsonNode sort, boolean wholeKey, boolean byKeyOnly) {
  }

  private KeyConditions keyConditions(Table table, PartiqlTree where) {
    Map<String, List<JsonNode>> pinned = new LinkedHashMap<>();
    boolean byKeyOnly = where != null;
    for (PartiqlTree conjunct : conjuncts(where)) {
      KeyValues key = keyValues(table, conjunct, true);
      if (key == null) {
        byKeyOnly = false;
        continue;
      }
      List<JsonNode> earlier = pinned.putIfAbsent(key.attribute(), key.values());
      if (key.values().size() != 1 || (earlier != null && !sameValues(earlier, key.values()))) {
        byKeyOnly = false;
      }
    }
    List<JsonNode> partitions = pinned.get(table.hashKey().name());
    List<JsonNode> sorts = table.rangeKey() == null ? null : pinned.get(table.rangeKey().name());
    JsonNode sort = sorts != null && sorts.size() == 1 ? sorts.get(0) : null;
    boolean wholeKey = partitions != null && partitions.size() == 1 && (table.rangeKey() == null || sort != null);
    return new KeyConditions(partitions, sort, wholeKey, byKeyOnly && wholeKey);
  }

  /** How a SELECT reads: one item, its partitions in the ORDER BY's directions, or the whole table. */
  private Access access(Table table, KeyConditions keys, PartiqlTree.Select select) {
    boolean partitionsDescending = false;
    boolean sortDescending = false;
    boolean orderedByPartition = false;
    if (!select.orderBy().isEmpty()) {
      if (select.where() == null) {
        throw ApiException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
      }
      if (keys.partitions() == null) {
        throw ApiException.validation("Must have at least one non-optional hash key condition in WHERE clause "
            + "when using ORDER BY clause.");
      }
      for (PartiqlTree.Order order : select.orderBy()) {
        if (!(order.key() instanceof PartiqlTree.Name name)) {
          throw ApiException.validation("Argument to ORDER BY must be of type VariableReference. Type: "
              + operation(order.key()));
        }
        if (!table.isKeyAttribute(name.name())) {
          throw ApiException.validation("Variable reference " + name.name()
              + " in ORDER BY clause must be part of the primary key");
        }
        if (name.name().equals(table.hashKey().name())) {
          orderedByPartition = true;
          partitionsDescending = order.descending();
        } else {
          sortDescending = order.descending();
        }
      }
      if (keys.partitions().size() > 1 && !orderedByPartition) {
        throw ApiException.validation("Must have hash key in ORDER BY clause when more than one hash key "
            + "condition specified in WHERE clause.");
      }
    }
    if (keys.wholeKey()) {
      return Access.item(table.keyOf(keyAttributes(table, keys.partitions().get(0), keys.sort())));
    }
    if (keys.partitions() == null) {
      return Access.table();
    }
    // Partitions in key order, each once, as one query after another would read them.
    TreeMap<ItemKey, JsonNode> ordered = new TreeMap<>();
    keys.partitions().forEach(partition -> ordered.putIfAbsent(ItemKey.lowest(partition), partition));
    List<JsonNode> partitions = new ArrayList<>(partitionsDescending
        ? ordered.descendingMap().values() : ordered.values());
    return new Access(null, partitions, sortDescending);
  }

  /** What DynamoDB's PartiQL refuses in a SELECT before it looks at the table. */
  private static void checkSelect(PartiqlTree.Select select) {
    if (select.unsupported() != null) {
      throw ApiException.validation("Unsupported clause: " + select.unsupported().name() + " at "
          + select.unsupported().at().position());
    }
    if (select.value() != null) {
      throw ApiException.validation("Select projection doesn't support value or pivot keywords");
    }
    if (select.sources().size() > 1) {
      throw ApiException.validation("Only select from a single table or index is supported.");
    }
    boolean aliased = select.sources().get(0).alias() != null
        || select.projection().stream().anyMatch(projected -> projected.alias() != null);
    if (aliased) {
      throw aliasing();
    }
  }

  /** The SELECT list, each path under the name DynamoDB gives it: its last field, with any indexes after. */
  private List<Column> columns(PartiqlTree.Select select) {
    if (select.projection().isEmpty()) {
      return null;
    }
    List<Column> columns = new ArrayList<>();
    Set<String> names = new TreeSet<>();
    for (PartiqlTree.Projected projected : select.projection()) {
      DocumentPath path = expressions.path(projected.expression());
      if (path == null) {
        throw ApiException.validation("Unexpected path component at " + projected.expression().at().position());
      }
      StringBuilder name = new StringBuilder();
      for (Object element : path.elements()) {
        if (element instanceof String field) {
          name.setLength(0);
          name.append(field);
        } else {
          name.append('[').append(element).append(']');
        }
      }
      if (!names.add(name.toString())) {
        throw ApiException.validation("Duplicate identifiers in select clause: " + name);
      }
      columns.add(new Column(name.toString(), path));
    }
    return columns;
  }

  private PartiqlStatement.Insert insert(PartiqlTree.Insert insert) {
    if (!insert.value()) {
      throw ApiException.validation("Unsupported operation: Inserting multiple items in a single statement is not "
          + "supported, use \"INSERT INTO tableName VALUE item\" instead");
    }
    if (insert.position() != null) {
      throw ApiException.validation("AT is not supported in insert statements.");
    }
    if (!insert.returning().isEmpty()) {
      throw ApiException.validation("RETURNING is not supported in INSERT");
    }
    Table table = table(insert.target(), false);
    if (!(insert.item() instanceof PartiqlTree.Struct struct)) {
      throw ApiException.validation("Unsupported format in item expression. Please use struct format {...} to "
          + "express item values for insert statement.");
    }
    ObjectNode item = expressions.item(struct);
    for (Table.KeyAttribute key : keyAttributes(table)) {
      JsonNode value = item.get(key.name());
      if (value == null) {
        throw ApiException.validation("Key attribute should be present in the item: Key " + key.name());
      }
      checkKeyType(key, value);
    }
    AttributeValues.validateItem(item);
    ItemKey key = table.keyOfItem(item);
    AttributeValues.checkItemSize(item);
    return new PartiqlStatement.Insert(table, key, item);
  }

  private PartiqlStatement.Update update(PartiqlTree.Update update) {
    if (update.alias() != null) {
      throw aliasing();
    }
    String returnValues = returnValues(update.returning());
    Table table = table(update.target(), false);
    WriteKey key = writeKey(table, update.where());
    List<UpdateExpression.SetAction> sets = new ArrayList<>();
    List<DocumentPath> removes = new ArrayList<>();
    List<UpdateExpression.ValueAction> adds = new ArrayList<>();
    List<UpdateExpression.ValueAction> deletes = new ArrayList<>();
    for (PartiqlTree.Action action : update.actions()) {
      DocumentPath path = expressions.path(action.path());
      if (action.value() == null) {
        removes.add(path);
      } else if (action.value() instanceof PartiqlTree.Call call
          && (call.name().equals("set_add") || call.name().equals("set_delete"))) {
        UpdateExpression.ValueAction change = new UpdateExpression.ValueAction(path, setChange(call, path));
        (call.name().equals("set_add") ? adds : deletes).add(change);
      } else {
        sets.add(new UpdateExpression.SetAction(path, expressions.setValue(action.value())));
      }
    }
    UpdateExpression expression = new UpdateExpression(sets, removes, adds, deletes);
    List<DocumentPath> paths = expression.paths();
    for (int i = 0; i < paths.size(); i++) {
      if (table.isKeyAttribute(paths.get(i).attribute())) {
        throw ApiException.validation("One or more parameter values were invalid: Cannot update attribute "
            + paths.get(i).attribute() + ". This attribute is part of the key");
      }
      for (int j = i + 1; j < paths.size(); j++) {
        if (paths.get(i).overlaps(paths.get(j))) {
          throw ApiException.validation("Two document paths overlap with each other; must remove or rewrite one "
              + "of these paths; path one: " + paths.get(i) + ", path two: " + paths.get(j));
        }
      }
    }
    return new PartiqlStatement.Update(table, key.key(), expression, key.condition(), returnValues);
  }

  /**
   * {@code SET s = set_add(s, <<...>>)} and {@code set_delete}: UpdateItem's ADD and DELETE of set members,
   * checked as DynamoDB checks them.
   */
  private JsonNode setChange(PartiqlTree.Call call, DocumentPath target) {
    String function = call.name().toUpperCase(Locale.ROOT);
    if (call.arguments().size() != 2) {
      throw ApiException.validation(function + " must have exactly two arguments at " + call.at().position());
    }
    if (!target.equals(expressions.path(call.arguments().get(0)))) {
      throw ApiException.validation("The first argument to " + function + " must equal the assignment value at "
          + call.at().position());
    }
    PartiqlTree members = call.arguments().get(1);
    JsonNode set = members instanceof PartiqlTree.BagOf || members instanceof PartiqlTree.Parameter
        ? expressions.value(members, "root") : null;
    if (set == null || !AttributeValues.isSet(AttributeValues.type(set))) {
      throw ApiException.validation("The second argument to " + function + " must be a value with type SET at "
          + call.arguments().get(0).at().position());
    }
    return set;
  }

  private PartiqlStatement.Delete delete(PartiqlTree.Delete delete) {
    if (delete.alias() != null) {
      throw aliasing();
    }
    if (!delete.returning().isEmpty()) {
      Returning returning = delete.returning().get(0);
      if (delete.returning().size() == 1 && !returning.mapping().equals("all_old")) {
        throw ApiException.validation("Invalid returning clause: RETURNING "
            + returning.mapping().toUpperCase(Locale.ROOT).replace('_', ' ') + (returning.star() ? " *" : "")
            + ". Only RETURNING ALL OLD * is allowed in DELETE statements.");
      }
      returnValues(delete.returning());
    }
    Table table = table(delete.target(), false);
    WriteKey key = writeKey(table, delete.where());
    return new PartiqlStatement.Delete(table, key.key(), key.condition(), !delete.returning().isEmpty());
  }

  /** {@code EXISTS(SELECT * FROM t WHERE <whole key> AND <condition>)}, a transaction's condition check. */
  private PartiqlStatement.Check check(PartiqlTree.Select select) {
    checkSelect(select);
    if (select.sources().get(0).path() instanceof PartiqlTree.Path) {
      throw ApiException.validation("Operations on indices are not supported in transactions");
    }
    Table table = table(select.sources().get(0).path(), true);
    WriteKey key;
    try {
      key = writeKey(table, select.where());
    } catch (ApiException e) {
      if (!e.getMessage().equals(INCOMPLETE_KEY)) {
        throw e;
      }
      key = null;
    }
    if (key == null || key.condition() == null) {
      throw ApiException.validation("EXISTS() must contain a single item read with additional condition");
    }
    return new PartiqlStatement.Check(table, key.key(), key.condition());
  }

  /** The item a write's WHERE clause names by equalities on its whole key, and the rest as its condition. */
  private record WriteKey(ItemKey key, Condition condition) {
  }

  private WriteKey writeKey(Table table, PartiqlTree where) {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Condition condition = null;
    for (PartiqlTree conjunct : conjuncts(where)) {
      KeyValues key = keyValues(table, conjunct, false);
      if (key == null) {
        Condition part = expressions.condition(conjunct);
        condition = condition == null ? part : new Condition.And(condition, part);
      } else if (values.putIfAbsent(key.attribute(), key.values().get(0)) != null) {
        throw ApiException.validation("Multiple conditions on same key " + key.attribute()
            + ". Only single item Update/Insert/Delete are supported");
      }
    }
    for (Table.KeyAttribute key : keyAttributes(table)) {
      if (!values.containsKey(key.name())) {
        throw ApiException.validation(INCOMPLETE_KEY);
      }
    }
    JsonNode sort = table.rangeKey() == null ? null : values.get(table.rangeKey().name());
    ItemKey key = table.keyOf(keyAttributes(table, values.get(table.hashKey().name()), sort));
    return new WriteKey(key, condition);
  }

  /** A key attribute and the values a conjunct pins it to. */
  private record KeyValues(String attribute, List<JsonNode> values) {
  }

  /**
   * The values a conjunct pins a key attribute to: {@code key = value} either way round, and, for reads,
   * {@code key IN [values]}; {@code null} for any other conjunct.
   */
  private KeyValues keyValues(Table table, PartiqlTree conjunct, boolean read) {
    String attribute = null;
    List<PartiqlTree> values = null;
    if (conjunct instanceof PartiqlTree.Binary binary && binary.operator().equals("=")) {
      for (PartiqlTree[] sides : List.of(new PartiqlTree[] {binary.left(), binary.right()},
          new PartiqlTree[] {binary.right(), binary.left()})) {
        if (sides[0] instanceof PartiqlTree.Name name && table.isKeyAttribute(name.name()) && isValue(sides[1])) {
          attribute = name.name();
          values = List.of(sides[1]);
          break;
        }
      }
    } else if (read && conjunct instanceof PartiqlTree.In in && !in.negated()
        && in.value() instanceof PartiqlTree.Name name && table.isKeyAttribute(name.name())
        && in.candidates() instanceof PartiqlTree.ListOf list && !list.elements().isEmpty()
        && list.elements().stream().allMatch(PartiqlCompiler::isValue)) {
      attribute = name.name();
      values = list.elements();
    }
    if (attribute == null) {
      return null;
    }
    Table.KeyAttribute key = attribute.equals(table.hashKey().name()) ? table.hashKey() : table.rangeKey();
    List<JsonNode> keyValues = new ArrayList<>();
    for (PartiqlTree value : values) {
      JsonNode keyValue = expressions.value(value, "root");
      checkKeyType(key, keyValue);
      keyValues.add(keyValue);
    }
    return new KeyValues(attribute, keyValues);
  }

  private static boolean isValue(PartiqlTree tree) {
    return tree instanceof PartiqlTree.Text || tree instanceof PartiqlTree.Number
        || tree instanceof PartiqlTree.Parameter || tree instanceof PartiqlTree.Bool
        || tree instanceof PartiqlTree.Null || tree instanceof PartiqlTree.ListOf
        || tree instanceof PartiqlTree.Struct || tree instanceof PartiqlTree.BagOf;
  }

  private static void checkKeyType(Table.KeyAttribute key, JsonNode value) {
    if (!AttributeValues.type(value).equals(key.type())) {
      throw ApiException.validation("Key attribute's data type should match its data type in table's schema: "
          + "Key " + key.name());
    }
  }

  /** The parts of a WHERE clause joined by AND at its top; none without a WHERE clause. */
  private static List<PartiqlTree> conjuncts(PartiqlTree where) {
    List<PartiqlTree> conjuncts = new ArrayList<>();
    if (where instanceof PartiqlTree.Binary binary && binary.operator().equals("and")) {
      conjuncts.addAll(conjuncts(binary.left()));
      conjuncts.addAll(conjuncts(binary.right()));
    } else if (where != null) {
      conjuncts.add(where);
    }
    return conjuncts;
  }

  private static boolean sameValues(List<JsonNode> a, List<JsonNode> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!AttributeValues.equal(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  private static List<Table.KeyAttribute> keyAttributes(Table table) {
    return table.rangeKey() == null ? List.of(table.hashKey()) : List.of(table.hashKey(), table.rangeKey());
  }

  private static ObjectNode keyAttributes(Table table, JsonNode hash, JsonNode sort) {
    ObjectNode key = Json.object();
    key.set(table.hashKey().name(), hash);
    if (table.rangeKey() != null) {
      key.set(table.rangeKey().name(), sort);
    }
    return key;
  }

  /**
   * The table a statement names: {@code "table"} or, for a read, {@code "table"."index"}. This engine builds
   * no secondary indexes, so a read from one is refused instead of being answered from the table.
   */
  private Table table(PartiqlTree reference, boolean read) {
    String name;
    String index = null;
    if (reference instanceof PartiqlTree.Name table) {
      name = table.name();
    } else if (reference instanceof PartiqlTree.Path path && path.root() instanceof PartiqlTree.Name table) {
      name = table.name();
      if (path.steps().size() > 1) {
        throw ApiException.validation(read ? "A path may contain at most 2 components in the FROM clause"
            : "FROM clause may only contain a single table name in data manipulation statements");
      }
      if (!(path.steps().get(0) instanceof String indexName)) {
        throw ApiException.validation(
            "Invalid path dot component in this operation, expecting either an IDENTIFIER or STAR.");
      }
      index = indexName;
    } else {
      throw ApiException.validation("Unexpected from source");
    }
    if (!TABLE_NAME.matcher(name).matches()) {
      throw ApiException.validation("Table name should be within the length [3, 255] and only contain 'a-z', "
          + "'A-Z', '0-9', '-', '_', '.'.");
    }
    Table table = engine.tables().get(name);
    if (table == null) {
      throw ApiException.resourceNotFound();
    }
    if (index != null && !read) {
      throw ApiException.validation("This operation is not supported on an index");
    }
    if (index != null) {
      throw ApiException.validation("Reads from a secondary index (\"" + name + "\".\"" + index
          + "\") are not supported by this local DynamoDB engine, which builds no indexes");
    }
    return table;
  }

  /** UpdateItem's ReturnValues for a RETURNING clause; NONE without one. */
  private static String returnValues(List<Returning> returning) {
    if (returning.isEmpty()) {
      return "NONE";
    }
    if (returning.size() > 1) {
      throw ApiException.validation("Invalid syntax with multiple returning elements in RETURNING clause");
    }
    if (!returning.get(0).star()) {
      throw ApiException.validation("Expected '*' after ( MODIFIED | ALL ) ( NEW | OLD ) in RETURNING clause");
    }
    return RETURN_VALUES.get(returning.get(0).mapping());
  }

  private static ApiException aliasing() {
    return ApiException.validation("Aliasing is not supported");
  }
}
