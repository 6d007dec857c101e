package dev.laconic.filters;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** The forms of a {@code numeric} operator event-ruler compiles, and the numbers it compares. */
final class NumericRange {

  /** The end of the problem of a range that starts or ends at the last double. */
  static final String LAST_DOUBLE_REFUSED =
      ", the last double, is refused (event-ruler cannot compile it)";

  private static final Set<String> LOWER = Set.of(">", ">=");
  private static final Set<String> UPPER = Set.of("<", "<=");

  private NumericRange() {}

  /**
   * What is wrong with {@code terms} (their JSON text; {@code numbers} says which were JSON
   * numbers), or null.
   */
  static String check(List<String> terms, List<Boolean> numbers) {
    String forms = "numeric takes [\"=\", n], one bound such as [\">\", n] or [\"<=\", n], or a"
        + " lower then an upper bound such as [\">\", 0, \"<=\", 5]";
    if (terms.size() != 2 && terms.size() != 4) {
      return forms + ", not " + terms.size() + " terms";
    }
    for (int i = 0; i < terms.size(); i += 2) {
      if (numbers.get(i) || !numbers.get(i + 1)) {
        return forms + ": an operator in quotes, then a number";
      }
      if (!comparable(terms.get(i + 1))) {
        return terms.get(i + 1) + " is no number a double holds exactly, so a filter cannot compare"
            + " it";
      }
    }
    String first = terms.get(0);
    if (terms.size() == 2) {
      double bound = Double.parseDouble(terms.get(1));
      // event-ruler fails with an index out of bounds on a range that starts or ends at the
      // last double; no number lies beyond it, so such a bound is no range.
      if (LOWER.contains(first) && bound == Double.MAX_VALUE
          || UPPER.contains(first) && bound == -Double.MAX_VALUE) {
        return "a range " + (LOWER.contains(first) ? "from " : "up to ") + terms.get(1)
            + LAST_DOUBLE_REFUSED;
      }
      return first.equals("=") || LOWER.contains(first) || UPPER.contains(first) ? null
          : "\"" + first + "\" is no numeric operator; they are =, <, <=, > and >=";
    }
    String second = terms.get(2);
    if (!LOWER.contains(first) || !UPPER.contains(second)) {
      return LOWER.contains(second) && UPPER.contains(first)
          ? "a range gives its lower bound first: [\"" + second + "\", " + terms.get(3) + ", \""
              + first + "\", " + terms.get(1) + "]"
          : forms;
    }
    if (Double.parseDouble(terms.get(1)) >= Double.parseDouble(terms.get(3))) {
      return "the lower bound " + terms.get(1) + " must be below the upper bound " + terms.get(3);
    }
    return null;
  }

  /**
   * Whether event-ruler can compare {@code number}: a JSON number that a double holds exactly
   * (its comparable form refuses {@code 1e400}, {@code 1e-400}, {@code 12345678901234567} and
   * {@code 0.30000000000000001}, which no double is).
   */
  static boolean comparable(String number) {
    try {
      BigDecimal exact = new BigDecimal(number);
      double closest = exact.doubleValue();
      return Double.isFinite(closest) && BigDecimal.valueOf(closest).compareTo(exact) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
