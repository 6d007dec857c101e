package dev.laconic.filters;

/**
 * Something wrong with a filter pattern, at the dotted path of the field it concerns ({@code ""}
 * for the pattern itself).
 *
 * @param kind what is wrong
 * @param path the field, as Lambda names it: {@code dynamodb.NewImage.state.S}
 * @param detail the particulars, a sentence fragment for a message
 */
public record FilterProblem(Kind kind, String path, String detail) {

  /** What can be wrong, and whether Lambda refuses the pattern for it. */
  public enum Kind {
    /** Not JSON at all. */
    NOT_JSON(true),
    /** JSON, then more text after the pattern's closing brace. */
    TRAILING_TEXT(true),
    /** A JSON value that is not an object. */
    NOT_OBJECT(true),
    /** {@code {}} somewhere: Lambda refuses an empty object, which would match every record. */
    EMPTY_OBJECT(true),
    /** {@code []}: Lambda refuses an empty list of values. */
    EMPTY_ARRAY(true),
    /** A field given a bare value instead of a list of values or an object of fields. */
    BARE_VALUE(true),
    /** An operator name neither Lambda nor EventBridge knows. */
    UNKNOWN_OPERATOR(true),
    /** An operator of EventBridge's patterns that Lambda's event filtering does not take. */
    EVENTBRIDGE_ONLY_OPERATOR(true),
    /** A known operator with an argument it cannot take. */
    INVALID_OPERATOR(true),
    /**
     * A field given values twice: Lambda, reading the pattern as a stream, keeps the last list,
     * so the first one silently stops counting.
     */
    REPEATED_FIELD(false);

    private final boolean refused;

    Kind(boolean refused) {
      this.refused = refused;
    }

    /** Whether Lambda refuses the pattern (else it takes it, but not as it reads). */
    public boolean refused() {
      return refused;
    }
  }
}
