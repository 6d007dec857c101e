package dev.laconic.local.engine.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.laconic.local.engine.expression.Condition;
import dev.laconic.local.engine.expression.DocumentPath;
import dev.laconic.local.engine.expression.Operand;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.protocol.Json;
import dev.laconic.local.engine.storage.AttributeValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the expressions of a PartiQL statement into the engine's own {@link Condition}s, {@link Operand}s,
 * {@link DocumentPath}s and attribute values, so a WHERE clause is evaluated exactly as the same
 * ConditionExpression or FilterExpression would be, and a SET exactly as the same UpdateExpression.
 *
 * <p>DynamoDB translates PartiQL into those expressions too: its refusals carry the expression layer's words
 * ("Incorrect operand type for operator or function; ..."), and those of the translation some a position
 * ({@code at line:column:length}).
 */
final class PartiqlExpressions {
  private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
  /** The types IS tests, by PartiQL type name. */
  private static final Map<String, String> IS_TYPES = Map.of("null", "NULL", "boolean", "BOOL", "blob", "B",
      "string", "S", "numeric", "N", "struct", "M", "tuple", "M", "list", "L");
  private static final int MAX_IN_OPERANDS = 100;

  private final List<JsonNode> parameters;

  /** {@code parameters} are the request's, validated and as many as the statement's {@code ?}. */
  PartiqlExpressions(List<JsonNode> parameters) {
    this.parameters = parameters;
  }

  /** A WHERE clause, or one of its parts, as a condition. */
  Condition condition(PartiqlTree tree) {
    if (tree instanceof PartiqlTree.Binary binary) {
      String operator = binary.operator();
      if (operator.equals("and")) {
        return new Condition.And(condition(binary.left()), condition(binary.right()));
      }
      if (operator.equals("or")) {
        return new Condition.Or(condition(binary.left()), condition(binary.right()));
      }
      if (COMPARATORS.contains(operator)) {
        return comparison(binary);
      }
      throw ApiException.validation("Unsupported operator in Condition Expression. Operator: "
          + binary.at().text());
    }
    if (tree instanceof PartiqlTree.Unary unary && unary.operator().equals("not")) {
      return new Condition.Not(condition(unary.operand()));
    }
    if (tree instanceof PartiqlTree.Between between) {
      return negated(between(between), between.negated());
    }
    if (tree instanceof PartiqlTree.In in) {
      return negated(in(in), in.negated());
    }
    if (tree instanceof PartiqlTree.Is is) {
      return negated(is(is), is.negated());
    }
    if (tree instanceof PartiqlTree.Call call) {
      return function(call);
    }
    throw ApiException.validation("WHERE clause must contain an expression that resolves to a boolean");
  }

  private static Condition negated(Condition condition, boolean negated) {
    return negated ? new Condition.Not(condition) : condition;
  }

  private Condition comparison(PartiqlTree.Binary binary) {
    String operator = binary.operator();
    if (operator.equals("=") || operator.equals("<>")) {
      // attribute_exists(a) = true: a condition compared with a boolean literal.
      for (PartiqlTree[] sides : List.of(new PartiqlTree[] {binary.left(), binary.right()},
          new PartiqlTree[] {binary.right(), binary.left()})) {
        if (isCondition(sides[0]) && sides[1] instanceof PartiqlTree.Bool bool) {
          return negated(condition(sides[0]), bool.value() != operator.equals("="));
        }
      }
    }
    Operand left = operand(binary.left());
    Operand right = operand(binary.right());
    if (!operator.equals("=") && !operator.equals("<>")) {
      checkOrdered(operator, left, right);
    }
    return new Condition.Compare(left, operator, right);
  }

  private static boolean isCondition(PartiqlTree tree) {
    if (tree instanceof PartiqlTree.Binary binary) {
      return COMPARATORS.contains(binary.operator()) || binary.operator().equals("and")
          || binary.operator().equals("or");
    }
    if (tree instanceof PartiqlTree.Unary unary) {
      return unary.operator().equals("not");
    }
    if (tree instanceof PartiqlTree.Call call) {
      return CONDITION_FUNCTIONS.contains(call.name());
    }
    return tree instanceof PartiqlTree.Between || tree instanceof PartiqlTree.In
        || tree instanceof PartiqlTree.Is;
  }

  private Condition between(PartiqlTree.Between between) {
    Operand value = operand(between.value());
    Operand lower = operand(between.lower());
    Operand upper = operand(between.upper());
    checkOrdered("BETWEEN", value, lower, upper);
    if (lower instanceof Operand.Value low && upper instanceof Operand.Value high) {
      Integer order = AttributeValues.compare(low.value(), high.value());
      String operands = "; lower bound operand: AttributeValue: " + low.value()
          + ", upper bound operand: AttributeValue: " + high.value();
      if (order == null) {
        throw ApiException.validation(
            "The BETWEEN operator requires same data type for lower and upper bounds" + operands);
      }
      if (order > 0) {
        throw ApiException.validation(
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound" + operands);
      }
    }
    return new Condition.Between(value, lower, upper);
  }

  private Condition in(PartiqlTree.In in) {
    List<PartiqlTree> candidates = in.candidates() instanceof PartiqlTree.ListOf list ? list.elements() : null;
    if (path(in.value()) == null || candidates == null || candidates.isEmpty()) {
      throw ApiException.validation("IN operator must have a left hand argument of type Variable Reference and "
          + "right hand argument of type Seq with at least one member");
    }
    if (candidates.size() > MAX_IN_OPERANDS) {
      throw ApiException.validation("The IN operator is provided with too many operands; number of operands: "
          + candidates.size());
    }
    List<Operand> operands = new ArrayList<>();
    candidates.forEach(candidate -> operands.add(operand(candidate)));
    return new Condition.In(operand(in.value()), operands);
  }

  /** {@code IS [NOT] MISSING} tests presence, {@code IS [NOT] NULL} and the other types DynamoDB's type. */
  private Condition is(PartiqlTree.Is is) {
    DocumentPath path = path(is.value());
    if (path == null) {
      throw ApiException.validation(
          "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
    }
    if (is.type().equals("missing")) {
      return new Condition.AttributeExists(path, false);
    }
    String type = IS_TYPES.get(is.type());
    if (type == null) {
      throw ApiException.validation("Unsupported data type for IS operator: " + is.type().toUpperCase(Locale.ROOT)
          + ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST]");
    }
    return new Condition.AttributeType(path, type);
  }

  private Condition function(PartiqlTree.Call call) {
    List<PartiqlTree> arguments = call.arguments();
    switch (call.name()) {
      case "attribute_exists", "attribute_not_exists" -> {
        checkArity(call, 1);
        return new Condition.AttributeExists(requiredPath(call, arguments.get(0)),
            call.name().equals("attribute_exists"));
      }
      case "attribute_type" -> {
        checkArity(call, 2);
        DocumentPath path = requiredPath(call, arguments.get(0));
        JsonNode type = value(arguments.get(1), "root");
        String typeName = type.has("S") ? type.get("S").asText() : null;
        if (!TYPE_NAMES.contains(typeName)) {
          throw ApiException.validation("Invalid attribute type name found; type: " + type + ", access path: "
              + path);
        }
        return new Condition.AttributeType(path, typeName);
      }
      case "begins_with" -> {
        checkArity(call, 2);
        Operand value = operand(arguments.get(0));
        Operand prefix = operand(arguments.get(1));
        for (Operand operand : List.of(value, prefix)) {
          String type = literalType(operand);
          if (type != null && !type.equals("S") && !type.equals("B")) {
            throw incorrectOperand("begins_with", type);
          }
        }
        return new Condition.BeginsWith(value, prefix);
      }
      case "contains" -> {
        checkArity(call, 2);
        return new Condition.Contains(operand(arguments.get(0)), operand(arguments.get(1)));
      }
      case "size" -> throw ApiException.validation(
          "WHERE clause must contain an expression that resolves to a boolean");
      default -> throw unrecognized(call);
    }
  }

  /** An operand of a comparison or function: a path, a value, or {@code size(path)}. */
  Operand operand(PartiqlTree tree) {
    DocumentPath path = path(tree);
    if (path != null) {
      return new Operand.Path(path);
    }
    if (tree instanceof PartiqlTree.Call call) {
      if (call.name().equals("size")) {
        checkArity(call, 1);
        return new Operand.Size(requiredPath(call, call.arguments().get(0)));
      }
      if (CONDITION_FUNCTIONS.contains(call.name())) {
        throw ApiException.validation(
            "The function is not allowed to be used this way in an expression; function: " + call.name());
      }
      throw unrecognized(call);
    }
    if (tree instanceof PartiqlTree.Missing) {
      throw ApiException.validation("MISSING must be compared using IS operator");
    }
    if (tree instanceof PartiqlTree.Binary || tree instanceof PartiqlTree.Unary) {
      throw ApiException.validation("Unsupported operator in Condition Expression. Operator: "
          + tree.at().text());
    }
    return new Operand.Value(value(tree, "root"));
  }

  /**
   * The value of a SET action: an operand, {@code a + b}, {@code a - b} or {@code list_append(a, b)}; set_add
   * and set_delete are actions of their own, which {@link PartiqlCompiler} reads.
   */
  Operand setValue(PartiqlTree tree) {
    DocumentPath path = path(tree);
    if (path != null) {
      return new Operand.Path(path);
    }
    if (tree instanceof PartiqlTree.Binary binary) {
      boolean plus = binary.operator().equals("+");
      if (!plus && !binary.operator().equals("-")) {
        throw ApiException.validation("Unsupported operator in Update Expression. Operator: "
            + binary.at().text());
      }
      Operand left = setValue(binary.left());
      Operand right = setValue(binary.right());
      checkTypes(binary.operator(), "N", left, right);
      return new Operand.Arithmetic(left, plus, right);
    }
    if (tree instanceof PartiqlTree.Is) {
      throw ApiException.validation("IS operator is not supported in update expressions");
    }
    if (tree instanceof PartiqlTree.Call call) {
      if (!call.name().equals("list_append")) {
        throw unrecognized(call);
      }
      checkArity(call, 2);
      Operand first = setValue(call.arguments().get(0));
      Operand second = setValue(call.arguments().get(1));
      checkTypes("list_append", "L", first, second);
      return new Operand.ListAppend(first, second);
    }
    return new Operand.Value(value(tree, "root"));
  }

  private static void checkTypes(String operator, String expected, Operand... operands) {
    for (Operand operand : operands) {
      String type = literalType(operand);
      if (type != null && !type.equals(expected)) {
        throw incorrectOperand(operator, type);
      }
    }
  }

  /**
   * The document path a name or path stands for, or {@code null} when it is something else. An index must be
   * a whole number; {@code a['b']} is the field {@code b}.
   */
  DocumentPath path(PartiqlTree tree) {
    if (tree instanceof PartiqlTree.Name name) {
      return new DocumentPath(List.of(name.name()));
    }
    if (!(tree instanceof PartiqlTree.Path path) || !(path.root() instanceof PartiqlTree.Name root)) {
      return null;
    }
    List<Object> elements = new ArrayList<>();
    elements.add(root.name());
    for (Object step : path.steps()) {
      if (step instanceof String field) {
        elements.add(field);
      } else if (step instanceof PartiqlTree.Text text) {
        elements.add(text.value());
      } else if (step instanceof PartiqlTree.Number number && number.value().matches("-?[0-9]+")) {
        int index;
        try {
          index = Integer.parseInt(number.value());
        } catch (NumberFormatException e) {
          index = -1;
        }
        if (index < 0) {
          throw ApiException.validation("List index is not within the allowable range; index: ["
              + number.value() + "]");
        }
        elements.add(index);
      } else {
        PartiqlTree index = (PartiqlTree) step;
        throw ApiException.validation("Unexpected path component at " + index.at().position());
      }
    }
    return new DocumentPath(elements);
  }

  private DocumentPath requiredPath(PartiqlTree.Call call, PartiqlTree argument) {
    DocumentPath path = path(argument);
    if (path == null) {
      throw ApiException.validation("Operator or function requires a document path; operator or function: "
          + call.name());
    }
    return path;
  }

  /**
   * A literal, parameter or collection as an attribute value. {@code where} names the place inside the
   * attribute's value, {@code root}, {@code root.a} or {@code root[1]}, as DynamoDB's messages do.
   */
  JsonNode value(PartiqlTree tree, String where) {
    if (tree instanceof PartiqlTree.Text text) {
      return AttributeValues.of("S", TextNode.valueOf(text.value()));
    }
    if (tree instanceof PartiqlTree.Number number) {
      return number(number.value(), where);
    }
    if (tree instanceof PartiqlTree.Bool bool) {
      return AttributeValues.of("BOOL", BooleanNode.valueOf(bool.value()));
    }
    if (tree instanceof PartiqlTree.Null) {
      return AttributeValues.of("NULL", BooleanNode.TRUE);
    }
    if (tree instanceof PartiqlTree.Parameter parameter) {
      return parameters.get(parameter.index()).deepCopy();
    }
    if (tree instanceof PartiqlTree.ListOf list) {
      ArrayNode elements = Json.array();
      for (int i = 0; i < list.elements().size(); i++) {
        elements.add(value(list.elements().get(i), where + "[" + i + "]"));
      }
      return AttributeValues.of("L", elements);
    }
    if (tree instanceof PartiqlTree.Struct struct) {
      return AttributeValues.of("M", struct(struct, where, false));
    }
    if (tree instanceof PartiqlTree.BagOf bag) {
      return set(bag);
    }
    String what = tree instanceof PartiqlTree.Call call ? call.name()
        : tree instanceof PartiqlTree.Missing ? "MISSING" : tree.at().text();
    throw ApiException.validation("Unsupported data type: " + what + " under key " + where + " at "
        + tree.at().position());
  }

  /** The item of an INSERT: its attributes, each value a {@code root} of its own in messages. */
  ObjectNode item(PartiqlTree.Struct struct) {
    return struct(struct, "root", true);
  }

  /** The attributes of {@code {'k': v, ...}}: string keys, each once. */
  private ObjectNode struct(PartiqlTree.Struct struct, String where, boolean item) {
    ObjectNode members = Json.object();
    for (PartiqlTree.Field field : struct.fields()) {
      if (!(field.key() instanceof PartiqlTree.Text key)) {
        JsonNode keyValue = value(field.key(), where);
        throw ApiException.validation("Tuple keys must be of type String. Actual type: "
            + AttributeValues.type(keyValue) + " under " + where);
      }
      if (members.has(key.value())) {
        throw ApiException.validation("Duplicate keys in tuple. Key: " + key.value() + " under " + where);
      }
      members.set(key.value(), value(field.value(), item ? where : where + "." + key.value()));
    }
    return members;
  }

  /** {@code <<...>>}: a string set or a number set; PartiQL has no binary literal, a binary set is a parameter. */
  private static JsonNode set(PartiqlTree.BagOf bag) {
    if (bag.elements().isEmpty()) {
      throw ApiException.validation("Empty bags are not supported");
    }
    boolean strings = bag.elements().stream().allMatch(element -> element instanceof PartiqlTree.Text);
    boolean numbers = bag.elements().stream().allMatch(element -> element instanceof PartiqlTree.Number);
    if (!strings && !numbers) {
      throw ApiException.validation(
          "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
    }
    ArrayNode members = Json.array();
    Set<Object> seen = new LinkedHashSet<>();
    List<String> written = new ArrayList<>();
    for (PartiqlTree element : bag.elements()) {
      String member;
      Object identity;
      if (strings) {
        member = ((PartiqlTree.Text) element).value();
        identity = member;
      } else {
        BigDecimal number = AttributeValues.number(((PartiqlTree.Number) element).value());
        member = number.stripTrailingZeros().toPlainString();
        identity = number.stripTrailingZeros();
      }
      written.add(strings ? member : ((PartiqlTree.Number) element).value());
      seen.add(identity);
      members.add(member);
    }
    if (seen.size() < members.size()) {
      throw ApiException.validation("One or more parameter values were invalid: Input collection "
          + written.toString() + " contains duplicates.");
    }
    return AttributeValues.of(strings ? "SS" : "NS", members);
  }

  /** A number literal as DynamoDB stores it, or the number rule it breaks and where. */
  private static JsonNode number(String text, String where) {
    try {
      return AttributeValues.number(AttributeValues.number(text));
    } catch (ApiException e) {
      throw ApiException.validation(e.getMessage() + " under " + where);
    }
  }

  private static String literalType(Operand operand) {
    return operand instanceof Operand.Value value ? AttributeValues.type(value.value()) : null;
  }

  /** Ordering operators take strings, numbers and binaries; a value of another type is refused. */
  private static void checkOrdered(String operator, Operand... operands) {
    for (Operand operand : operands) {
      String type = literalType(operand);
      if (type != null && !type.equals("S") && !type.equals("N") && !type.equals("B")) {
        throw incorrectOperand(operator, type);
      }
    }
  }

  private static void checkArity(PartiqlTree.Call call, int arity) {
    if (call.arguments().size() != arity) {
      throw ApiException.validation("Incorrect number of operands for operator or function; operator or "
          + "function: " + call.name() + ", number of operands: " + call.arguments().size());
    }
  }

  private static ApiException incorrectOperand(String operator, String type) {
    return ApiException.validation("Incorrect operand type for operator or function; operator or function: "
        + operator + ", operand type: " + type);
  }

  static ApiException unrecognized(PartiqlTree.Call call) {
    return ApiException.validation("Unrecognized function: " + call.name() + " at " + call.at().position());
  }
}
