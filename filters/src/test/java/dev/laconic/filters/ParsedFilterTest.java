package dev.laconic.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.filters.FilterProblem.Kind;
import dev.laconic.filters.Matcher.Operator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Patterns of the Lambda developer guide and the mistakes Lambda refuses. */
class ParsedFilterTest {

  /** Every rule of the guide's comparison table ("Control which events Lambda sends"). */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"UserID\": [null]}",
      "{\"LastName\": [\"\"]}",
      "{\"Name\": [\"Alice\"]}",
      "{\"Name\": [{\"equals-ignore-case\": \"alice\"}]}",
      "{\"Location\": [\"New York\"], \"Day\": [\"Monday\"]}",
      "{\"PaymentType\": [\"Credit\", \"Debit\"]}",
      "{\"$or\": [{\"Location\": [\"New York\"]}, {\"Day\": [\"Monday\"]}]}",
      "{\"Weather\": [{\"anything-but\": [\"Raining\"]}]}",
      "{\"Price\": [{\"numeric\": [\"=\", 100]}]}",
      "{\"Price\": [{\"numeric\": [\">\", 10, \"<=\", 20]}]}",
      "{\"ProductName\": [{\"exists\": true}]}",
      "{\"ProductName\": [{\"exists\": false}]}",
      "{\"Region\": [{\"prefix\": \"us-\"}]}",
      "{\"FileName\": [{\"suffix\": \".png\"}]}",
      "{\"dynamodb\": {\"Keys\": {\"CustomerName\": {\"S\": [\"AnyCompany Industries\"]}}}}",
  })
  void takesTheGuidesRules(String pattern) {
    ParsedFilter parsed = ParsedFilter.parse(pattern);
    assertEquals(List.of(), parsed.problems(), pattern);
    assertFalse(parsed.alternatives().isEmpty());
  }

  /** The guide's DynamoDB "Boolean AND" example names {@code dynamodb} twice: both count. */
  @Test
  void repeatedObjectsMergeAsTheGuidesBooleanAnd() {
    ParsedFilter parsed = ParsedFilter.parse("""
        {"dynamodb": {"Keys": {"CustomerName": {"S": ["AnyCompany Industries"]}}},
         "dynamodb": {"NewImage": {"AccountManager": {"S": ["Pat Candella"]}}}}""");
    assertEquals(List.of(), parsed.problems());
    assertEquals(List.of(List.of("dynamodb.Keys.CustomerName.S",
        "dynamodb.NewImage.AccountManager.S")), parsed.alternatives().stream()
        .map(a -> a.stream().map(FieldCondition::dottedPath).toList()).toList());
  }

  @Test
  void aRepeatedListReplacesTheFirstAndIsSaid() {
    ParsedFilter parsed = ParsedFilter.parse("{\"a\": [\"x\"], \"a\": [\"y\"]}");
    assertFalse(parsed.refused());
    assertEquals(List.of(new FilterProblem(Kind.REPEATED_FIELD, "a", "a")), parsed.problems());
    assertEquals("\"y\"", "\"" + parsed.alternatives().get(0).get(0).matchers().get(0).text()
        + "\"");
  }

  @Test
  void orExpandsIntoAlternatives() {
    ParsedFilter parsed = ParsedFilter.parse(
        "{\"a\": [1], \"$or\": [{\"b\": [\"x\"]}, {\"c\": {\"d\": [{\"exists\": false}]}}]}");
    assertEquals(List.of(), parsed.problems());
    assertEquals(2, parsed.alternatives().size());
    assertEquals(List.of("a", "c.d"), parsed.alternatives().get(1).stream()
        .map(FieldCondition::dottedPath).toList());
    Matcher exists = parsed.alternatives().get(1).get(1).matchers().get(0);
    assertEquals(new Matcher(Operator.EXISTS, "{\"exists\": false}"), exists);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {}                                              | EMPTY_OBJECT              |
      {"dynamodb": {"NewImag": {}}}                   | EMPTY_OBJECT              | dynamodb.NewImag
      {"a": []}                                       | EMPTY_ARRAY               | a
      {"a": "x"}                                      | BARE_VALUE                | a
      {"a": ["x"]} trailing                           | TRAILING_TEXT             |
      {"a": ["x"]}}                                   | TRAILING_TEXT             |
      ["x"]                                           | NOT_OBJECT                |
      {"a": ["x"                                      | NOT_JSON                  |
      {"a": [{"numeric": [">", 10, "<", 5]}]}         | INVALID_OPERATOR          | a
      {"a": [{"numeric": ["<", 5, ">", 1]}]}          | INVALID_OPERATOR          | a
      {"a": [{"numeric": [">", 1e400]}]}              | INVALID_OPERATOR          | a
      {"a": [{"numeric": ["=", "5"]}]}                | INVALID_OPERATOR          | a
      {"a": [{"numeric": [">", 1.7976931348623157E308]}]} | INVALID_OPERATOR      | a
      {"a": [{"numeric": ["<=", -1.7976931348623157E308]}]} | INVALID_OPERATOR    | a
      {"a": [{"anything-but": ["x", 1]}]}             | INVALID_OPERATOR          | a
      {"a": [{"anything-but": []}]}                   | INVALID_OPERATOR          | a
      {"a": [{"exists": "yes"}]}                      | INVALID_OPERATOR          | a
      {"a": [{"prefix": "x", "suffix": "y"}]}         | INVALID_OPERATOR          | a
      {"a": [{"prefix": 1}]}                          | INVALID_OPERATOR          | a
      {"$or": [{"a": ["x"]}]}                         | INVALID_OPERATOR          | $or
      {"$or": [{"prefix": ["x"]}, {"b": ["y"]}]}      | INVALID_OPERATOR          | prefix
      {"a": [{"cidr": "10.0.0.0/24"}]}                | EVENTBRIDGE_ONLY_OPERATOR | a
      {"a": [{"wildcard": "A**"}]}                    | EVENTBRIDGE_ONLY_OPERATOR | a
      {"a": [{"prefix": {"equals-ignore-case": "x"}}]} | EVENTBRIDGE_ONLY_OPERATOR | a
      {"a": [{"anything-but": {"prefix": "x"}}]}      | EVENTBRIDGE_ONLY_OPERATOR | a
      {"a": [{"exactly": "x"}]}                       | UNKNOWN_OPERATOR          | a
      {"a": [{"begins-with": "x"}]}                   | UNKNOWN_OPERATOR          | a
      """)
  void refusesWhatLambdaRefuses(String pattern, Kind kind, String path) {
    ParsedFilter parsed = ParsedFilter.parse(pattern);
    assertTrue(parsed.refused(), pattern);
    assertEquals(kind, parsed.problems().get(0).kind(), parsed.problems()::toString);
    assertEquals(path == null ? "" : path, parsed.problems().get(0).path());
  }

  @Test
  void anOrThatWouldMultiplyBeyondAThousandAlternativesIsRefusedUnexpanded() {
    java.util.function.IntFunction<String> ors = count -> "{" + java.util.stream.IntStream
        .range(0, count).mapToObj(i -> "\"$or\": [{\"a" + i + "\": [1]}, {\"b" + i + "\": [2]},"
            + " {\"c" + i + "\": [3]}, {\"d" + i + "\": [4]}]")
        .collect(java.util.stream.Collectors.joining(", ")) + "}";
    String pattern = ors.apply(40);
    ParsedFilter parsed = ParsedFilter.parse(pattern);
    // 4^40 alternatives were never built: expansion stops at the limit.
    assertTrue(parsed.alternatives().size() <= FilterReader.MAX_ALTERNATIVES,
        () -> parsed.alternatives().size() + " alternatives were expanded");
    assertTrue(parsed.refused());
    assertEquals(List.of(new FilterProblem(Kind.INVALID_OPERATOR, "$or", "the $or lists multiply"
        + " into more than 1000 alternatives, more than a filter is let to have")),
        parsed.problems());
    ParsedFilter fourOrs = ParsedFilter.parse(ors.apply(4));
    assertEquals(List.of(), fourOrs.problems());
    assertEquals(256, fourOrs.alternatives().size());
    assertEquals(4, fourOrs.alternatives().get(255).size());
  }

  @Test
  void readsOnAfterAProblemToReportEveryOne() {
    ParsedFilter parsed = ParsedFilter.parse(
        "{\"a\": [{\"cidr\": \"10.0.0.0/8\"}], \"b\": {}, \"c\": [{\"numeric\": [\">\", 5, \"<\","
            + " 1]}], \"d\": [\"fine\"]}");
    assertEquals(List.of(Kind.EVENTBRIDGE_ONLY_OPERATOR, Kind.EMPTY_OBJECT,
        Kind.INVALID_OPERATOR), parsed.problems().stream().map(FilterProblem::kind).toList());
    assertEquals(List.of("d"), parsed.conditions().stream().map(FieldCondition::dottedPath)
        .toList());
  }
}
