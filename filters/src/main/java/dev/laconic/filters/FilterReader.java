package dev.laconic.filters;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.filters.FilterProblem.Kind;
import dev.laconic.filters.Matcher.Operator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one pattern token by token, as event-ruler's compiler does, so repeated names behave as
 * on Lambda; a tree would have lost them. After a problem it skips what it cannot read and goes
 * on, so one compilation reports every problem of a pattern.
 */
final class FilterReader {

  private static final JsonFactory JSON = new JsonFactory();

  /** Operators EventBridge has and Lambda's comparison table does not. */
  private static final Set<String> EVENTBRIDGE_ONLY = Set.of("wildcard", "cidr");

  /** Names event-ruler refuses as field names inside {@code $or}, taking them for operators. */
  private static final Set<String> RESERVED_IN_OR = Set.of("exactly", "equals-ignore-case",
      "prefix", "suffix", "anything-but", "exists", "wildcard", "numeric", "cidr", "=", "<", "<=",
      ">", ">=", "regex", "not-wildcard", "not-equals-ignore-case", "date-after",
      "date-on-or-after", "date-before", "date-on-or-before", "in-date-range",
      "ip-address-in-range", "ip-address-not-in-range");

  /**
   * The most alternatives {@code $or} may expand into. Each {@code $or} multiplies them, so a
   * pattern of a few hundred characters can ask for billions; Lambda documents no limit, and
   * javac must not hang on one.
   */
  static final int MAX_ALTERNATIVES = 1_000;

  private final String source;
  private final List<FilterProblem> problems = new ArrayList<>();
  private boolean tooManyAlternatives;
  private final List<FieldCondition> conditions = new ArrayList<>();
  private JsonParser parser;

  FilterReader(String source) {
    this.source = source;
  }

  ParsedFilter read() {
    List<Map<String, FieldCondition>> alternatives = new ArrayList<>();
    alternatives.add(new LinkedHashMap<>());
    try (JsonParser json = JSON.createParser(source)) {
      parser = json;
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        problem(Kind.NOT_OBJECT, List.of(), first == null ? "nothing" : typeOf(first));
        if (first != null) {
          parser.skipChildren();
        }
      } else {
        alternatives = object(List.of(), alternatives, false);
      }
      if (first != null) {
        trailing();
      }
    } catch (JsonProcessingException e) {
      problem(Kind.NOT_JSON, List.of(), e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a String fails only as JSON
    }
    List<List<FieldCondition>> expanded = new ArrayList<>();
    alternatives.forEach(alternative -> expanded.add(List.copyOf(alternative.values())));
    return new ParsedFilter(source, problems, expanded, conditions);
  }

  private void trailing() throws IOException {
    int end = (int) parser.currentLocation().getCharOffset();
    try {
      if (parser.nextToken() != null) {
        problem(Kind.TRAILING_TEXT, List.of(), quoted(source.substring(end).strip()));
      }
    } catch (JsonProcessingException e) {
      problem(Kind.TRAILING_TEXT, List.of(), quoted(source.substring(end).strip()));
    }
  }

  /** The fields of an object whose START_OBJECT was read, added to every alternative. */
  private List<Map<String, FieldCondition>> object(List<String> path,
      List<Map<String, FieldCondition>> alternatives, boolean insideOr) throws IOException {
    boolean empty = true;
    while (next() != JsonToken.END_OBJECT) {
      empty = false;
      String name = parser.currentName();
      List<String> fieldPath = append(path, name);
      if (name.equals("$or")) {
        alternatives = or(path, alternatives);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.contains(name)) {
        problem(Kind.INVALID_OPERATOR, fieldPath, "\"" + name + "\" is an operator, so it cannot"
            + " name a field inside $or; put the operator in a list: [{\"" + name + "\": ...}]");
        skipValue();
        continue;
      }
      switch (next()) {
        case START_OBJECT -> alternatives = object(fieldPath, alternatives, insideOr);
        case START_ARRAY -> values(fieldPath, alternatives);
        case VALUE_STRING -> problem(Kind.BARE_VALUE, fieldPath, '"' + parser.getText() + '"');
        default -> problem(Kind.BARE_VALUE, fieldPath, parser.getText());
      }
    }
    if (empty) {
      problem(Kind.EMPTY_OBJECT, path, "{}");
    }
    return alternatives;
  }

  /** {@code $or}: each listed object extends a copy of every alternative so far. */
  private List<Map<String, FieldCondition>> or(List<String> path,
      List<Map<String, FieldCondition>> alternatives) throws IOException {
    if (next() != JsonToken.START_ARRAY) {
      problem(Kind.INVALID_OPERATOR, append(path, "$or"),
          "$or takes a list of at least two objects, not " + parser.getText());
      parser.skipChildren();
      return alternatives;
    }
    List<Map<String, FieldCondition>> expanded = new ArrayList<>();
    int options = 0;
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      options++;
      if (token == JsonToken.START_OBJECT && tooManyAlternatives) {
        // Still read, for its problems, but no longer expanded.
        object(path, new ArrayList<>(List.of(new LinkedHashMap<>())), true);
      } else if (token == JsonToken.START_OBJECT) {
        List<Map<String, FieldCondition>> copies = new ArrayList<>();
        alternatives.forEach(alternative -> copies.add(new LinkedHashMap<>(alternative)));
        expanded.addAll(object(path, copies, true));
        if (expanded.size() > MAX_ALTERNATIVES && !tooManyAlternatives) {
          tooManyAlternatives = true;
          problem(Kind.INVALID_OPERATOR, append(path, "$or"), "the $or lists multiply into more"
              + " than " + MAX_ALTERNATIVES + " alternatives, more than a filter is let to have");
        }
      } else {
        problem(Kind.INVALID_OPERATOR, append(path, "$or"),
            "$or lists objects, not " + parser.getText());
        parser.skipChildren();
      }
    }
    if (options < 2) {
      problem(Kind.INVALID_OPERATOR, append(path, "$or"),
          "$or lists at least two objects (it has " + options + ")");
    }
    return expanded.isEmpty() || tooManyAlternatives ? alternatives : expanded;
  }

  /** A list of acceptable values whose START_ARRAY was read. */
  private void values(List<String> path, List<Map<String, FieldCondition>> alternatives)
      throws IOException {
    List<Matcher> matchers = new ArrayList<>();
    boolean empty = true;
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      empty = false;
      switch (token) {
        case START_OBJECT -> {
          Matcher operator = operator(path);
          if (operator != null) {
            matchers.add(operator);
          }
        }
        case START_ARRAY -> {
          problem(Kind.INVALID_OPERATOR, path, "a list of values cannot hold a list");
          parser.skipChildren();
        }
        case VALUE_STRING -> matchers.add(new Matcher(Operator.STRING, parser.getText()));
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
            matchers.add(new Matcher(Operator.NUMBER, parser.getText()));
        case VALUE_TRUE, VALUE_FALSE -> matchers.add(new Matcher(Operator.BOOLEAN,
            parser.getText()));
        case VALUE_NULL -> matchers.add(new Matcher(Operator.NULL, "null"));
        default -> throw new IllegalStateException("unexpected " + token);
      }
    }
    if (empty) {
      problem(Kind.EMPTY_ARRAY, path, "[]");
      return;
    }
    if (matchers.isEmpty()) {
      return;
    }
    FieldCondition condition = new FieldCondition(path, matchers);
    conditions.add(condition);
    String key = condition.dottedPath();
    boolean repeated = false;
    for (Map<String, FieldCondition> alternative : alternatives) {
      repeated |= alternative.put(key, condition) != null;
    }
    if (repeated) {
      problem(Kind.REPEATED_FIELD, path, key);
    }
  }

  /** One operator object whose START_OBJECT was read; null when it is wrong. */
  private Matcher operator(List<String> path) throws IOException {
    int start = (int) parser.currentTokenLocation().getCharOffset();
    if (next() == JsonToken.END_OBJECT) {
      problem(Kind.INVALID_OPERATOR, path, "{} names no operator");
      return null;
    }
    String name = parser.currentName();
    Operator operator = switch (name) {
      case "prefix" -> string(path, name, Operator.PREFIX);
      case "suffix" -> string(path, name, Operator.SUFFIX);
      case "equals-ignore-case" -> string(path, name, Operator.EQUALS_IGNORE_CASE);
      case "numeric" -> numeric(path) ? Operator.NUMERIC : null;
      case "anything-but" -> anythingBut(path) ? Operator.ANYTHING_BUT : null;
      case "exists" -> {
        JsonToken value = next();
        if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) {
          yield Operator.EXISTS;
        }
        problem(Kind.INVALID_OPERATOR, path, "exists takes true or false, not "
            + parser.getText());
        parser.skipChildren();
        yield null;
      }
      default -> {
        problem(EVENTBRIDGE_ONLY.contains(name) ? Kind.EVENTBRIDGE_ONLY_OPERATOR
            : Kind.UNKNOWN_OPERATOR, path, name);
        skipValue();
        yield null;
      }
    };
    boolean single = true;
    while (next() != JsonToken.END_OBJECT) {
      single = false;
      skipValue();
    }
    if (!single) {
      problem(Kind.INVALID_OPERATOR, path, "an operator object names one operator only, as in"
          + " {\"prefix\": \"us-\"}");
      return null;
    }
    int end = (int) parser.currentLocation().getCharOffset();
    return operator == null ? null : new Matcher(operator, source.substring(start, end));
  }

  /** A string operator's argument; {@code prefix} and {@code suffix} of an object are EventBridge's. */
  private Operator string(List<String> path, String name, Operator operator) throws IOException {
    JsonToken value = next();
    if (value == JsonToken.VALUE_STRING) {
      return operator;
    }
    if (value == JsonToken.START_OBJECT && operator != Operator.EQUALS_IGNORE_CASE) {
      boolean ignoringCase = innerObject().equals("equals-ignore-case");
      problem(ignoringCase ? Kind.EVENTBRIDGE_ONLY_OPERATOR : Kind.INVALID_OPERATOR, path,
          ignoringCase ? name + " with equals-ignore-case" : name + " takes a string");
      return null;
    }
    problem(Kind.INVALID_OPERATOR, path, name + " takes a string, not " + parser.getText());
    parser.skipChildren();
    return null;
  }

  /**
   * {@code numeric}: {@code ["=", n]}, one bound ({@code [">", n]}, {@code ["<=", n]}, ...) or a
   * lower bound then an upper one ({@code [">", 0, "<=", 5]}) below it, numbers of a double.
   */
  private boolean numeric(List<String> path) throws IOException {
    if (next() != JsonToken.START_ARRAY) {
      problem(Kind.INVALID_OPERATOR, path, "numeric takes a list such as [\">\", 0, \"<=\", 5],"
          + " not " + parser.getText());
      parser.skipChildren();
      return false;
    }
    List<String> terms = new ArrayList<>();
    List<Boolean> numbers = new ArrayList<>();
    JsonToken token;
    while ((token = next()) != JsonToken.END_ARRAY) {
      terms.add(parser.getText());
      numbers.add(token.isNumeric());
      parser.skipChildren();
    }
    String problem = NumericRange.check(terms, numbers);
    if (problem != null) {
      problem(Kind.INVALID_OPERATOR, path, problem);
      return false;
    }
    return true;
  }

  /** {@code anything-but}: a string, a number, or a list of strings only or numbers only. */
  private boolean anythingBut(List<String> path) throws IOException {
    JsonToken value = next();
    switch (value) {
      case VALUE_STRING:
        return true;
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return number(path, parser.getText());
      case START_OBJECT: {
        String inner = innerObject();
        problem(Set.of("prefix", "suffix", "equals-ignore-case", "wildcard").contains(inner)
            ? Kind.EVENTBRIDGE_ONLY_OPERATOR : Kind.INVALID_OPERATOR, path,
            "anything-but with " + (inner.isEmpty() ? "{}" : inner));
        return false;
      }
      case START_ARRAY: {
        boolean strings = false;
        boolean numbers = false;
        boolean fine = true;
        JsonToken token;
        while ((token = next()) != JsonToken.END_ARRAY) {
          if (token == JsonToken.VALUE_STRING) {
            strings = true;
          } else if (token.isNumeric()) {
            numbers = true;
            fine &= number(path, parser.getText());
          } else {
            parser.skipChildren();
            while (next() != JsonToken.END_ARRAY) {
              parser.skipChildren();
            }
            problem(Kind.INVALID_OPERATOR, path, "anything-but lists strings or numbers, not "
                + typeOf(token));
            return false;
          }
        }
        if (strings == numbers) {
          problem(Kind.INVALID_OPERATOR, path, strings
              ? "anything-but lists strings only or numbers only, not both"
              : "anything-but has an empty list");
          return false;
        }
        return fine;
      }
      default:
        problem(Kind.INVALID_OPERATOR, path, "anything-but takes a string, a number or a list of"
            + " them, not " + parser.getText());
        return false;
    }
  }

  private boolean number(List<String> path, String number) {
    if (NumericRange.comparable(number)) {
      return true;
    }
    problem(Kind.INVALID_OPERATOR, path, number + " is no number a double holds exactly, so a"
        + " filter cannot compare it");
    return false;
  }

  private void skipValue() throws IOException {
    next();
    parser.skipChildren();
  }

  /** Skips an object whose START_OBJECT was read; returns its first field name, or "". */
  private String innerObject() throws IOException {
    String first = "";
    while (next() == JsonToken.FIELD_NAME) {
      if (first.isEmpty()) {
        first = parser.currentName();
      }
      skipValue();
    }
    return first;
  }

  /** The next token; the end of the text inside a value is no valid JSON. */
  private JsonToken next() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new JsonParseException(parser, "Unexpected end of the pattern");
    }
    return token;
  }

  private void problem(Kind kind, List<String> path, String detail) {
    problems.add(new FilterProblem(kind, String.join(".", path), detail));
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return longer;
  }

  private static String quoted(String text) {
    return "\"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
  }

  private static String typeOf(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> "object";
    };
  }
}
