package dev.laconic.local.engine.expression;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.engine.protocol.ApiException;
import dev.laconic.local.engine.storage.AttributeValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recursive-descent parser for DynamoDB's condition, filter, key condition, update and projection expressions.
 *
 * <p>The grammar is the one in the
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.OperatorsAndFunctions.html">Comparison
 * operator and function reference</a> and
 * <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Expressions.UpdateExpressions.html">Update
 * expressions</a>: keywords are case-insensitive, function names are not, precedence from loosest to tightest is
 * {@code OR}, {@code AND}, {@code NOT}, then comparisons, {@code BETWEEN}, {@code IN} and functions. Bare attribute
 * names that are {@linkplain ReservedWords reserved words} are rejected as DynamoDB rejects them.
 */
public final class ExpressionParser {
  private static final Set<String> CONDITION_FUNCTIONS =
      Set.of("attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains");
  private static final Set<String> FUNCTIONS = Set.of("attribute_exists", "attribute_not_exists",
      "attribute_type", "begins_with", "contains", "size", "if_not_exists", "list_append");
  private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
  private static final Set<String> COMPARATORS = Set.of("=", "<>", "<", "<=", ">", ">=");
  private static final Set<String> CLAUSES = Set.of("SET", "REMOVE", "ADD", "DELETE");
  private static final int MAX_IN_OPERANDS = 100;

  private enum Kind { IDENTIFIER, NAME, VALUE, NUMBER, SYMBOL, END }

  private record Token(Kind kind, String text, int offset) {
  }

  private final String text;
  private final String expression;
  private final ExpressionContext context;
  private final List<Token> tokens;
  private final List<DocumentPath> paths = new ArrayList<>();
  private int position;

  /**
   * Prepares to parse {@code text}; {@code expression} names the request parameter, such as
   * {@code "ConditionExpression"}, for error messages.
   */
  public ExpressionParser(String text, String expression, ExpressionContext context) {
    this.text = text;
    this.expression = expression;
    this.context = context;
    if (text.isBlank()) {
      throw invalid("The expression can not be empty;");
    }
    this.tokens = tokenize();
  }

  /** Every document path the parsed expression mentions, read or written. */
  public List<DocumentPath> paths() {
    return List.copyOf(paths);
  }

  public Condition condition() {
    Condition condition = or();
    expectEnd();
    return condition;
  }

  public List<DocumentPath> projection() {
    List<DocumentPath> projected = new ArrayList<>();
    do {
      projected.add(path());
    } while (symbol(","));
    expectEnd();
    checkNoOverlap(projected);
    return projected;
  }

  public UpdateExpression update() {
    List<UpdateExpression.SetAction> sets = new ArrayList<>();
    List<DocumentPath> removes = new ArrayList<>();
    List<UpdateExpression.ValueAction> adds = new ArrayList<>();
    List<UpdateExpression.ValueAction> deletes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (!atEnd()) {
      Token token = next();
      String clause = token.kind() == Kind.IDENTIFIER ? token.text().toUpperCase(Locale.ROOT) : "";
      if (!CLAUSES.contains(clause)) {
        throw syntax(token);
      }
      if (!seen.add(clause)) {
        throw invalid("The \"" + clause + "\" section can only be used once in an update expression;");
      }
      do {
        switch (clause) {
          case "SET" -> {
            DocumentPath path = path();
            expectSymbol("=");
            sets.add(new UpdateExpression.SetAction(path, setValue()));
          }
          case "REMOVE" -> removes.add(path());
          case "ADD" -> {
            DocumentPath path = path();
            JsonNode value = valuePlaceholder();
            String type = AttributeValues.type(value);
            if (!type.equals("N") && !AttributeValues.isSet(type)) {
              throw incorrectOperand("ADD", type);
            }
            adds.add(new UpdateExpression.ValueAction(path, value));
          }
          default -> {
            DocumentPath path = path();
            JsonNode value = valuePlaceholder();
            if (!AttributeValues.isSet(AttributeValues.type(value))) {
              throw incorrectOperand("DELETE", AttributeValues.type(value));
            }
            deletes.add(new UpdateExpression.ValueAction(path, value));
          }
        }
      } while (symbol(","));
    }
    UpdateExpression update = new UpdateExpression(sets, removes, adds, deletes);
    checkNoOverlap(update.paths());
    return update;
  }

  private Condition or() {
    Condition left = and();
    while (keyword("OR")) {
      left = new Condition.Or(left, and());
    }
    return left;
  }

  private Condition and() {
    Condition left = not();
    while (keyword("AND")) {
      left = new Condition.And(left, not());
    }
    return left;
  }

  private Condition not() {
    if (keyword("NOT")) {
      return new Condition.Not(not());
    }
    return primary();
  }

  private Condition primary() {
    if (symbol("(")) {
      Condition inner = or();
      expectSymbol(")");
      return inner;
    }
    Token token = peek();
    if (token.kind() == Kind.IDENTIFIER && CONDITION_FUNCTIONS.contains(token.text()) && peek(1).text().equals("(")) {
      return conditionFunction();
    }
    Operand left = conditionOperand();
    if (keyword("BETWEEN")) {
      Operand lower = conditionOperand();
      if (!keyword("AND")) {
        throw syntax(peek());
      }
      Operand upper = conditionOperand();
      checkOrdered("BETWEEN", left, lower, upper);
      checkBounds(lower, upper);
      return new Condition.Between(left, lower, upper);
    }
    if (keyword("IN")) {
      expectSymbol("(");
      List<Operand> candidates = new ArrayList<>();
      do {
        candidates.add(conditionOperand());
      } while (symbol(","));
      expectSymbol(")");
      if (candidates.size() > MAX_IN_OPERANDS) {
        throw invalid("The IN operator is provided with too many operands; number of operands: "
            + candidates.size());
      }
      return new Condition.In(left, candidates);
    }
    Token operator = next();
    if (operator.kind() != Kind.SYMBOL || !COMPARATORS.contains(operator.text())) {
      throw syntax(operator);
    }
    Operand right = conditionOperand();
    if (!operator.text().equals("=") && !operator.text().equals("<>")) {
      checkOrdered(operator.text(), left, right);
    }
    return new Condition.Compare(left, operator.text(), right);
  }

  private Condition conditionFunction() {
    String name = next().text();
    expectSymbol("(");
    Condition condition = switch (name) {
      case "attribute_exists" -> new Condition.AttributeExists(path(), true);
      case "attribute_not_exists" -> new Condition.AttributeExists(path(), false);
      case "attribute_type" -> {
        DocumentPath path = path();
        expectSymbol(",");
        JsonNode type = valuePlaceholder();
        String typeName = type.has("S") ? type.get("S").asText() : null;
        if (!TYPE_NAMES.contains(typeName)) {
          throw invalid("Invalid attribute type name found; type: " + type + ", access path: " + path);
        }
        yield new Condition.AttributeType(path, typeName);
      }
      case "begins_with" -> {
        Operand value = conditionOperand();
        expectSymbol(",");
        Operand prefix = conditionOperand();
        for (Operand operand : List.of(value, prefix)) {
          String type = literalType(operand);
          if (type != null && !type.equals("S") && !type.equals("B")) {
            throw incorrectOperand("begins_with", type);
          }
        }
        yield new Condition.BeginsWith(value, prefix);
      }
      default -> {
        Operand value = conditionOperand();
        expectSymbol(",");
        yield new Condition.Contains(value, conditionOperand());
      }
    };
    expectSymbol(")");
    return condition;
  }

  /** An operand of a condition: a path, a value, or {@code size(path)}. */
  private Operand conditionOperand() {
    Token token = peek();
    if (token.kind() == Kind.VALUE) {
      return new Operand.Value(valuePlaceholder());
    }
    if (isCall("size")) {
      next();
      expectSymbol("(");
      DocumentPath path = path();
      expectSymbol(")");
      return new Operand.Size(path);
    }
    if (token.kind() == Kind.IDENTIFIER && FUNCTIONS.contains(token.text()) && peek(1).text().equals("(")) {
      throw invalid("The function is not allowed to be used this way in an expression; function: "
          + token.text());
    }
    return new Operand.Path(path());
  }

  /** The right-hand side of a SET action: an operand, or two joined by {@code +} or {@code -}. */
  private Operand setValue() {
    Operand left = setOperand();
    boolean plus = symbol("+");
    if (!plus && !symbol("-")) {
      return left;
    }
    Operand right = setOperand();
    for (Operand operand : List.of(left, right)) {
      String type = literalType(operand);
      if (type != null && !type.equals("N")) {
        throw incorrectOperand(plus ? "+" : "-", type);
      }
    }
    return new Operand.Arithmetic(left, plus, right);
  }

  private Operand setOperand() {
    if (symbol("(")) {
      // DynamoDB takes an operand in parentheses, as in SET a = (b).
      Operand inner = setOperand();
      expectSymbol(")");
      return inner;
    }
    Token token = peek();
    if (token.kind() == Kind.VALUE) {
      return new Operand.Value(valuePlaceholder());
    }
    if (isCall("if_not_exists")) {
      next();
      expectSymbol("(");
      DocumentPath path = path();
      expectSymbol(",");
      Operand fallback = setOperand();
      expectSymbol(")");
      return new Operand.IfNotExists(path, fallback);
    }
    if (isCall("list_append")) {
      next();
      expectSymbol("(");
      Operand first = setOperand();
      expectSymbol(",");
      Operand second = setOperand();
      expectSymbol(")");
      for (Operand operand : List.of(first, second)) {
        String type = literalType(operand);
        if (type != null && !type.equals("L")) {
          throw incorrectOperand("list_append", type);
        }
      }
      return new Operand.ListAppend(first, second);
    }
    if (token.kind() == Kind.IDENTIFIER && FUNCTIONS.contains(token.text()) && peek(1).text().equals("(")) {
      throw invalid("The function is not allowed in an update expression; function: " + token.text());
    }
    return new Operand.Path(path());
  }

  private DocumentPath path() {
    List<Object> elements = new ArrayList<>();
    elements.add(pathName());
    while (true) {
      if (symbol(".")) {
        elements.add(pathName());
      } else if (symbol("[")) {
        Token index = next();
        if (index.kind() != Kind.NUMBER) {
          throw syntax(index);
        }
        try {
          elements.add(Integer.parseInt(index.text()));
        } catch (NumberFormatException e) {
          throw syntax(index);
        }
        expectSymbol("]");
      } else {
        break;
      }
    }
    DocumentPath path = new DocumentPath(elements);
    paths.add(path);
    return path;
  }

  private String pathName() {
    Token token = next();
    if (token.kind() == Kind.NAME) {
      return context.name(token.text(), expression);
    }
    if (token.kind() != Kind.IDENTIFIER) {
      throw syntax(token);
    }
    if (ReservedWords.contains(token.text())) {
      throw invalid("Attribute name is a reserved keyword; reserved keyword: " + token.text());
    }
    return token.text();
  }

  private JsonNode valuePlaceholder() {
    Token token = next();
    if (token.kind() != Kind.VALUE) {
      throw syntax(token);
    }
    return context.value(token.text(), expression);
  }

  private static String literalType(Operand operand) {
    return operand instanceof Operand.Value value ? AttributeValues.type(value.value()) : null;
  }

  /** Ordering operators only take strings, numbers and binaries; a literal of another type is an error. */
  private void checkOrdered(String operator, Operand... operands) {
    for (Operand operand : operands) {
      String type = literalType(operand);
      if (type != null && !type.equals("S") && !type.equals("N") && !type.equals("B")) {
        throw incorrectOperand(operator, type);
      }
    }
  }

  private void checkBounds(Operand lower, Operand upper) {
    if (!(lower instanceof Operand.Value low) || !(upper instanceof Operand.Value high)) {
      return;
    }
    Integer order = AttributeValues.compare(low.value(), high.value());
    String operands = "; lower bound operand: AttributeValue: " + low.value()
        + ", upper bound operand: AttributeValue: " + high.value();
    if (order == null) {
      throw invalid("The BETWEEN operator requires same data type for lower and upper bounds" + operands);
    }
    if (order > 0) {
      throw invalid("The BETWEEN operator requires upper bound to be greater than or equal to lower bound"
          + operands);
    }
  }

  private void checkNoOverlap(List<DocumentPath> written) {
    for (int i = 0; i < written.size(); i++) {
      for (int j = i + 1; j < written.size(); j++) {
        if (written.get(i).overlaps(written.get(j))) {
          throw invalid("Two document paths overlap with each other; must remove or rewrite one of these "
              + "paths; path one: " + written.get(i) + ", path two: " + written.get(j));
        }
      }
    }
  }

  private List<Token> tokenize() {
    List<Token> result = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int start = i;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '#' || c == ':') {
        i++;
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        if (i == start + 1) {
          throw syntax(new Token(Kind.SYMBOL, String.valueOf(c), start));
        }
        result.add(new Token(c == '#' ? Kind.NAME : Kind.VALUE, text.substring(start, i), start));
      } else if (isLetter(c) || c == '_') {
        while (i < text.length() && isWordChar(text.charAt(i))) {
          i++;
        }
        result.add(new Token(Kind.IDENTIFIER, text.substring(start, i), start));
      } else if (c >= '0' && c <= '9') {
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        result.add(new Token(Kind.NUMBER, text.substring(start, i), start));
      } else if (text.startsWith("<>", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
        i += 2;
        result.add(new Token(Kind.SYMBOL, text.substring(start, i), start));
      } else if ("=<>()[],.+-".indexOf(c) >= 0) {
        i++;
        result.add(new Token(Kind.SYMBOL, String.valueOf(c), start));
      } else {
        throw syntax(new Token(Kind.SYMBOL, String.valueOf(c), start));
      }
    }
    result.add(new Token(Kind.END, "<EOF>", text.length()));
    return result;
  }

  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isWordChar(char c) {
    return isLetter(c) || (c >= '0' && c <= '9') || c == '_';
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  private Token next() {
    Token token = peek();
    if (token.kind() != Kind.END) {
      position++;
    }
    return token;
  }

  private boolean atEnd() {
    return peek().kind() == Kind.END;
  }

  private boolean isCall(String function) {
    return peek().kind() == Kind.IDENTIFIER && peek().text().equals(function) && peek(1).text().equals("(");
  }

  private boolean symbol(String symbol) {
    if (peek().kind() == Kind.SYMBOL && peek().text().equals(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  private void expectSymbol(String symbol) {
    if (!symbol(symbol)) {
      throw syntax(peek());
    }
  }

  private boolean keyword(String keyword) {
    if (peek().kind() == Kind.IDENTIFIER && peek().text().equalsIgnoreCase(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  private void expectEnd() {
    if (!atEnd()) {
      throw syntax(peek());
    }
  }

  private ApiException syntax(Token token) {
    int from = Math.max(0, token.offset() - 10);
    int to = Math.min(text.length(), token.offset() + token.text().length() + 10);
    return invalid("Syntax error; token: \"" + token.text() + "\", near: \"" + text.substring(from, to) + "\"");
  }

  private ApiException incorrectOperand(String operator, String type) {
    return invalid("Incorrect operand type for operator or function; operator or function: " + operator
        + ", operand type: " + type);
  }

  private ApiException invalid(String detail) {
    return ApiException.validation("Invalid " + expression + ": " + detail);
  }
}
