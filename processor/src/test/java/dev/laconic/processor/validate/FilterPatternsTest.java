package dev.laconic.processor.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.laconic.filters.Matcher.Value;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.Reporter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which diagnostics a pattern gets on a DynamoDB stream record, warnings included. */
class FilterPatternsTest {

  private static final FilterPatterns.RecordShape DYNAMODB = new FilterPatterns.RecordShape(
      "a DynamoDB stream record", List.of("eventName", "dynamodb"),
      Map.of("dynamodb", List.of("Keys", "NewImage", "OldImage", "SizeBytes")),
      Set.of("Keys", "NewImage", "OldImage"), Set.of("Keys", "NewImage", "OldImage"),
      Map.of("eventName", Value.STRING, "dynamodb.SizeBytes", Value.NUMBER));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      {"dynamodb": {"NewImage": {"x": {"S": ["a"]}}}}                      |
      {"dynamodb.NewImage.x.S": ["a"]}                                     |
      {"dynamodb": {"NewImage": {"lines": {"L": {"M": {"sku": {"S": ["a"]}}}}}}} |
      {"dynamodb": {"NewImage": {"total": {"N": ["50", {"numeric": [">", 1]}]}}}} |
      {"dynamodb": {"NewImage": {"total": {"N": [{"numeric": [">", 1]}]}}}} | FILTER_NEVER_MATCHES
      {"dynamodb": {"NewImage": {"total": {"N": [50]}}}}                   | FILTER_NEVER_MATCHES
      {"dynamodb": {"SizeBytes": ["26"]}}                                  | FILTER_NEVER_MATCHES
      {"eventName": [null]}                                                | FILTER_NEVER_MATCHES
      {"dynamodb": {"NewImage": {"x": {"Str": ["a"]}}}}                    | FILTER_UNKNOWN_FIELD
      {"dynamodb": {"NewImage": {"x": {"S": {"y": ["a"]}}}}}               | FILTER_UNKNOWN_FIELD
      {"dynamodb.NewImag.x.S": ["a"]}                                      | FILTER_UNKNOWN_FIELD
      {"a": [{"numeric": ["=", 12345678901234567]}]}                       | FILTER_OPERATOR_INVALID
      {"$or": [{"regex": ["x"]}, {"eventName": ["y"]}]}                    | FILTER_OPERATOR_INVALID
      {}                                                                   | FILTER_EMPTY
      """)
  void reports(String pattern, Diagnostic expected) {
    List<Diagnostic> reported = FilterPatterns.validate(List.of(pattern), Origin.NONE, DYNAMODB)
        .items().stream().map(Reporter.Report::diagnostic).toList();
    assertEquals(expected == null ? List.of() : List.of(expected), reported, pattern);
  }

  @Test
  void anUnknownAttributeTypeIsToldTheTypesInDynamoDbsOrder() {
    List<String> messages = FilterPatterns.validate(
        List.of("{\"dynamodb\": {\"NewImage\": {\"x\": {\"Str\": [\"a\"]}}}}"), Origin.NONE,
        DYNAMODB).items().stream().map(Reporter.Report::message).toList();
    assertEquals(1, messages.size(), messages::toString);
    assertTrue(messages.get(0).contains("\"dynamodb.NewImage.x.Str\", which a DynamoDB"
        + " attribute value does not have, so the pattern never matches. It has S, N, B, SS, NS,"
        + " BS, M, L, NULL, BOOL."), messages.get(0));
  }
}
