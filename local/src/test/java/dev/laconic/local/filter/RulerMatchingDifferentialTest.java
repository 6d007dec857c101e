package dev.laconic.local.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.filters.FieldCondition;
import dev.laconic.filters.Matcher;
import dev.laconic.filters.ParsedFilter;
import dev.laconic.filters.PatternGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;
import software.amazon.event.ruler.Patterns;

/**
 * The runner's filter matching against event-ruler's own, pattern by pattern and record by
 * record: on the Lambda guide's examples, the runner's filter cases and generated pairs. They
 * differ only where Lambda documents otherwise, each place named: a literal number matches only
 * its own spelling, a literal string only its own characters (event-ruler compares numbers by
 * value and strings that read as IP addresses as addresses), and number literals are checked on
 * every number at their path, where event-ruler wants the fields of a pattern met within one
 * element of an array of objects. Where event-ruler disagrees with itself (machines built alike
 * answering differently, or a pattern otherwise than its alternatives one by one), that is
 * named too.
 */
class RulerMatchingDifferentialTest {

  /** The guide's DynamoDB filtering record ("Using event filtering with a DynamoDB source"). */
  private static final String GUIDE_RECORD = """
      {"eventID": "1", "eventVersion": "1.0", "dynamodb": {
        "ApproximateCreationDateTime": "1678831218.0",
        "Keys": {"CustomerName": {"S": "AnyCompany Industries"}},
        "NewImage": {"AccountManager": {"S": "Pat Candella"}, "PaymentTerms": {"S": "60 days"},
          "CustomerName": {"S": "AnyCompany Industries"}},
        "SequenceNumber": "111", "SizeBytes": 26, "StreamViewType": "NEW_IMAGE"}}""";

  /** The guide's patterns for that record, and whether each matches it. */
  private static final Map<String, Boolean> GUIDE_PATTERNS = Map.of(
      "{\"dynamodb\": {\"Keys\": {\"CustomerName\": {\"S\": [\"AnyCompany Industries\"]}}}}",
      true,
      "{\"dynamodb\": {\"NewImage\": {\"AccountManager\": {\"S\": [\"Pat Candella\"]}}}}", true,
      // "Filtering with Boolean expressions": the AND of two dynamodb objects.
      "{\"dynamodb\": {\"NewImage\": {\"AccountManager\": {\"S\": [\"Pat Candella\"]}}},"
          + " \"dynamodb\": {\"NewImage\": {\"PaymentTerms\": {\"S\": [\"60 days\"]}}}}", true,
      "{\"dynamodb\": {\"NewImage\": {\"AccountManager\": {\"S\": [\"Pat Candella\"]}}},"
          + " \"dynamodb\": {\"NewImage\": {\"PaymentTerms\": {\"S\": [\"30 days\"]}}}}", false,
      // "Using the Exists operator"
      "{\"dynamodb\": {\"NewImage\": {\"AccountManager\": {\"S\": [{\"exists\": true}]}}}}", true,
      "{\"dynamodb\": {\"NewImage\": {\"AccountManager\": [{\"exists\": true}]}}}", false,
      // The general page's numeric range and equals
      "{\"dynamodb\": {\"SizeBytes\": [{\"numeric\": [\">\", 20, \"<=\", 26]}]}}", true,
      "{\"dynamodb\": {\"Keys\": {\"CustomerName\": {\"S\": [{\"prefix\": \"AnyCompany\"}]}}}}",
      true);

  @Test
  void theGuidesExamplesMatchAsTheGuideSaysAndAsEventRulerDoes() throws Exception {
    for (Map.Entry<String, Boolean> example : GUIDE_PATTERNS.entrySet()) {
      boolean local = FilterCriteria.of(List.of(example.getKey())).matches(GUIDE_RECORD);
      assertEquals(example.getValue(), local, example.getKey());
      assertEquals(example.getValue(), ruler(example.getKey(), GUIDE_RECORD), example.getKey());
    }
  }

  /**
   * The examples of the guide's general page ("Control which events Lambda sends to your
   * function"): a Kinesis record with its data decoded, and the multi-level DynamoDB record.
   */
  @Test
  void theGeneralPagesExamplesMatchAsTheGuideSaysAndAsEventRulerDoes() throws Exception {
    String kinesis = """
        {"kinesis": {"partitionKey": "1"}, "partitionKey": "1",
         "data": {"City": "Seattle", "State": "WA", "Temperature": 46, "Month": "December",
           "Location": "Los Angeles"}}""";
    String dynamodb = """
        {"dynamodb": {"Keys": {"Id": {"N": "101"}}, "NewImage": {"Message": {"S": "New item!"},
          "Id": {"N": "101"}}, "SequenceNumber": "111", "SizeBytes": 26,
          "StreamViewType": "NEW_AND_OLD_IMAGES"}}""";
    Map<String, Boolean> onKinesis = Map.of(
        "{\"partitionKey\": [\"1\"], \"data\": {\"Location\": [\"Los Angeles\"]}}", true,
        "{\"data\": {\"Temperature\": [{\"numeric\": [\">\", 50, \"<=\", 60]}]}}", false,
        "{\"data\": {\"Temperature\": [{\"numeric\": [\">\", 40, \"<=\", 50]}]}}", true,
        "{\"data\": {\"City\": [\"Seattle\"], \"State\": [\"WA\"]}}", true);
    Map<String, Boolean> onDynamodb = Map.of(
        "{\"dynamodb\": {\"Keys\": {\"Id\": {\"N\": [\"101\"]}}}}", true,
        "{\"dynamodb\": {\"Keys\": {\"Id\": {\"N\": [101]}}}}", false,
        "{\"dynamodb\": {\"Keys\": {\"Id\": {\"N\": [{\"numeric\": [\"=\", 101]}]}}}}", false);
    for (Map.Entry<String, Map<String, Boolean>> record : Map.of(kinesis, onKinesis, dynamodb,
        onDynamodb).entrySet()) {
      for (Map.Entry<String, Boolean> example : record.getValue().entrySet()) {
        assertEquals(example.getValue(),
            FilterCriteria.of(List.of(example.getKey())).matches(record.getKey()),
            example.getKey());
        assertEquals(example.getValue(), ruler(example.getKey(), record.getKey()),
            example.getKey());
      }
    }
  }

  @Test
  void theRunnersCasesMatchAsEventRulerDoesSaveForSpelling() throws Exception {
    String record = FilterPatternTest.RECORD.toString();
    for (String pattern : List.of(
        "{\"dynamodb\": {\"SizeBytes\": [174]}}",
        "{\"dynamodb\": {\"SizeBytes\": [\"174\"]}}",
        "{\"dynamodb\": {\"NewImage\": {\"quantity\": {\"N\": [{\"numeric\": [\">\", 10]}]}}}}",
        "{\"dynamodb\": {\"NewImage\": {\"lines\": {\"L\": {\"M\": {\"sku\": {\"S\": [\"red\"]}}}}}}}",
        "{\"dynamodb\": {\"OldImage\": [{\"exists\": false}]}}",
        "{\"dynamodb\": {\"NewImage\": {\"state\": [{\"exists\": true}]}}}")) {
      assertEquals(ruler(pattern, record), FilterCriteria.of(List.of(pattern)).matches(record),
          pattern);
    }
    String spelledOtherwise = "{\"dynamodb\": {\"SizeBytes\": [174.0]}}";
    assertTrue(ruler(spelledOtherwise, record));
    assertEquals(false, FilterCriteria.of(List.of(spelledOtherwise)).matches(record));
  }

  @Test
  void generatedPairsMatchAsEventRulerDoesSaveForTheNamedDifferences() throws Exception {
    PatternGenerator generator = new PatternGenerator(3_12_2026L);
    Map<String, Integer> outcomes = new TreeMap<>();
    int pairs = 0;
    while (pairs < 30_000) {
      String pattern = generator.pattern();
      if (ParsedFilter.parse(pattern).refused()) {
        continue;
      }
      FilterCriteria local = FilterCriteria.of(List.of(pattern));
      Machine machine = new Machine();
      machine.addRule("r", pattern);
      for (int i = 0; i < 8; i++, pairs++) {
        String record = generator.record();
        boolean matched = local.matches(record);
        boolean rulerMatched = !machine.rulesForJSONEvent(record).isEmpty();
        if (matched == rulerMatched) {
          outcomes.merge(matched ? "both match" : "neither matches", 1, Integer::sum);
          continue;
        }
        String reason = namedDifference(pattern, record);
        if (reason == null && rulerVaries(pattern, record)) {
          // Machines built alike from one pattern answer differently (a hash order decides):
          // event-ruler is inconsistent with itself, and the runner's machine is one build.
          reason = "event-ruler's answer varies from one machine to the next";
        }
        if (reason == null && rulerAlternativesApart(pattern, record) == matched) {
          // event-ruler answers otherwise for the pattern's alternatives each in a machine of
          // its own: its machine is inconsistent with itself, not the runner with Lambda.
          reason = "event-ruler's own answer differs by alternative";
        }
        if (reason == null) {
          fail("the runner says " + matched + ", event-ruler " + rulerMatched
              + ", for no named reason: " + pattern + " on " + record);
        }
        outcomes.merge(reason, 1, Integer::sum);
      }
    }
    System.out.println("filter matching, runner and event-ruler, " + pairs + " pairs: "
        + outcomes);
    assertTrue(outcomes.getOrDefault("both match", 0) > 2_000, outcomes::toString);
    assertTrue(outcomes.keySet().stream().anyMatch(k -> k.startsWith("spelling")),
        "the generator no longer meets the spelling difference: " + outcomes);
  }

  /** Whether 30 machines built from {@code pattern} disagree on {@code record}. */
  private static boolean rulerVaries(String pattern, String record) throws Exception {
    Set<Boolean> answers = new HashSet<>();
    for (int i = 0; i < 30 && answers.size() < 2; i++) {
      answers.add(ruler(pattern, record));
    }
    return answers.size() > 1;
  }

  /** Whether any of the pattern's alternatives, each in a machine of its own, matches. */
  private static boolean rulerAlternativesApart(String pattern, String record) throws Exception {
    for (Map<String, List<Patterns>> alternative : JsonRuleCompiler.compile(pattern)) {
      Machine machine = new Machine();
      machine.addPatternRule("r", alternative);
      if (!machine.rulesForJSONEvent(record).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean ruler(String pattern, String record) throws Exception {
    Machine machine = new Machine();
    machine.addRule("r", pattern);
    return !machine.rulesForJSONEvent(record).isEmpty();
  }

  /**
   * Why the runner and event-ruler may part on this pair: a field where the pattern lists a
   * number the record holds in another spelling, or a string that reads as an IP address.
   */
  private static String namedDifference(String pattern, String record) throws IOException {
    Map<String, List<String>> numbers = new HashMap<>();
    Map<String, List<String>> strings = new HashMap<>();
    leaves(record, numbers, strings);
    for (FieldCondition condition : ParsedFilter.parse(pattern).conditions()) {
      for (Matcher matcher : condition.matchers()) {
        String path = condition.dottedPath();
        if (matcher.operator() == Matcher.Operator.NUMBER && throughArray(record, path)) {
          // event-ruler wants a pattern's fields met by one element of an array of objects;
          // the runner checks number literals on all the numbers at their path.
          return "a number literal met in another element of an array";
        }
        if (matcher.operator() == Matcher.Operator.NUMBER) {
          BigDecimal literal = new BigDecimal(matcher.text());
          for (String value : numbers.getOrDefault(path, List.of())) {
            if (value.equals(matcher.text())
                && BigDecimal.valueOf(literal.doubleValue()).compareTo(literal) != 0) {
              return "a number no double holds, matched by its spelling (" + value + ")";
            }
            if (!value.equals(matcher.text()) && new BigDecimal(value).compareTo(literal) == 0) {
              return "spelling of a number (" + matcher.text() + " against " + value + ")";
            }
          }
        }
        if (matcher.operator() == Matcher.Operator.STRING && matcher.text().matches("[0-9.:]+")
            && strings.containsKey(path)) {
          return "a string read as an IP address by event-ruler";
        }
      }
    }
    return null;
  }

  /** Whether {@code path} passes through an array in {@code record}. */
  private static boolean throughArray(String record, String path) throws IOException {
    JsonNode node = new ObjectMapper().readTree(record);
    for (String name : path.split("\\.")) {
      if (node.isArray()) {
        return true;
      }
      node = node.path(name);
    }
    return false;
  }

  /** The record's leaves by dotted path, numbers in their spelling. */
  private static void leaves(String record, Map<String, List<String>> numbers,
      Map<String, List<String>> strings) throws IOException {
    try (JsonParser parser = new JsonFactory().createParser(record)) {
      parser.nextToken();
      leaves(parser, "", numbers, strings);
    }
  }

  private static void leaves(JsonParser parser, String path, Map<String, List<String>> numbers,
      Map<String, List<String>> strings) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        leaves(parser, path.isEmpty() ? name : path + "." + name, numbers, strings);
      }
    } else if (token == JsonToken.START_ARRAY) {
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        leaves(parser, path, numbers, strings);
      }
    } else if (token.isNumeric()) {
      numbers.computeIfAbsent(path, k -> new ArrayList<>()).add(parser.getText());
    } else if (token == JsonToken.VALUE_STRING) {
      strings.computeIfAbsent(path, k -> new ArrayList<>()).add(parser.getText());
    }
  }
}
