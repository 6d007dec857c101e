package dev.laconic.filters;

import java.util.List;
import java.util.Random;

/**
 * Random filter patterns and records over one small vocabulary of field names and values, so
 * that patterns and records meet: mostly well-formed patterns, with every mistake Lambda refuses
 * mixed in now and then. Seeded, so a failure can be replayed.
 */
public final class PatternGenerator {

  private static final List<String> NAMES = List.of("a", "b", "c", "d");
  private static final List<String> NESTED = List.of("x", "y");
  private static final List<String> STRINGS = List.of("x", "X", "y", "us-east-1", "", "10.0.0.1",
      "300", "true", "a.b", "\\u00e9t\\u00e9");
  private static final List<String> NUMBERS = List.of("1", "1.0", "300", "3e2", "3.0e2", "-5",
      "0", "2.5", "-0", "1e-7", "1.7976931348623157E308", "123456789012", "12345678901234567",
      "0.30000000000000001");
  private static final List<String> OPERATORS = List.of("=", "<", "<=", ">", ">=");

  private final Random random;

  public PatternGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A pattern, well-formed four times in five. */
  public String pattern() {
    String pattern = object(0);
    if (random.nextInt(40) == 0) {
      pattern += pick(List.of(" x", " {}", ",", " // note", "]"));
    }
    return pattern;
  }

  /** A record: some of the vocabulary's fields with values of every JSON type. */
  public String record() {
    StringBuilder record = new StringBuilder("{");
    int fields = 0;
    for (String name : NAMES) {
      if (random.nextInt(4) == 0) {
        continue;
      }
      record.append(fields++ == 0 ? "" : ",").append('"').append(name).append("\":")
          .append(recordValue(0));
    }
    return record.append('}').toString();
  }

  private String recordValue(int depth) {
    return recordValue(depth, false);
  }

  /** A value; {@code anObject}: an object of the nested names, as an array's element may be. */
  private String recordValue(int depth, boolean anObject) {
    int kind = anObject ? 6 : random.nextInt(depth == 0 ? 7 : 5);
    return switch (kind) {
      case 0, 1 -> quote(pick(STRINGS));
      case 2 -> pick(NUMBERS);
      case 3 -> pick(List.of("true", "false"));
      case 4 -> "null";
      case 5 -> depth == 0 && random.nextBoolean()
          ? "[" + recordValue(1, true) + "," + recordValue(1, true) + "]"
          : "[" + recordValue(1) + "," + recordValue(1) + "]";
      default -> {
        StringBuilder object = new StringBuilder("{");
        int fields = 0;
        for (String name : NESTED) {
          if (random.nextBoolean()) {
            object.append(fields++ == 0 ? "" : ",").append('"').append(name).append("\":")
                .append(recordValue(1));
          }
        }
        yield object.append('}').toString();
      }
    };
  }

  private String object(int depth) {
    if (random.nextInt(60) == 0) {
      return "{}";
    }
    List<String> names = depth == 0 ? NAMES : NESTED;
    StringBuilder object = new StringBuilder("{");
    int fields = 1 + random.nextInt(2);
    for (int i = 0; i < fields; i++) {
      if (i > 0) {
        object.append(", ");
      }
      if (random.nextInt(depth == 0 ? 8 : 12) == 0) {
        object.append("\"$or\": [").append(object(depth));
        if (random.nextInt(30) > 0) {
          object.append(", ").append(object(depth)); // else a one-object $or, refused
        }
        object.append("]");
        continue;
      }
      String name = random.nextInt(80) == 0 ? pick(List.of("regex", "=", "prefix", "date-after"))
          : pick(names);
      object.append('"').append(name).append("\": ");
      if (depth == 0 && random.nextInt(4) == 0) {
        object.append(object(1));
      } else if (random.nextInt(50) == 0) {
        object.append(pick(List.of("\"x\"", "1", "null", "[]")));
      } else {
        object.append(values());
      }
    }
    return object.append('}').toString();
  }

  private String values() {
    StringBuilder values = new StringBuilder("[");
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      values.append(i == 0 ? "" : ", ").append(matcher());
    }
    return values.append(']').toString();
  }

  private String matcher() {
    int kind = random.nextInt(60);
    if (kind < 15) {
      return quote(pick(STRINGS));
    } else if (kind < 23) {
      return pick(NUMBERS);
    } else if (kind < 26) {
      return pick(List.of("true", "false", "null"));
    } else if (kind < 30) {
      return "{\"prefix\": " + stringOrNot() + "}";
    } else if (kind < 33) {
      return "{\"suffix\": " + stringOrNot() + "}";
    } else if (kind < 36) {
      return "{\"equals-ignore-case\": " + stringOrNot() + "}";
    } else if (kind < 42) {
      return "{\"anything-but\": " + anythingBut() + "}";
    } else if (kind < 50) {
      return "{\"numeric\": " + numeric() + "}";
    } else if (kind < 54) {
      return "{\"exists\": " + pick(List.of("true", "false", "true", "false", "false", "true",
          "\"yes\"")) + "}";
    } else if (kind == 54) {
      return "{\"wildcard\": " + quote(pick(List.of("x*", "*-east-*", "A**", "*"))) + "}";
    } else if (kind == 55) {
      return "{\"" + pick(List.of("prefix", "suffix")) + "\": {\"equals-ignore-case\": "
          + quote(pick(STRINGS)) + "}}";
    } else if (kind == 56) {
      return pick(List.of("{\"cidr\": \"10.0.0.0/24\"}", "{\"exactly\": \"x\"}",
          "{\"bogus\": 1}", "{}", "[\"x\"]", "{\"prefix\": \"x\", \"suffix\": \"y\"}"));
    }
    return quote(pick(STRINGS));
  }

  private String stringOrNot() {
    return random.nextInt(10) == 0 ? pick(List.of("1", "null", "[\"x\"]")) : quote(pick(STRINGS));
  }

  private String anythingBut() {
    return switch (random.nextInt(random.nextInt(10) == 0 ? 8 : 5)) {
      case 0 -> quote(pick(STRINGS));
      case 1 -> pick(NUMBERS);
      case 2, 3 -> "[" + quote(pick(STRINGS)) + ", " + quote(pick(STRINGS)) + "]";
      case 4 -> "[" + pick(NUMBERS) + ", " + pick(NUMBERS) + "]";
      case 5 -> "{\"" + pick(List.of("prefix", "suffix", "equals-ignore-case", "wildcard"))
          + "\": " + quote(pick(STRINGS)) + "}";
      default -> pick(List.of("[]", "[\"x\", 1]", "true", "[null]"));
    };
  }

  private String numeric() {
    if (random.nextInt(25) == 0) {
      return pick(List.of("[]", "[\">\"]", "\">\"", "[\"=\", \"5\"]", "[\"<\", 5, \">\", 1]",
          "[\"==\", 5]", "[\">\", 1e400]", "[\"=\", 1, \"<\", 5]"));
    }
    if (random.nextBoolean()) {
      return "[\"" + pick(OPERATORS) + "\", " + pick(NUMBERS) + "]";
    }
    String low = pick(NUMBERS);
    String high = pick(NUMBERS);
    if (random.nextInt(5) > 0 && Double.parseDouble(low) > Double.parseDouble(high)) {
      String swap = low;
      low = high;
      high = swap;
    }
    return "[\"" + pick(List.of(">", ">=")) + "\", " + low + ", \""
        + pick(List.of("<", "<=")) + "\", " + high + "]";
  }

  private String pick(List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  private static String quote(String text) {
    return '"' + text + '"';
  }
}
