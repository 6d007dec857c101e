package dev.laconic.local.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Lambda's filter rules on DynamoDB stream records, with the patterns of the Lambda developer
 * guide ("Filtering DynamoDB events", "Lambda event filtering") and the record of its example.
 */
class FilterPatternTest {

  /** The record of the guide's DynamoDB filtering example, with a few more attributes. */
  static final JsonNode RECORD = json("""
      {
        "eventID": "c9fbe7d0261a5163fcb6940593e41797",
        "eventName": "INSERT",
        "eventVersion": "1.1",
        "eventSource": "aws:dynamodb",
        "awsRegion": "us-east-2",
        "dynamodb": {
          "ApproximateCreationDateTime": 1664559083.0,
          "Keys": {"SK": {"S": "PRODUCT#CHOCOLATE#DARK#1000"}, "PK": {"S": "COMPANY#1000"}},
          "NewImage": {
            "quantity": {"N": "50"},
            "company_id": {"S": "1000"},
            "fabric": {"S": "Florida Chocolates"},
            "price": {"N": "15"},
            "stores": {"N": "5"},
            "product_id": {"S": "1000"},
            "SK": {"S": "PRODUCT#CHOCOLATE#DARK#1000"},
            "PK": {"S": "COMPANY#1000"},
            "state": {"S": "FL"},
            "type": {"S": ""},
            "tags": {"SS": ["dark", "bitter"]},
            "lines": {"L": [{"M": {"sku": {"S": "blue"}}}, {"M": {"sku": {"S": "red"}}}]},
            "discontinued": {"BOOL": false},
            "note": {"NULL": true}
          },
          "SequenceNumber": "700000000000888747038",
          "SizeBytes": 174,
          "StreamViewType": "NEW_AND_OLD_IMAGES"
        },
        "eventSourceARN": "arn:aws:dynamodb:us-east-2:111122223333:table/chocolate-table-StreamsSampleDDBTable-LUOI6UXQY7J1/stream/2022-09-30T17:05:53.209"
      }
      """);

  static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      // equals, and OR within an array
      "{\"eventName\": [\"INSERT\"]}|true",
      "{\"eventName\": [\"MODIFY\", \"REMOVE\"]}|false",
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"FL\", \"CA\"]}}}}|true",
      // fields are ANDed
      "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"CA\"]}}}}|false",
      // prefix, as in the guide's key example
      "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"COMPANY\"}]}}}}|true",
      "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"PERSON\"}]}}}}|false",
      // anything-but
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [{\"anything-but\": [\"FL\"]}]}}}}|false",
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [{\"anything-but\": [\"NY\", \"CA\"]}]}}}}|true",
      // exists looks at leaf values only
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [{\"exists\": true}]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"colour\": {\"S\": [{\"exists\": false}]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [{\"exists\": false}]}}}}|false",
      "{\"dynamodb\": {\"NewImage\": {\"state\": [{\"exists\": true}]}}}|false",
      "{\"dynamodb\": {\"OldImage\": [{\"exists\": false}]}}|true",
      // suffix, equals-ignore-case
      "{\"dynamodb\": {\"Keys\": {\"SK\": {\"S\": [{\"suffix\": \"#1000\"}]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [{\"equals-ignore-case\": \"fl\"}]}}}}|true",
      // arrays flatten into their path: any line's sku
      "{\"dynamodb\": {\"NewImage\": {\"lines\": {\"L\": {\"M\": {\"sku\": {\"S\": [\"red\"]}}}}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"lines\": {\"L\": {\"M\": {\"sku\": {\"S\": [\"green\"]}}}}}}}|false",
      // $or of sub-patterns
      "{\"$or\": [{\"eventName\": [\"REMOVE\"]}, {\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"FL\"]}}}}]}|true",
      "{\"eventSource\": [\"aws:dynamodb\"], \"$or\": [{\"eventName\": [\"REMOVE\"]}, {\"eventName\": [\"MODIFY\"]}]}|false",
      // empty string and null
      "{\"dynamodb\": {\"NewImage\": {\"type\": {\"S\": [\"\"]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"\"]}}}}|false",
      // DynamoDB sends numbers as strings: numeric matching never applies to N
      "{\"dynamodb\": {\"NewImage\": {\"quantity\": {\"N\": [{\"numeric\": [\">\", 10]}]}}}}|false",
      "{\"dynamodb\": {\"NewImage\": {\"quantity\": {\"N\": [\"50\"]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"quantity\": {\"N\": [\"50.0\"]}}}}|false",
      // numeric on a real JSON number of the record
      "{\"dynamodb\": {\"SizeBytes\": [{\"numeric\": [\">\", 100, \"<=\", 174]}]}}|true",
      "{\"dynamodb\": {\"SizeBytes\": [{\"numeric\": [\"=\", 175]}]}}|false",
      // booleans, and an array value in the record matches if any element does
      "{\"dynamodb\": {\"NewImage\": {\"discontinued\": {\"BOOL\": [false]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [\"bitter\"]}}}}|true",
      "{\"dynamodb\": {\"NewImage\": {\"tags\": {\"SS\": [\"sweet\"]}}}}|false",
      // a field the record lacks never matches a value
      "{\"dynamodb\": {\"NewImage\": {\"colour\": {\"S\": [\"red\"]}}}}|false",
      // strings and numbers never equal each other
      "{\"dynamodb\": {\"SizeBytes\": [\"174\"]}}|false",
      "{\"dynamodb\": {\"SizeBytes\": [174]}}|true",
      // a number matches its own spelling only, as Lambda documents (event-ruler: any 174)
      "{\"dynamodb\": {\"SizeBytes\": [174.0]}}|false",
      "{\"dynamodb\": {\"SizeBytes\": [1.74e2]}}|false",
      // the guide's DynamoDB "Boolean AND": the repeated dynamodb objects both count
      "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [\"COMPANY#1000\"]}}}, \"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"FL\"]}}}}|true",
      "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [\"COMPANY#1000\"]}}}, \"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"CA\"]}}}}|false",
      "{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [\"COMPANY#2000\"]}}}, \"dynamodb\": {\"NewImage\": {\"state\": {\"S\": [\"FL\"]}}}}|false"})
  void matchesLikeLambda(String pattern, boolean expected) {
    assertEquals(expected, matches(pattern, RECORD), pattern);
  }

  static byte[] utf8(JsonNode record) {
    return record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static boolean matches(String pattern, JsonNode record) {
    return FilterCriteria.of(List.of(pattern)).passes(utf8(record));
  }

  @Test
  void numberLiteralsBesideOtherValuesStayLinear() {
    // Each field lists a number and a string: an OR the runner must not expand into 2^24
    // alternatives to compare numbers by spelling.
    String pattern = "{" + java.util.stream.IntStream.range(0, 24)
        .mapToObj(i -> "\"f" + i + "\": [1, \"x\"]")
        .collect(java.util.stream.Collectors.joining(", ")) + "}";
    String record = "{" + java.util.stream.IntStream.range(0, 24)
        .mapToObj(i -> "\"f" + i + "\": " + (i % 2 == 0 ? "1" : "\"x\""))
        .collect(java.util.stream.Collectors.joining(", ")) + "}";
    FilterCriteria criteria = FilterCriteria.of(List.of(pattern));
    assertTrue(criteria.matches(record));
    assertEquals(false, criteria.matches(record.replace("\"f3\": \"x\"", "\"f3\": 1.0")));
  }

  @Test
  void oneFilterDoesNotChangeWhatAnotherMatches() {
    // event-ruler's answer on a field can hang on the other values its machine holds for it
    // (["z", {"numeric": ["<", 5]}, "y"] misses "z" in about half the machines built); each
    // pattern has a machine of its own, so the first filter here always passes an INSERT.
    for (int build = 0; build < 50; build++) {
      assertTrue(FilterCriteria.of(List.of("{\"eventName\": [\"INSERT\"]}",
          "{\"eventName\": [{\"numeric\": [\"<\", 5]}]}", "{\"eventName\": [\"MODIFY\"]}"))
          .passes(utf8(RECORD)), "build " + build);
    }
  }

  @Test
  void nullMatchesOnlyNull() {
    JsonNode record = json("{\"a\": null, \"b\": \"x\"}");
    assertTrue(matches("{\"a\": [null]}", record));
    assertEquals(false, matches("{\"b\": [null]}", record));
  }

  @Test
  void criteriaAreAnOrOfPatternsAndEmptyCriteriaPassEverything() {
    assertTrue(FilterCriteria.of(List.of()).passes(utf8(RECORD)));
    assertTrue(FilterCriteria.of(List.of("{\"eventName\": [\"REMOVE\"]}",
        "{\"eventName\": [\"INSERT\"]}")).passes(utf8(RECORD)));
    assertEquals(false, FilterCriteria.of(List.of("{\"eventName\": [\"REMOVE\"]}",
        "{\"eventName\": [\"MODIFY\"]}")).passes(utf8(RECORD)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "{\"eventName\"|not valid JSON",
      "[\"INSERT\"]|a JSON array, not an object",
      "{\"eventName\": \"INSERT\"}|the bare value \"INSERT\" at \"eventName\"",
      "{\"eventName\": []}|an empty list of values at \"eventName\"",
      "{\"dynamodb\": {\"NewImag\": {}}}|an empty object at \"dynamodb.NewImag\"",
      "{}|an empty object",
      "{\"eventName\": [\"INSERT\"]} and more|text after the pattern",
      "{\"eventName\": [{\"sufix\": \"T\"}]}|unknown operator \"sufix\"",
      "{\"eventName\": [{\"exists\": \"yes\"}]}|exists takes true or false",
      "{\"eventName\": [{\"prefix\": 5}]}|prefix takes a string",
      "{\"eventName\": [{\"prefix\": \"I\", \"suffix\": \"T\"}]}|names one operator only",
      "{\"a\": [{\"numeric\": [\">\", \"500\"]}]}|an operator in quotes, then a number",
      "{\"a\": [{\"numeric\": [\"!=\", 5]}]}|\"!=\" is no numeric operator",
      "{\"a\": [{\"numeric\": [\">\"]}]}|not 1 terms",
      "{\"a\": [{\"numeric\": [\">\", 10, \"<\", 5]}]}|must be below the upper bound 5",
      "{\"a\": [{\"anything-but\": {\"prefix\": \"Flo\"}}]}|anything-but with prefix at \"a\" is EventBridge's",
      "{\"a\": [{\"wildcard\": \"PRODUCT#*\"}]}|wildcard at \"a\" is EventBridge's",
      "{\"$or\": [{\"a\": [1]}]}|$or lists at least two objects"})
  void patternsLambdaWouldRejectAreRejectedWhenParsed(String pattern, String problem) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> FilterPattern.parse(pattern));
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }
}
