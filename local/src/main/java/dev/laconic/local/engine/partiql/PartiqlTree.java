package dev.laconic.local.engine.partiql;

import dev.laconic.local.engine.partiql.PartiqlLexer.Token;
import java.util.List;

/**
 * A PartiQL statement as {@link PartiqlParser} reads it: the grammar of PartiQL, before any of DynamoDB's rules
 * (one table, the whole key, which functions) is applied, so a statement DynamoDB's parser accepts and its
 * translation refuses is refused with the translation's message.
 *
 * <p>Every node keeps the token it starts at, for the positions some of DynamoDB's messages carry.
 */
sealed interface PartiqlTree {
  Token at();

  /** A bare or double-quoted name: an attribute, or a table in FROM. */
  record Name(String name, Token at) implements PartiqlTree {
  }

  /** {@code root.field} and {@code root[index]} steps; a step is a field name (String) or an index tree. */
  record Path(PartiqlTree root, List<Object> steps, Token at) implements PartiqlTree {
  }

  record Text(String value, Token at) implements PartiqlTree {
  }

  /** A number as written, with a leading {@code -} when negated. */
  record Number(String value, Token at) implements PartiqlTree {
  }

  record Bool(boolean value, Token at) implements PartiqlTree {
  }

  record Null(Token at) implements PartiqlTree {
  }

  record Missing(Token at) implements PartiqlTree {
  }

  /** A {@code ?}, bound to the request's parameter at {@code index}. */
  record Parameter(int index, Token at) implements PartiqlTree {
  }

  /** {@code [a, b]}, or a parenthesised list of two or more. */
  record ListOf(List<PartiqlTree> elements, Token at) implements PartiqlTree {
  }

  /** {@code <<a, b>>}. */
  record BagOf(List<PartiqlTree> elements, Token at) implements PartiqlTree {
  }

  /** {@code {'k': v, ...}}. */
  record Struct(List<Field> fields, Token at) implements PartiqlTree {
  }

  record Field(PartiqlTree key, PartiqlTree value) {
  }

  /** A function call; {@code name} is in lower case unless it was quoted. */
  record Call(String name, List<PartiqlTree> arguments, Token at) implements PartiqlTree {
  }

  /** An infix operator: a symbol, or {@code and}, {@code or}, {@code like}, {@code not_like}. */
  record Binary(String operator, PartiqlTree left, PartiqlTree right, Token at) implements PartiqlTree {
  }

  /** {@code not}, or a sign on something other than a number. */
  record Unary(String operator, PartiqlTree operand, Token at) implements PartiqlTree {
  }

  record Between(PartiqlTree value, PartiqlTree lower, PartiqlTree upper, boolean negated, Token at)
      implements PartiqlTree {
  }

  record In(PartiqlTree value, PartiqlTree candidates, boolean negated, Token at) implements PartiqlTree {
  }

  /** {@code value IS [NOT] type}; {@code type} is the type keyword, such as {@code missing}. */
  record Is(PartiqlTree value, String type, boolean negated, Token at) implements PartiqlTree {
  }

  /**
   * A SELECT. {@code projection} is empty for {@code *}; {@code value} is the VALUE keyword's token when the
   * statement is {@code SELECT VALUE}; {@code sources} holds more than one FROM source for a join;
   * {@code unsupported} is the first clause DynamoDB refuses (DISTINCT, GROUP BY, HAVING, LIMIT), or null.
   */
  record Select(List<Projected> projection, Token value, List<Source> sources, PartiqlTree where,
      List<Order> orderBy, Clause unsupported, Token at) implements PartiqlTree {
  }

  record Projected(PartiqlTree expression, Token alias) {
  }

  /** A table, {@code "table"."index"}, or anything else written in FROM, with its alias if any. */
  record Source(PartiqlTree path, Token alias) {
  }

  record Order(PartiqlTree key, boolean descending) {
  }

  /** A clause and where DynamoDB points at it. */
  record Clause(String name, Token at) {
  }

  /**
   * {@code INSERT INTO target VALUE item}; {@code value} is false for {@code INSERT INTO target <bag>},
   * {@code position} is the token of an {@code AT} clause.
   */
  record Insert(PartiqlTree target, PartiqlTree item, boolean value, Token position, List<Returning> returning,
      Token at) implements PartiqlTree {
  }

  /** {@code UPDATE target [alias] SET ... REMOVE ... WHERE ... RETURNING ...}. */
  record Update(PartiqlTree target, Token alias, List<Action> actions, PartiqlTree where,
      List<Returning> returning, Token at) implements PartiqlTree {
  }

  /** {@code DELETE FROM target [alias] WHERE ... RETURNING ...}. */
  record Delete(PartiqlTree target, Token alias, PartiqlTree where, List<Returning> returning, Token at)
      implements PartiqlTree {
  }

  /** {@code SET path = value} when {@code value} is not null, otherwise {@code REMOVE path}. */
  record Action(PartiqlTree path, PartiqlTree value, Token at) {
  }

  /** One element of RETURNING: {@code all_old}, ... and whether its column is {@code *}. */
  record Returning(String mapping, boolean star, Token at) {
  }
}
