package dev.laconic.filters;

/**
 * One acceptable value of a field: a literal, or one operator.
 *
 * @param operator the literal's type or the operator
 * @param text a string literal's characters; a number's spelling; {@code true}, {@code false},
 *     {@code null}; for an operator, its JSON object as written in the pattern
 */
public record Matcher(Operator operator, String text) {

  /** The literal types and the operators of Lambda's filter rule syntax. */
  public enum Operator {
    STRING(Value.STRING),
    NUMBER(Value.NUMBER),
    BOOLEAN(Value.BOOLEAN),
    NULL(Value.NULL),
    PREFIX(Value.STRING),
    SUFFIX(Value.STRING),
    EQUALS_IGNORE_CASE(Value.STRING),
    NUMERIC(Value.NUMBER),
    ANYTHING_BUT(Value.ANY),
    EXISTS(Value.ANY);

    private final Value matches;

    Operator(Value matches) {
      this.matches = matches;
    }

    /** The only kind of record value this matches, or {@link Value#ANY}. */
    public Value matches() {
      return matches;
    }
  }

  /** The JSON type of a record's value. */
  public enum Value { STRING, NUMBER, BOOLEAN, NULL, ANY }
}
