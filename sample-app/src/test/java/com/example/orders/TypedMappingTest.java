package com.example.orders;

import static com.example.orders.DynamoJson.l;
import static com.example.orders.DynamoJson.n;
import static com.example.orders.DynamoJson.s;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.stream.MappingException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated {@code AllTypesStreamMapper} on items written as DynamoDB JSON and read by the
 * Lambda runtime's own deserializer: every supported Java type, from every attribute type that
 * feeds it, and the failures with their attribute paths.
 */
class TypedMappingTest {

  /** How many random items the round trip maps; the seed keeps every run the same. */
  static final int SAMPLES = 300;

  /** Sends {@code image} as the NewImage of one INSERT through the runtime's deserializer. */
  static Map<String, AttributeValue> viaRuntime(ObjectNode image) {
    ObjectNode record = DynamoJson.record("INSERT", "100", DynamoJson.item(Map.of("pk",
        s("k"))), image, null);
    DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(DynamoJson.event(List.of(record)));
    return event.getRecords().get(0).getDynamodb().getNewImage();
  }

  @Test
  void randomItemsOfEveryTypeRoundTrip() {
    Random random = new Random(20261130);
    for (int i = 0; i < SAMPLES; i++) {
      AllTypesSamples.Sample sample = AllTypesSamples.next(random);
      AllTypes mapped = AllTypesStreamMapper.fromImage(viaRuntime(sample.image()));
      assertEquals(Values.comparable(sample.value()), Values.comparable(mapped),
          "sample " + i + ": " + sample.image());
    }
  }

  @Test
  void missingAndNullAttributesGiveNullsEmptiesAndDefaults() {
    Map<String, JsonNode> image = new LinkedHashMap<>();
    for (String primitive : List.of("count", "big", "small", "tiny", "ratio", "level")) {
      image.put(primitive, n("0"));
    }
    image.put("flag", DynamoJson.bool(false));
    image.put("text", DynamoJson.nul());
    image.put("maybe", DynamoJson.nul());
    AllTypes mapped = AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image)));
    assertNull(mapped.text());
    assertNull(mapped.countBox());
    assertNull(mapped.lines());
    assertNull(mapped.inner());
    assertEquals(Optional.empty(), mapped.maybe());
    assertEquals(Optional.empty(), mapped.maybeInner());
    assertNull(mapped.ignored());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("primitives")
  void aMissingPrimitiveIsAFailureNamingItsPath(String primitive, String javaType) {
    Map<String, JsonNode> image = new LinkedHashMap<>();
    for (String other : List.of("count", "big", "small", "tiny", "ratio", "level")) {
      image.put(other, n("1"));
    }
    image.put("flag", DynamoJson.bool(true));
    image.remove(primitive);
    Map<String, AttributeValue> attributes = viaRuntime(DynamoJson.item(image));
    MappingException missing = assertThrows(MappingException.class,
        () -> AllTypesStreamMapper.fromImage(attributes));
    String expected = primitive.equals("flag") ? "BOOL (boolean)" : "N (" + javaType + ")";
    assertEquals("allTypes." + primitive + ": expected " + expected + ", found no attribute",
        missing.getMessage());
  }

  static Stream<Arguments> primitives() {
    return Stream.of(Arguments.of("count", "int"), Arguments.of("big", "long"),
        Arguments.of("small", "short"), Arguments.of("tiny", "byte"),
        Arguments.of("ratio", "double"), Arguments.of("level", "float"),
        Arguments.of("flag", "boolean"));
  }

  @Test
  void aWrongTypeDeepInsideNamesTheWholePath() {
    Map<String, JsonNode> image = primitivesPresent();
    image.put("inners", l(List.of(inner("a", n("1")), inner("b", s("two")))));
    MappingException failure = assertThrows(MappingException.class,
        () -> AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image))));
    assertEquals("allTypes.inners[1].rank: expected N (Integer), found S \"two\"",
        failure.getMessage());
    assertEquals("allTypes.inners[1].rank", failure.path());
  }

  @Test
  void numbersAreExactOrFail() {
    Map<String, JsonNode> image = primitivesPresent();
    image.put("amount", n("0.1000000000000000055511151231257827021181583404541015625"));
    image.put("huge", n("1E+30"));
    image.put("countBox", n("2.50E1"));
    AllTypes mapped = AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image)));
    assertEquals(new BigDecimal("0.1000000000000000055511151231257827021181583404541015625"),
        mapped.amount());
    assertEquals(new java.math.BigInteger("1000000000000000000000000000000"), mapped.huge());
    assertEquals(25, mapped.countBox());

    image.put("countBox", n("2.5"));
    assertEquals("allTypes.countBox: expected N holding a whole number in the range of Integer,"
        + " found N 2.5", assertThrows(MappingException.class,
            () -> AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image))))
        .getMessage());
    image.put("countBox", n("2147483648"));
    assertThrows(MappingException.class,
        () -> AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image))));
  }

  @Test
  void anUnknownEnumConstantNamesTheConstants() {
    Map<String, JsonNode> image = primitivesPresent();
    image.put("palette", l(List.of(s("RED"), s("PURPLE"))));
    assertEquals("allTypes.palette[1]: expected S naming a constant of AllTypes.Color (RED,"
        + " GREEN, BLUE), found S \"PURPLE\"", assertThrows(MappingException.class,
            () -> AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image))))
        .getMessage());
  }

  @Test
  void listsReadSetsAndSetsReadLists() {
    Map<String, JsonNode> image = primitivesPresent();
    image.put("names", l(List.of(s("b"), s("a"), s("b"))));
    image.put("tags", l(List.of(s("b"), s("a"), s("b"))));
    image.put("codes", DynamoJson.ns(List.of("3", "1")));
    AllTypes mapped = AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image)));
    assertEquals(List.of("b", "a", "b"), mapped.names());
    assertEquals(List.of("b", "a"), new ArrayList<>(mapped.tags()), "event order, no duplicates");
    assertEquals(Set.of(3L, 1L), mapped.codes());

    image.put("codes", DynamoJson.ss(List.of("3")));
    assertEquals("allTypes.codes[0]: expected N (Long), found S \"3\"",
        assertThrows(MappingException.class,
            () -> AllTypesStreamMapper.fromImage(viaRuntime(DynamoJson.item(image))))
            .getMessage());
  }

  @Test
  void binaryValuesAreCopiedOutOfTheEvent() {
    Map<String, JsonNode> image = primitivesPresent();
    image.put("blob", DynamoJson.b(new byte[] {1, 2, 3}));
    Map<String, AttributeValue> attributes = viaRuntime(DynamoJson.item(image));
    AllTypes first = AllTypesStreamMapper.fromImage(attributes);
    first.blob()[0] = 9;
    AllTypes second = AllTypesStreamMapper.fromImage(attributes);
    assertArrayEquals(new byte[] {1, 2, 3}, second.blob());
  }

  @Test
  void theMapperReadsRecordsToo() {
    ObjectNode record = DynamoJson.record("MODIFY", "777", DynamoJson.item(Map.of("pk", s("k"))),
        DynamoJson.item(withText(primitivesPresent(), "after")),
        DynamoJson.item(withText(primitivesPresent(), "before")));
    DynamodbStreamRecord streamRecord = LambdaRuntimeEvents.dynamodbEvent(
        DynamoJson.event(List.of(record))).getRecords().get(0);
    assertEquals("after", AllTypesStreamMapper.fromNewImage(streamRecord).text());
    var change = AllTypesStreamMapper.toChange(streamRecord);
    assertEquals("before", change.oldImage().orElseThrow().text());
    assertEquals("after", change.newImage().orElseThrow().text());
    assertEquals("777", change.sequenceNumber());
    assertTrue(change.approximateCreationTime().toString().startsWith("2023-11-14T22:13:20.5"),
        change.approximateCreationTime().toString());
  }

  static Map<String, JsonNode> primitivesPresent() {
    Map<String, JsonNode> image = new LinkedHashMap<>();
    for (String primitive : List.of("count", "big", "small", "tiny", "ratio", "level")) {
      image.put(primitive, n("1"));
    }
    image.put("flag", DynamoJson.bool(true));
    return image;
  }

  private static Map<String, JsonNode> withText(Map<String, JsonNode> image, String text) {
    image.put("text", s(text));
    return image;
  }

  private static ObjectNode inner(String label, JsonNode rank) {
    Map<String, JsonNode> attributes = new LinkedHashMap<>();
    attributes.put("label", s(label));
    attributes.put("rank", rank);
    return DynamoJson.m(attributes);
  }
}
