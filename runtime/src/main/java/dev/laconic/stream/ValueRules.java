package dev.laconic.stream;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The rules the readers of DynamoDB attributes ({@link Attributes}) and of JSON values
 * ({@code dev.laconic.json.JsonValues}) share, so a type reads alike from either: how a value
 * found is quoted in a failure message, which text is a UUID, how epoch seconds become an
 * {@code Instant}.
 *
 * <p>Public for {@code dev.laconic.json}; not meant for handlers.
 */
public final class ValueRules {

  private static final int PREVIEW = 40;

  private ValueRules() {}

  /**
   * Whether {@code text} is a UUID in its canonical 8-4-4-4-12 hex form: the JDK's parser also
   * accepts shortened groups such as {@code 1-2-3-4-5}, which would read as another UUID.
   */
  public static boolean isCanonicalUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : Character.digit(c, 16) < 0 || c > 'f') {
        return false;
      }
    }
    return true;
  }

  /**
   * Epoch seconds, fractions kept to the nanosecond (truncated beyond), as an {@code Instant}.
   *
   * @throws ArithmeticException or {@code java.time.DateTimeException} beyond Instant's range
   */
  public static Instant epochSeconds(BigDecimal seconds) {
    BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
    int nanos = seconds.subtract(whole).movePointRight(9)
        .setScale(0, RoundingMode.DOWN).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** {@code text} in quotes, cut to a preview, with quotes, backslashes and controls escaped. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    String preview = preview(text);
    for (int i = 0; i < preview.length(); i++) {
      char c = preview.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c < ' ' || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** The first characters of {@code text}, never cutting a surrogate pair in two. */
  public static String preview(String text) {
    if (text.length() <= PREVIEW) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(PREVIEW - 1)) ? PREVIEW - 1 : PREVIEW;
    return text.substring(0, end) + "...";
  }
}
