package dev.laconic.local.engine.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.engine.expression.Condition;
import dev.laconic.local.engine.expression.DocumentPath;
import dev.laconic.local.engine.expression.IndexKeyChecks;
import dev.laconic.local.engine.expression.UpdateExpression;
import dev.laconic.local.engine.partiql.PartiqlStatement.Access;
import dev.laconic.local.engine.partiql.PartiqlStatement.Column;
import dev.laconic.local.engine.partiql.PartiqlTree.Returning;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import dev.laconic.local.engine.storage.Engine;
import dev.laconic.local.engine.storage.ItemKey;
import dev.laconic.local.engine.storage.SecondaryIndex;
import dev.laconic.local.engine.storage.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * statements for DynamoDB</a> and from what the service answers. A SELECT from {@code "table"."index"} reads the
 * index as a Query or Scan with IndexName does, by the index's key rather than the table's.
 */
final class PartiqlCompiler {
  private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");
  private static final String INCOMPLETE_KEY =
      "Where clause does not contain a mandatory equality on all key attributes";
  private static final Map<String, String> RETURN_VALUES = Map.of("all_old", "ALL_OLD", "all_new", "ALL_NEW",
      "modified_old", "UPDATED_OLD", "modified_new", "UPDATED_NEW");

  private final Engine engine;
  private final PartiqlExpressions expressions;
  private final boolean consistentRead;

  private PartiqlCompiler(Engine engine, List<JsonNode> parameters, boolean consistentRead) {
    this.engine = engine;
    this.expressions = new PartiqlExpressions(parameters);
    this.consistentRead = consistentRead;
  }

  /**
   * Compiles {@code tree}; {@code parameters} are the request's, one for each {@code ?}, and {@code consistentRead}
   * its ConsistentRead, which a read from a global index refuses.
   */
  static PartiqlStatement compile(PartiqlTree tree, Engine engine, List<JsonNode> parameters,
      boolean consistentRead) {
    return new PartiqlCompiler(engine, parameters, consistentRead).statement(tree);
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

  /**
   * A SELECT, of the table or of one of its indexes. A read from an index is checked as DynamoDB checks it, in
   * its order: a global index refuses ConsistentRead and columns it does not project, and a read of some of an
   * index's partitions refuses a WHERE clause on attributes the index does not project, where a scan of the
   * index would find them missing.
   */
  private PartiqlStatement.Read read(PartiqlTree.Select select) {
    checkSelect(select);
    Target target = target(select.sources().get(0).path(), true);
    SecondaryIndex index = target.index();
    if (index != null && index.isGlobal() && consistentRead) {
      throw ApiException.validation("Strongly consistent read is not supported on Global Secondary Indexes");
    }
    List<Column> columns = columns(select);
    if (index != null && index.isGlobal() && columns != null) {
      index.checkProjected(columns.stream().map(column -> column.path().attribute()).toList());
    }
    Condition filter = select.where() == null ? null : expressions.condition(select.where());
    Keys keys = index == null ? Keys.of(target.table()) : new Keys(index.hashKey(), index.rangeKey());
    KeyConditions conditions = keyConditions(keys, select.where());
    if (index != null && conditions.partitions() != null) {
      checkFilterProjected(index, select.where());
    }
    return new PartiqlStatement.Read(target.table(), index, columns, filter,
        access(target, keys, conditions, select), index == null && conditions.byKeyOnly());
  }

  /** The key a statement reads by: the table's, or that of the index it reads. */
  private record Keys(Table.KeyAttribute hash, Table.KeyAttribute range) {
    static Keys of(Table table) {
      return new Keys(table.hashKey(), table.rangeKey());
    }

    boolean isKey(String attribute) {
      return attribute.equals(hash.name()) || (range != null && attribute.equals(range.name()));
    }

    List<Table.KeyAttribute> attributes() {
      return range == null ? List.of(hash) : List.of(hash, range);
    }
  }

  /**
   * What a SELECT's WHERE clause says of the key: the partition key values it allows ({@code =} or {@code IN}),
   * the one sort key value, and whether it is nothing but the whole key, which batches and transactions require.
   */
  private record KeyConditions(List<JsonNode> partitions, JsonNode sort, boolean wholeKey, boolean byKeyOnly) {
  }

  private KeyConditions keyConditions(Keys keys, PartiqlTree where) {
    Map<String, List<JsonNode>> pinned = new LinkedHashMap<>();
    boolean byKeyOnly = where != null;
    for (PartiqlTree conjunct : conjuncts(where)) {
      KeyValues key = keyValues(keys, conjunct, true);
      if (key == null) {
        byKeyOnly = false;
        continue;
      }
      List<JsonNode> earlier = pinned.putIfAbsent(key.attribute(), key.values());
      if (key.values().size() != 1 || (earlier != null && !sameValues(earlier, key.values()))) {
        byKeyOnly = false;
      }
    }
    List<JsonNode> partitions = pinned.get(keys.hash().name());
    List<JsonNode> sorts = keys.range() == null ? null : pinned.get(keys.range().name());
    JsonNode sort = sorts != null && sorts.size() == 1 ? sorts.get(0) : null;
    boolean wholeKey = partitions != null && partitions.size() == 1 && (keys.range() == null || sort != null);
    return new KeyConditions(partitions, sort, wholeKey, byKeyOnly && wholeKey);
  }

  /**
   * Refuses a WHERE clause on attributes {@code index} does not project, for a read of some of its partitions;
   * DynamoDB names them in the order written.
   */
  private static void checkFilterProjected(SecondaryIndex index, PartiqlTree where) {
    Set<String> attributes = new LinkedHashSet<>();
    attributes(where, attributes);
    List<String> notProjected = attributes.stream().filter(attribute -> !index.projects(attribute)).toList();
    if (!notProjected.isEmpty()) {
      throw ApiException.invalidParameters("Secondary index " + index.name()
          + " does not project one or more filter attributes: " + notProjected);
    }
  }

  /** Adds the attributes {@code tree} reads (the first name of each path) to {@code attributes}. */
  private static void attributes(PartiqlTree tree, Set<String> attributes) {
    if (tree instanceof PartiqlTree.Name name) {
      attributes.add(name.name());
    } else if (tree instanceof PartiqlTree.Path path) {
      attributes(path.root(), attributes);
    } else if (tree instanceof PartiqlTree.Binary binary) {
      attributes(binary.left(), attributes);
      attributes(binary.right(), attributes);
    } else if (tree instanceof PartiqlTree.Unary unary) {
      attributes(unary.operand(), attributes);
    } else if (tree instanceof PartiqlTree.Between between) {
      List.of(between.value(), between.lower(), between.upper()).forEach(part -> attributes(part, attributes));
    } else if (tree instanceof PartiqlTree.In in) {
      attributes(in.value(), attributes);
      attributes(in.candidates(), attributes);
    } else if (tree instanceof PartiqlTree.Is is) {
      attributes(is.value(), attributes);
    } else if (tree instanceof PartiqlTree.Call call) {
      call.arguments().forEach(argument -> attributes(argument, attributes));
    } else if (tree instanceof PartiqlTree.ListOf list) {
      list.elements().forEach(element -> attributes(element, attributes));
    }
  }

  /**
   * How a SELECT reads: one item of the table, its partitions (the table's or the index's) in the ORDER BY's
   * directions, or the whole table or index.
   */
  private Access access(Target target, Keys keys, KeyConditions conditions, PartiqlTree.Select select) {
    boolean partitionsDescending = false;
    boolean sortDescending = false;
    boolean orderedByPartition = false;
    if (!select.orderBy().isEmpty()) {
      if (select.where() == null) {
        throw ApiException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
      }
      if (conditions.partitions() == null) {
        throw ApiException.validation("Must have at least one non-optional hash key condition in WHERE clause "
            + "when using ORDER BY clause.");
      }
      for (PartiqlTree.Order order : select.orderBy()) {
        if (!(order.key() instanceof PartiqlTree.Name name)) {
          throw ApiException.validation("Argument to ORDER BY must be of type VariableReference. Type: "
              + operation(order.key()));
        }
        if (!keys.isKey(name.name())) {
          throw ApiException.validation("Variable reference " + name.name()
              + " in ORDER BY clause must be part of the primary key");
        }
        if (name.name().equals(keys.hash().name())) {
          orderedByPartition = true;
          partitionsDescending = order.descending();
        } else {
          sortDescending = order.descending();
        }
      }
      if (conditions.partitions().size() > 1 && !orderedByPartition) {
        throw ApiException.validation("Must have hash key in ORDER BY clause when more than one hash key "
            + "condition specified in WHERE clause.");
      }
    }
    if (conditions.wholeKey() && target.index() == null) {
      Table table = target.table();
      return Access.item(table.keyOf(keyAttributes(table, conditions.partitions().get(0), conditions.sort())));
    }
    if (conditions.partitions() == null) {
      return Access.all();
    }
    // Partitions in key order, each once, as one query after another would read them.
    TreeMap<ItemKey, JsonNode> ordered = new TreeMap<>();
    conditions.partitions().forEach(partition -> ordered.putIfAbsent(ItemKey.lowest(partition), partition));
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
    Table table = table(insert.target());
    if (!(insert.item() instanceof PartiqlTree.Struct struct)) {
      throw ApiException.validation("Unsupported format in item expression. Please use struct format {...} to "
          + "express item values for insert statement.");
    }
    ObjectNode item = expressions.item(struct);
    for (Table.KeyAttribute key : Keys.of(table).attributes()) {
      JsonNode value = item.get(key.name());
      if (value == null) {
        throw ApiException.validation("Key attribute should be present in the item: Key " + key.name());
      }
      checkKeyType(key, value);
    }
    AttributeValues.validateItem(item);
    ItemKey key = table.keyOfItem(item);
    table.checkIndexKeys(item);
    AttributeValues.checkItemSize(item);
    return new PartiqlStatement.Insert(table, key, item);
  }

  private PartiqlStatement.Update update(PartiqlTree.Update update) {
    if (update.alias() != null) {
      throw aliasing();
    }
    String returnValues = returnValues(update.returning());
    Table table = table(update.target());
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
    IndexKeyChecks.checkExpression(table, expression);
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
    Table table = table(delete.target());
    WriteKey key = writeKey(table, delete.where());
    return new PartiqlStatement.Delete(table, key.key(), key.condition(), !delete.returning().isEmpty());
  }

  /** {@code EXISTS(SELECT * FROM t WHERE <whole key> AND <condition>)}, a transaction's condition check. */
  private PartiqlStatement.Check check(PartiqlTree.Select select) {
    checkSelect(select);
    if (select.sources().get(0).path() instanceof PartiqlTree.Path) {
      throw ApiException.validation("Operations on indices are not supported in transactions");
    }
    Table table = target(select.sources().get(0).path(), true).table();
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
      KeyValues key = keyValues(Keys.of(table), conjunct, false);
      if (key == null) {
        Condition part = expressions.condition(conjunct);
        condition = condition == null ? part : new Condition.And(condition, part);
      } else if (values.putIfAbsent(key.attribute(), key.values().get(0)) != null) {
        throw ApiException.validation("Multiple conditions on same key " + key.attribute()
            + ". Only single item Update/Insert/Delete are supported");
      }
    }
    for (Table.KeyAttribute key : Keys.of(table).attributes()) {
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
  private KeyValues keyValues(Keys keys, PartiqlTree conjunct, boolean read) {
    String attribute = null;
    List<PartiqlTree> values = null;
    if (conjunct instanceof PartiqlTree.Binary binary && binary.operator().equals("=")) {
      for (PartiqlTree[] sides : List.of(new PartiqlTree[] {binary.left(), binary.right()},
          new PartiqlTree[] {binary.right(), binary.left()})) {
        if (sides[0] instanceof PartiqlTree.Name name && keys.isKey(name.name()) && isValue(sides[1])) {
          attribute = name.name();
          values = List.of(sides[1]);
          break;
        }
      }
    } else if (read && conjunct instanceof PartiqlTree.In in && !in.negated()
        && in.value() instanceof PartiqlTree.Name name && keys.isKey(name.name())
        && in.candidates() instanceof PartiqlTree.ListOf list && !list.elements().isEmpty()
        && list.elements().stream().allMatch(PartiqlCompiler::isValue)) {
      attribute = name.name();
      values = list.elements();
    }
    if (attribute == null) {
      return null;
    }
    Table.KeyAttribute key = attribute.equals(keys.hash().name()) ? keys.hash() : keys.range();
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

  private static ObjectNode keyAttributes(Table table, JsonNode hash, JsonNode sort) {
    ObjectNode key = Json.object();
    key.set(table.hashKey().name(), hash);
    if (table.rangeKey() != null) {
      key.set(table.rangeKey().name(), sort);
    }
    return key;
  }

  /** What a statement names: a table, and for a read from {@code "table"."index"} that index. */
  private record Target(Table table, SecondaryIndex index) {
  }

  /** The table a write names, which may not be an index. */
  private Table table(PartiqlTree reference) {
    return target(reference, false).table();
  }

  /** The table a statement names, or for a read {@code "table"."index"}; a write may not name an index. */
  private Target target(PartiqlTree reference, boolean read) {
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
    if (index == null) {
      return new Target(table, null);
    }
    if (!read) {
      throw ApiException.validation("This operation is not supported on an index");
    }
    SecondaryIndex secondary = table.index(index);
    if (secondary == null) {
      // Unlike Query and Scan, whose message ends with the name.
      throw ApiException.validation("The table does not have the specified index");
    }
    return new Target(table, secondary);
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
