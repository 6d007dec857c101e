package dev.laconic.local.engine.partiql;

import dev.laconic.local.engine.partiql.PartiqlLexer.Kind;
import dev.laconic.local.engine.partiql.PartiqlLexer.Token;
import dev.laconic.local.engine.partiql.PartiqlTree.Action;
import dev.laconic.local.engine.partiql.PartiqlTree.Clause;
import dev.laconic.local.engine.partiql.PartiqlTree.Order;
import dev.laconic.local.engine.partiql.PartiqlTree.Projected;
import dev.laconic.local.engine.partiql.PartiqlTree.Returning;
import dev.laconic.local.engine.partiql.PartiqlTree.Source;
import dev.laconic.local.engine.protocol.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent parser for the PartiQL statements DynamoDB takes: SELECT, INSERT, UPDATE, DELETE and
 * expressions such as {@code EXISTS(SELECT ...)}.
 *
 * <p>It follows the PartiQL reference parser DynamoDB runs (partiql-lang-kotlin's {@code SqlParser}): operators
 * bind by the same precedence (OR, AND, NOT, then {@code = <> IS IN}, then {@code < <= > >= BETWEEN LIKE}, then
 * {@code + - ||}, then {@code * / %}), and a statement it cannot read is refused with that parser's words after
 * "Statement wasn't well formed, can't be processed:", such as "Unexpected term" or "Unexpected token after
 * expression". See <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ql-reference.html">PartiQL
 * for DynamoDB</a>.
 */
final class PartiqlParser {
  private static final Map<String, Integer> INFIX = Map.ofEntries(
      Map.entry("or", 10), Map.entry("and", 20),
      Map.entry("=", 40), Map.entry("<>", 40), Map.entry("is", 40), Map.entry("is_not", 40),
      Map.entry("in", 40), Map.entry("not_in", 40),
      Map.entry("<", 50), Map.entry("<=", 50), Map.entry(">", 50), Map.entry(">=", 50),
      Map.entry("between", 50), Map.entry("not_between", 50), Map.entry("like", 50), Map.entry("not_like", 50),
      Map.entry("+", 60), Map.entry("-", 60), Map.entry("||", 60),
      Map.entry("*", 70), Map.entry("/", 70), Map.entry("%", 70));
  private static final Set<String> INFIX_KEYWORDS =
      Set.of("or", "and", "is", "is_not", "in", "not_in", "between", "not_between", "like", "not_like");
  private static final int NOT = 30;
  /** What follows SELECT's clauses binds looser than any operator, as in the reference parser. */
  private static final int CLAUSE = 6;
  private static final Set<String> TYPE_NAMES = Set.of("missing", "null", "boolean", "smallint", "integer",
      "float", "real", "double_precision", "decimal", "numeric", "timestamp", "date", "time", "character",
      "character_varying", "string", "symbol", "clob", "blob", "struct", "tuple", "list", "sexp", "bag");
  private static final Set<String> RETURNING_MAPPINGS = Set.of("all_old", "all_new", "modified_old",
      "modified_new");

  /**
   * How deep expressions may nest: a statement of 8192 characters could otherwise nest deep enough to overflow
   * the stack of the thread serving it.
   */
  private static final int MAX_DEPTH = 256;

  private final List<Token> tokens;
  private int position;
  private int depth;

  private PartiqlParser(List<Token> tokens) {
    this.tokens = tokens;
  }

  /** A statement read, and how many {@code ?} parameters it has. */
  record Parsed(PartiqlTree tree, int parameters) {
  }

  /** Reads one statement, optionally ended by a semicolon. */
  static Parsed parse(String statement) {
    List<Token> tokens = PartiqlLexer.tokenize(statement);
    int parameters = (int) tokens.stream().filter(token -> token.kind() == Kind.PARAMETER).count();
    return new Parsed(new PartiqlParser(tokens).statement(), parameters);
  }

  private PartiqlTree statement() {
    PartiqlTree tree = expression(-1);
    if (peek().isSymbol(";")) {
      next();
      if (peek().kind() != Kind.END) {
        throw malformed("Unexpected token after semicolon. (Only one query is allowed.)");
      }
    }
    if (peek().kind() != Kind.END) {
      throw malformed("Unexpected token after expression");
    }
    return tree;
  }

  private PartiqlTree expression(int precedence) {
    if (++depth > MAX_DEPTH) {
      throw malformed("");
    }
    try {
      return operators(precedence);
    } finally {
      depth--;
    }
  }

  private PartiqlTree operators(int precedence) {
    PartiqlTree left = unary();
    while (precedence < infixPrecedence(peek())) {
      Token operator = next();
      String name = operator.text();
      switch (name) {
        case "is", "is_not" -> left = new PartiqlTree.Is(left, type(), name.equals("is_not"), operator);
        case "in", "not_in" -> left = new PartiqlTree.In(left, inCandidates(INFIX.get(name)),
            name.equals("not_in"), operator);
        case "between", "not_between" -> {
          PartiqlTree lower = rightOperand(INFIX.get(name));
          expectKeyword("and");
          if (peek().kind() == Kind.END) {
            throw malformed("Expected expression after AND");
          }
          PartiqlTree upper = expression(INFIX.get(name));
          left = new PartiqlTree.Between(left, lower, upper, name.equals("not_between"), operator);
        }
        default -> {
          PartiqlTree right = rightOperand(INFIX.get(name));
          if ((name.equals("like") || name.equals("not_like")) && peek().isKeyword("escape")) {
            next();
            expression(INFIX.get(name));
          }
          left = new PartiqlTree.Binary(name, left, right, operator);
        }
      }
    }
    return left;
  }

  private PartiqlTree rightOperand(int precedence) {
    if (peek().kind() == Kind.END) {
      throw malformed("Missing right-hand side expression of infix operator");
    }
    return expression(precedence);
  }

  /** The binding power of an infix operator; lower than any for a token that is none. */
  private static int infixPrecedence(Token token) {
    boolean infix = (token.kind() == Kind.SYMBOL && INFIX.containsKey(token.text()))
        || (token.kind() == Kind.KEYWORD && INFIX_KEYWORDS.contains(token.text()));
    return infix ? INFIX.get(token.text()) : Integer.MIN_VALUE;
  }

  /** IN's right side: a parenthesised list of expressions, or any expression such as {@code [1, 2]}. */
  private PartiqlTree inCandidates(int precedence) {
    if (peek().isSymbol("(") && !peek(1).isKeyword("select") && !peek(1).isKeyword("values")) {
      Token open = next();
      List<PartiqlTree> candidates = expressionList();
      expectSymbol(")", "RIGHT_PAREN");
      return new PartiqlTree.ListOf(candidates, open);
    }
    return rightOperand(precedence);
  }

  private String type() {
    Token token = next();
    if (token.kind() != Kind.KEYWORD || !TYPE_NAMES.contains(token.text())) {
      throw malformed("Expected type name");
    }
    if (peek().isSymbol("(")) {
      // Type parameters, as in VARCHAR(10): read and dropped, no IS test DynamoDB runs takes them.
      next();
      expressionList();
      expectSymbol(")", "RIGHT_PAREN");
    }
    return token.text();
  }

  private PartiqlTree unary() {
    Token token = peek();
    if (token.isKeyword("not")) {
      next();
      return new PartiqlTree.Unary("not", expression(NOT), token);
    }
    if (token.isSymbol("-") || token.isSymbol("+")) {
      next();
      PartiqlTree operand = unary();
      if (operand instanceof PartiqlTree.Number number) {
        String value = number.value();
        String negated = value.startsWith("-") ? value.substring(1) : "-" + value;
        return new PartiqlTree.Number(token.isSymbol("-") ? negated : value, token);
      }
      return new PartiqlTree.Unary(token.text(), operand, token);
    }
    return path(term());
  }

  private PartiqlTree term() {
    Token token = next();
    return switch (token.kind()) {
      case NAME, QUOTED_NAME -> {
        if (peek().isSymbol("(")) {
          next();
          String name = token.kind() == Kind.NAME ? token.text().toLowerCase(Locale.ROOT) : token.text();
          yield call(name, token);
        }
        yield new PartiqlTree.Name(token.text(), token);
      }
      case STRING -> new PartiqlTree.Text(token.text(), token);
      case NUMBER -> new PartiqlTree.Number(token.text(), token);
      case PARAMETER -> new PartiqlTree.Parameter(token.index(), token);
      case KEYWORD -> keywordTerm(token);
      case SYMBOL -> switch (token.text()) {
        case "(" -> {
          List<PartiqlTree> group = expressionList();
          expectSymbol(")", "RIGHT_PAREN");
          yield group.size() == 1 ? group.get(0) : new PartiqlTree.ListOf(group, token);
        }
        case "[" -> new PartiqlTree.ListOf(sequence("]", "RIGHT_BRACKET"), token);
        case "<<" -> new PartiqlTree.BagOf(sequence(">>", "RIGHT_DOUBLE_ANGLE_BRACKET"), token);
        case "{" -> struct(token);
        case ")", "]", "}", ">>", ",", ".", ":", ";" -> throw malformed("Unexpected term");
        default -> throw malformed("Unexpected operator");
      };
      case END -> throw malformed("Unexpected term");
    };
  }

  private PartiqlTree keywordTerm(Token token) {
    String keyword = token.text();
    switch (keyword) {
      case "null":
        return new PartiqlTree.Null(token);
      case "missing":
        return new PartiqlTree.Missing(token);
      case "true", "false":
        return new PartiqlTree.Bool(keyword.equals("true"), token);
      case "select":
        return select(token);
      case "insert_into":
        return insert(token);
      case "update":
        return update(token);
      case "delete":
        return delete(token);
      default:
        if (PartiqlKeywords.FUNCTIONS.contains(keyword) && peek().isSymbol("(")) {
          next();
          return call(keyword, token);
        }
        throw malformed("Unexpected keyword");
    }
  }

  /** The arguments of a call whose opening parenthesis has been read. */
  private PartiqlTree call(String name, Token at) {
    if (peek().isSymbol("*")) {
      throw malformed(name + "(*) is not allowed");
    }
    List<PartiqlTree> arguments = peek().isSymbol(")") ? List.of() : expressionList();
    expectSymbol(")", "RIGHT_PAREN");
    return new PartiqlTree.Call(name, arguments, at);
  }

  /** Comma-separated elements up to a closing symbol; an empty sequence is allowed. */
  private List<PartiqlTree> sequence(String close, String closeName) {
    if (peek().isSymbol(close)) {
      next();
      return List.of();
    }
    List<PartiqlTree> elements = expressionList();
    expectSymbol(close, closeName);
    return elements;
  }

  private PartiqlTree struct(Token open) {
    List<PartiqlTree.Field> fields = new ArrayList<>();
    if (!peek().isSymbol("}")) {
      do {
        PartiqlTree key = expression(-1);
        expectSymbol(":", "COLON");
        fields.add(new PartiqlTree.Field(key, expression(-1)));
      } while (symbol(","));
    }
    expectSymbol("}", "RIGHT_CURLY");
    return new PartiqlTree.Struct(fields, open);
  }

  private List<PartiqlTree> expressionList() {
    List<PartiqlTree> elements = new ArrayList<>();
    do {
      elements.add(expression(-1));
    } while (symbol(","));
    return elements;
  }

  /** Field and index steps after a term: {@code a.b}, {@code a."b"}, {@code a[0]}. */
  private PartiqlTree path(PartiqlTree root) {
    List<Object> steps = new ArrayList<>();
    while (true) {
      if (symbol(".")) {
        Token field = next();
        if (field.kind() == Kind.NAME || field.kind() == Kind.QUOTED_NAME) {
          steps.add(field.text());
        } else if (field.isSymbol("*")) {
          throw ApiException.validation("Unpivot path component like a.*.b are not supported");
        } else {
          throw malformed("Invalid path dot component");
        }
      } else if (symbol("[")) {
        if (peek().isSymbol("*")) {
          throw ApiException.validation("Wildcard path component like a[*].b are not supported");
        }
        steps.add(expression(-1));
        expectSymbol("]", "RIGHT_BRACKET");
      } else {
        return steps.isEmpty() ? root : new PartiqlTree.Path(root, steps, root.at());
      }
    }
  }

  /** The target of INSERT, UPDATE and DELETE: a name, then field and literal index steps. */
  private PartiqlTree simplePath() {
    Token token = peek();
    if (token.kind() != Kind.NAME && token.kind() != Kind.QUOTED_NAME) {
      throw malformed("Expected identifier for simple path");
    }
    next();
    PartiqlTree path = path(new PartiqlTree.Name(token.text(), token));
    if (path instanceof PartiqlTree.Path steps) {
      for (Object step : steps.steps()) {
        if (step instanceof PartiqlTree index && !(index instanceof PartiqlTree.Number)
            && !(index instanceof PartiqlTree.Text)) {
          throw malformed("Invalid path component for simple path");
        }
      }
    }
    return path;
  }

  private PartiqlTree select(Token at) {
    Clause unsupported = null;
    if (peek().isKeyword("distinct")) {
      unsupported = new Clause("DISTINCT", next());
    } else if (peek().isKeyword("all")) {
      next();
    }
    Token value = null;
    List<Projected> projection = new ArrayList<>();
    if (peek().isKeyword("value")) {
      value = next();
      projection.add(new Projected(expression(-1), null));
    } else {
      boolean star = false;
      do {
        if (peek().isSymbol("*")) {
          next();
          star = true;
        } else {
          projection.add(new Projected(expression(-1), alias()));
        }
      } while (symbol(","));
      if (star && !projection.isEmpty()) {
        throw malformed("Other expressions may not be present in the select list when '*' is used without "
            + "dot notation.");
      }
    }
    if (!peek().isKeyword("from")) {
      throw malformed("Expected FROM after SELECT list");
    }
    next();
    List<Source> sources = new ArrayList<>();
    do {
      sources.add(new Source(path(term()), alias()));
    } while (symbol(",") || joinKeyword());
    PartiqlTree where = null;
    if (peek().isKeyword("where")) {
      next();
      where = expression(CLAUSE);
    }
    List<Order> orderBy = new ArrayList<>();
    if (peek().isKeyword("order")) {
      next();
      expectKeyword("by");
      do {
        PartiqlTree key = expression(CLAUSE);
        boolean descending = peek().isKeyword("desc");
        if (descending || peek().isKeyword("asc")) {
          next();
        }
        orderBy.add(new Order(key, descending));
      } while (symbol(","));
    }
    if (peek().isKeyword("group")) {
      Token group = next();
      expectKeyword("by");
      expressionList();
      unsupported = unsupported != null ? unsupported : new Clause("GROUP BY", group);
    }
    if (peek().isKeyword("having")) {
      Token having = next();
      expression(CLAUSE);
      unsupported = unsupported != null ? unsupported : new Clause("HAVING", having);
    }
    if (peek().isKeyword("limit")) {
      next();
      Token limit = peek();
      expression(CLAUSE);
      unsupported = unsupported != null ? unsupported : new Clause("LIMIT", limit);
    }
    return new PartiqlTree.Select(projection, value, sources, where, orderBy, unsupported, at);
  }

  /** A JOIN between FROM sources, read only to be refused: DynamoDB reads one table. */
  private boolean joinKeyword() {
    Token token = peek();
    if (token.kind() != Kind.KEYWORD || !Set.of("join", "cross", "inner", "left", "right", "full", "outer")
        .contains(token.text())) {
      return false;
    }
    while (peek().kind() == Kind.KEYWORD && !peek().isKeyword("join")) {
      next();
    }
    expectKeyword("join");
    return true;
  }

  /** {@code AS name}, a bare name, {@code AT name} or {@code BY name} after a source or projection. */
  private Token alias() {
    Token alias = null;
    if (peek().isKeyword("as")) {
      next();
      alias = expectName("Expected identifier for AS-alias");
    } else if (peek().kind() == Kind.NAME || peek().kind() == Kind.QUOTED_NAME) {
      alias = next();
    }
    for (String keyword : List.of("at", "by")) {
      if (peek().isKeyword(keyword)) {
        next();
        Token name = expectName("Expected identifier for " + keyword.toUpperCase(Locale.ROOT) + "-alias");
        alias = alias != null ? alias : name;
      }
    }
    return alias;
  }

  private PartiqlTree insert(Token at) {
    PartiqlTree target = simplePath();
    if (!peek().isKeyword("value")) {
      return new PartiqlTree.Insert(target, expression(-1), false, null, List.of(), at);
    }
    next();
    PartiqlTree item = expression(-1);
    Token position = null;
    if (peek().isKeyword("at")) {
      position = next();
      expression(-1);
    }
    return new PartiqlTree.Insert(target, item, true, position, returning(), at);
  }

  private PartiqlTree update(Token at) {
    PartiqlTree target = simplePath();
    Token alias = alias();
    List<Action> actions = new ArrayList<>();
    while (true) {
      Token clause = peek();
      if (clause.isKeyword("set")) {
        next();
        do {
          PartiqlTree path = simplePath();
          if (!peek().isSymbol("=")) {
            throw malformed("Expected '='");
          }
          next();
          actions.add(new Action(path, expression(-1), clause));
        } while (symbol(","));
      } else if (clause.isKeyword("remove")) {
        next();
        actions.add(new Action(simplePath(), null, clause));
      } else if (clause.isKeyword("insert_into")) {
        throw ApiException.validation("Only SET and REMOVE are supported in update expressions at this time");
      } else {
        break;
      }
    }
    if (actions.isEmpty()) {
      throw malformed("Expected data manipulation");
    }
    return new PartiqlTree.Update(target, alias, actions, where(), returning(), at);
  }

  private PartiqlTree delete(Token at) {
    if (!peek().isKeyword("from")) {
      throw malformed("Expected FROM after DELETE");
    }
    next();
    PartiqlTree target = simplePath();
    Token alias = alias();
    return new PartiqlTree.Delete(target, alias, where(), returning(), at);
  }

  private PartiqlTree where() {
    if (!peek().isKeyword("where")) {
      return null;
    }
    next();
    return expression(-1);
  }

  private List<Returning> returning() {
    if (!peek().isKeyword("returning")) {
      return List.of();
    }
    next();
    List<Returning> elements = new ArrayList<>();
    do {
      Token mapping = next();
      if (mapping.kind() != Kind.KEYWORD || !RETURNING_MAPPINGS.contains(mapping.text())) {
        throw malformed("Expected ( MODIFIED | ALL ) ( NEW | OLD ) in each returning element.");
      }
      boolean star = symbol("*");
      if (!star) {
        expression(-1);
      }
      elements.add(new Returning(mapping.text(), star, mapping));
    } while (symbol(","));
    return elements;
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

  private boolean symbol(String symbol) {
    if (peek().isSymbol(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  /** {@code name} is the reference parser's name of the token, as its messages spell it. */
  private void expectSymbol(String symbol, String name) {
    if (!symbol(symbol)) {
      throw malformed("Expected " + name);
    }
  }

  private void expectKeyword(String keyword) {
    if (!peek().isKeyword(keyword)) {
      throw malformed("Expected " + keyword.toUpperCase(Locale.ROOT) + " keyword");
    }
    next();
  }

  private Token expectName(String message) {
    Token token = peek();
    if (token.kind() != Kind.NAME && token.kind() != Kind.QUOTED_NAME) {
      throw malformed(message);
    }
    return next();
  }

  private static ApiException malformed(String detail) {
    return ApiException.validation(PartiqlLexer.MALFORMED + detail);
  }
}
