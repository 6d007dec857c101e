package com.example.orders;

import static com.example.orders.DynamoJson.bool;
import static com.example.orders.DynamoJson.l;
import static com.example.orders.DynamoJson.m;
import static com.example.orders.DynamoJson.n;
import static com.example.orders.DynamoJson.nul;
import static com.example.orders.DynamoJson.ns;
import static com.example.orders.DynamoJson.s;
import static com.example.orders.DynamoJson.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Laconic's generated mappers of Enhanced Client classes against the chain a team runs today:
 * the Lambda runtime's serializer builds a {@code DynamodbEvent},
 * {@code aws-lambda-java-events-sdk-transformer} copies the image into the SDK's
 * {@code AttributeValue}s, and {@code TableSchema.fromBean}/{@code fromImmutableClass} maps it.
 * Random items, written by the SDK itself from random objects and then partly spoiled with
 * values of the wrong type, NULLs, lenient spellings and missing attributes, go through both as
 * stream records; both must give equal items (compared through the SDK's own {@code itemToMap}),
 * or both must fail — Laconic's as a partial batch failure at the record.
 */
class EnhancedDifferentialTest {

  /** How many random items each type is checked with; the seed keeps every run the same. */
  static final int SAMPLES = 400;

  private static final TableSchema<EnhancedTypes.Everything> EVERYTHING =
      TableSchema.fromBean(EnhancedTypes.Everything.class);
  private static final TableSchema<EnhancedTypes.Shipment> SHIPMENT =
      TableSchema.fromImmutableClass(EnhancedTypes.Shipment.class);

  @Test
  void beansMapAsTheEnhancedClientMapsThem() throws Exception {
    Random random = new Random(11);
    int mapped = 0;
    int failedAlike = 0;
    for (int i = 0; i < SAMPLES; i++) {
      ObjectNode image = spoil(toJson(EVERYTHING.itemToMap(randomEverything(random), true)),
          random, EVERYTHING_ODDITIES);
      Outcome<EnhancedTypes.Everything> chain = chain(image, EVERYTHING);
      EnhancedHandlers.clear();
      String response = invoke(new Laconic_EnhancedHandlers_onEverything(), image);
      if (chain.failure != null) {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"100\"}]}", response,
            "the chain fails (" + chain.failure + "), so must Laconic, for " + image);
        failedAlike++;
      } else {
        assertEquals("{\"batchItemFailures\":[]}", response, "for " + image + ": " + lastLog);
        assertEquals(1, EnhancedHandlers.EVERYTHING.size());
        assertSame(EVERYTHING, chain.item, EnhancedHandlers.EVERYTHING.get(0), image);
        mapped++;
      }
    }
    assertTrue(mapped > SAMPLES / 4 && failedAlike > SAMPLES / 20,
        "both outcomes are exercised: " + mapped + " mapped, " + failedAlike + " failed");
  }

  @Test
  void immutablesMapAsTheEnhancedClientMapsThem() throws Exception {
    Random random = new Random(12);
    int mapped = 0;
    int failedAlike = 0;
    for (int i = 0; i < SAMPLES; i++) {
      ObjectNode image = spoil(toJson(SHIPMENT.itemToMap(randomShipment(random), true)), random,
          SHIPMENT_ODDITIES);
      Outcome<EnhancedTypes.Shipment> chain = chain(image, SHIPMENT);
      EnhancedHandlers.clear();
      String response = invoke(new Laconic_EnhancedHandlers_onShipment(), image);
      if (chain.failure != null) {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"100\"}]}", response,
            "the chain fails (" + chain.failure + "), so must Laconic, for " + image);
        failedAlike++;
      } else {
        assertEquals("{\"batchItemFailures\":[]}", response, "for " + image + ": " + lastLog);
        assertEquals(1, EnhancedHandlers.SHIPMENTS.size());
        assertSame(SHIPMENT, chain.item,
            EnhancedHandlers.SHIPMENTS.get(0).newImage().orElse(null), image);
        mapped++;
      }
    }
    assertTrue(mapped > SAMPLES / 4 && failedAlike > SAMPLES / 20,
        "both outcomes are exercised: " + mapped + " mapped, " + failedAlike + " failed");
  }

  @Test
  void ownConverterProvidersAndGenericConvertersMapAsTheEnhancedClientMapsThem()
      throws Exception {
    TableSchema<EnhancedTypes.Tagged> schema = TableSchema.fromBean(EnhancedTypes.Tagged.class);
    ObjectNode trimmed = DynamoJson.item(Map.of("name", s("  spaced  "),
        "tags", l(List.of(s(" a "), s("b")))));
    ObjectNode csv = DynamoJson.item(Map.of("name", s("n"), "csv", s("x,y,z"),
        "tags", ss(List.of("c"))));
    ObjectNode notCsv = DynamoJson.item(Map.of("name", s("n"), "csv", n("1")));
    for (ObjectNode image : List.of(trimmed, csv, notCsv)) {
      Outcome<EnhancedTypes.Tagged> chain = chain(image, schema);
      EnhancedHandlers.clear();
      String response = invoke(new Laconic_EnhancedHandlers_onTagged(), image);
      if (chain.failure != null) {
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"100\"}]}", response,
            "the chain fails (" + chain.failure + "), so must Laconic, for " + image);
      } else {
        assertEquals("{\"batchItemFailures\":[]}", response, "for " + image + ": " + lastLog);
        assertSame(schema, chain.item, EnhancedHandlers.TAGGED.get(0), image);
      }
    }
  }

  private static <T> void assertSame(TableSchema<T> schema, T expected, T actual,
      ObjectNode image) {
    if (expected == null) {
      assertEquals(null, actual, "the Enhanced Client maps " + image + " to null");
      return;
    }
    assertNotNull(actual, "the Enhanced Client maps " + image + " to an item");
    Map<String, AttributeValue> want = schema.itemToMap(expected, false);
    Map<String, AttributeValue> got = schema.itemToMap(actual, false);
    for (String name : new java.util.TreeSet<>(want.keySet())) {
      assertEquals(want.get(name), got.get(name), name + " of " + image);
    }
    assertEquals(want.keySet(), got.keySet(), "for " + image);
    if (expected instanceof EnhancedTypes.Everything e) {
      EnhancedTypes.Everything a = (EnhancedTypes.Everything) actual;
      assertEquals(e.getSecret(), a.getSecret(), "an ignored property is never set");
      assertEquals(e.getAudit() == null, a.getAudit() == null, "flattened member " + image);
      assertEquals(e.getPreserved() == null, a.getPreserved() == null, "preserved " + image);
    }
  }

  /** The result of the chain for one image: the item, or why it failed. */
  private record Outcome<T>(T item, Exception failure) {}

  private static <T> Outcome<T> chain(ObjectNode image, TableSchema<T> schema) {
    try {
      DynamodbEvent event = LambdaRuntimeEvents.dynamodbEvent(DynamoJson.event(List.of(
          DynamoJson.record("INSERT", "100", DynamoJson.item(Map.of("pk", s("k"))), image,
              null))));
      Map<String, AttributeValue> item = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
          event.getRecords().get(0).getDynamodb().getNewImage());
      return new Outcome<>(schema.mapToItem(item), null);
    } catch (RuntimeException e) {
      return new Outcome<>(null, e);
    }
  }

  /** What the adapter last run logged: the failure, when there is one. */
  private static String lastLog;

  /** Runs a generated adapter on a one-record INSERT event; answers the response JSON. */
  private static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler adapter,
      ObjectNode image) throws Exception {
    byte[] event = DynamoJson.event(List.of(DynamoJson.record("INSERT", "100",
        DynamoJson.item(Map.of("pk", s("k"))), image, null)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TestContext context = new TestContext();
    adapter.handleRequest(new ByteArrayInputStream(event), out, context);
    lastLog = context.log();
    return out.toString(StandardCharsets.UTF_8);
  }

  /** The SDK's item as the DynamoDB JSON of a stream record. */
  static ObjectNode toJson(Map<String, AttributeValue> item) {
    Map<String, JsonNode> attributes = new LinkedHashMap<>();
    item.forEach((name, value) -> attributes.put(name, toJson(value)));
    return DynamoJson.item(attributes);
  }

  private static ObjectNode toJson(AttributeValue value) {
    switch (value.type()) {
      case S:
        return s(value.s());
      case N:
        return n(value.n());
      case B:
        return DynamoJson.b(value.b().asByteArray());
      case BOOL:
        return bool(value.bool());
      case NUL:
        return nul();
      case SS:
        return ss(value.ss());
      case NS:
        return ns(value.ns());
      case BS:
        return DynamoJson.bs(value.bs().stream().map(SdkBytes::asByteArray).toList());
      case L:
        return l(value.l().stream().map(EnhancedDifferentialTest::toJson).toList());
      case M:
        Map<String, JsonNode> attributes = new LinkedHashMap<>();
        value.m().forEach((name, v) -> attributes.put(name, toJson(v)));
        return m(attributes);
      default:
        throw new IllegalArgumentException("unexpected " + value);
    }
  }

  /**
   * Replaces up to three attributes with one of the odd values listed for them (or removes
   * them), and sometimes adds an attribute the class does not have.
   */
  private static ObjectNode spoil(ObjectNode image, Random random,
      Map<String, List<JsonNode>> oddities) {
    List<String> names = new ArrayList<>(oddities.keySet());
    int spoilt = random.nextInt(4);
    for (int i = 0; i < spoilt; i++) {
      String name = names.get(random.nextInt(names.size()));
      List<JsonNode> odd = oddities.get(name);
      int pick = random.nextInt(odd.size() + 1);
      if (pick == odd.size()) {
        image.remove(name);
      } else {
        image.set(name, odd.get(pick).deepCopy());
      }
    }
    if (random.nextInt(10) == 0) {
      image.set("unknown", s("ignored"));
    }
    return image;
  }

  private static final Map<String, List<JsonNode>> EVERYTHING_ODDITIES = oddities(Map.ofEntries(
      Map.entry("id", List.of(n("12"), bool(true), nul(), s(""))),
      Map.entry("rank", List.of(n("1e3"), n("1.5"), s("12"), n("99999999999"), nul(), n("-0"))),
      Map.entry("text", List.of(n("12"), bool(true), ss(List.of("a")), nul(), s(""))),
      Map.entry("flag", List.of(s("true"), s("1"), n("1"), n("0"), s("yes"), s("FALSE"), nul())),
      Map.entry("boxedFlag", List.of(s("false"), n("2"), bool(false), nul())),
      Map.entry("boxedInt", List.of(n("2147483648"), n("-7"), s("x"))),
      Map.entry("count", List.of(n("9223372036854775808"), n("12.0"), n("-3"))),
      Map.entry("small", List.of(n("40000"), n("-5"))),
      Map.entry("tiny", List.of(n("128"), n("-128"), n("1.2"))),
      Map.entry("ratio", List.of(n("1e400"), n("NaN"), n("-0.0"), n("1e-5"), s("Infinity"))),
      Map.entry("weight", List.of(n("3.4028236e38"), n("0.1"))),
      Map.entry("amount", List.of(n("1E+3"), n("0.000"), n("-12.50"), s("7"))),
      Map.entry("huge", List.of(n("123456789012345678901234567890"), n("1.5"), n("1e2"))),
      Map.entry("blob", List.of(s("aGk="), DynamoJson.b(new byte[0]), nul())),
      Map.entry("sdkBytes", List.of(DynamoJson.b(new byte[] {1, 2}), s("x"))),
      Map.entry("at", List.of(n("1700000000"), s("2024-01-01T00:00:00+01:00"), s("bad"),
          s("2024-01-01T00:00:00.123456789Z"), n("1.5"))),
      Map.entry("uuid", List.of(s("not-a-uuid"), s("00000000-0000-0000-0000-000000000000"))),
      Map.entry("day", List.of(s("2024-02-30"), s("2024-02-29"), n("20240101"))),
      Map.entry("status", List.of(s("active"), s("ACTIVE"), s("RETIRED"), n("1"))),
      Map.entry("strings", List.of(ss(List.of("a", "b")), l(List.of(s("a"), nul())),
          l(List.of()), l(List.of(n("1"))))),
      Map.entry("stringSet", List.of(l(List.of(s("a"))), ss(List.of()), ns(List.of("1")))),
      Map.entry("numberSet", List.of(ns(List.of("1", "1.5")), ns(List.of("3", "2")),
          ss(List.of("4")), l(List.of(n("5"))))),
      Map.entry("labels", List.of(m(Map.of("a", n("1"))), m(Map.of()), m(Map.of("b", nul())))),
      Map.entry("parts", List.of(l(List.of(m(Map.of("name", s("x"))), nul())),
          l(List.of(m(Map.of()))), l(List.of(s("x"))))),
      Map.entry("partsByName", List.of(m(Map.of("x", m(Map.of("quantity", n("2"))))),
          m(Map.of("y", m(Map.of()))))),
      Map.entry("main", List.of(m(Map.of()), m(Map.of("name", nul())), s("x"))),
      Map.entry("preserved", List.of(m(Map.of()), m(Map.of("name", nul())), nul())),
      Map.entry("createdBy", List.of(n("1"), nul())),
      Map.entry("createdAt", List.of(s("2020-01-01T00:00:00Z"), n("0"))),
      Map.entry("secret", List.of(s("should stay unset"))),
      Map.entry("label_text", List.of(s("x"), n("1"))),
      Map.entry("converted", List.of(s("12 EUR"), s("bad"), n("1"), nul()))));

  private static final Map<String, List<JsonNode>> SHIPMENT_ODDITIES = oddities(Map.of(
      "pk", List.of(n("1"), nul()),
      "weight", List.of(n("1.5"), s("2"), n("-1"), nul()),
      "stops", List.of(ss(List.of("x")), l(List.of()), nul()),
      "firstLeg", List.of(m(Map.of()), m(Map.of("from", s("a"))), nul(), s("x")),
      "status", List.of(s("NEW"), s("new"), nul())));

  private static Map<String, List<JsonNode>> oddities(Map<String, List<ObjectNode>> values) {
    Map<String, List<JsonNode>> sorted = new java.util.TreeMap<>();
    values.forEach((name, list) -> sorted.put(name, List.copyOf(list)));
    return sorted;
  }

  private static EnhancedTypes.Everything randomEverything(Random random) {
    EnhancedTypes.Everything item = new EnhancedTypes.Everything();
    item.setId("id-" + random.nextInt(1000));
    item.setRank(random.nextInt());
    item.setText(maybe(random, () -> randomText(random)));
    item.setFlag(random.nextBoolean());
    item.setBoxedFlag(maybe(random, random::nextBoolean));
    item.setBoxedInt(maybe(random, random::nextInt));
    item.setCount(random.nextLong());
    item.setBoxedLong(maybe(random, random::nextLong));
    item.setSmall((short) random.nextInt());
    item.setBoxedShort(maybe(random, () -> (short) random.nextInt()));
    item.setTiny((byte) random.nextInt());
    item.setBoxedByte(maybe(random, () -> (byte) random.nextInt()));
    item.setRatio(random.nextDouble() * Math.pow(10, random.nextInt(40) - 20));
    item.setBoxedDouble(maybe(random, random::nextGaussian));
    item.setWeight(random.nextFloat() * 1000);
    item.setBoxedFloat(maybe(random, random::nextFloat));
    item.setAmount(maybe(random, () -> BigDecimal.valueOf(random.nextLong(), random.nextInt(8))));
    item.setHuge(maybe(random, () -> new BigInteger(100, random)));
    item.setBlob(maybe(random, () -> randomBytes(random)));
    item.setBuffer(maybe(random, () -> ByteBuffer.wrap(randomBytes(random))));
    item.setSdkBytes(maybe(random, () -> SdkBytes.fromByteArray(randomBytes(random))));
    item.setAt(maybe(random, () -> Instant.ofEpochSecond(random.nextInt(2_000_000_000),
        random.nextInt(1_000_000_000))));
    item.setUuid(maybe(random, () -> new UUID(random.nextLong(), random.nextLong())));
    item.setDay(maybe(random, () -> LocalDate.ofEpochDay(random.nextInt(40000))));
    item.setStatus(maybe(random, () -> EnhancedTypes.Status.values()[random.nextInt(3)]));
    item.setStrings(maybe(random, () -> randomList(random, () -> randomText(random))));
    item.setStringSet(maybe(random, () -> new LinkedHashSet<>(
        randomList(random, () -> randomText(random) + "!"))));
    item.setNumberSet(maybe(random, () -> new LinkedHashSet<>(randomList(random,
        random::nextInt))));
    item.setLabels(maybe(random, () -> {
      Map<String, String> labels = new LinkedHashMap<>();
      for (String key : randomList(random, () -> "k" + random.nextInt(20))) {
        labels.put(key, randomText(random));
      }
      return labels;
    }));
    item.setParts(maybe(random, () -> randomList(random, () -> randomPart(random))));
    item.setPartsByName(maybe(random, () -> Map.of("p" + random.nextInt(9), randomPart(random))));
    item.setMain(maybe(random, () -> randomPart(random)));
    item.setPreserved(maybe(random, () -> randomPart(random)));
    if (random.nextBoolean()) {
      EnhancedTypes.Audit audit = new EnhancedTypes.Audit();
      audit.setCreatedBy(maybe(random, () -> randomText(random)));
      audit.setCreatedAt(maybe(random, () -> Instant.ofEpochMilli(random.nextLong() >>> 24)));
      item.setAudit(audit);
    }
    item.setRenamed(maybe(random, () -> randomText(random)));
    item.setConverted(maybe(random, () -> new EnhancedTypes.Money(random.nextInt(100000),
        random.nextBoolean() ? "EUR" : "USD")));
    return item;
  }

  private static EnhancedTypes.Shipment randomShipment(Random random) {
    EnhancedTypes.Shipment.Builder builder = EnhancedTypes.Shipment.builder()
        .id("s-" + random.nextInt(1000))
        .weight(random.nextLong())
        .stops(maybe(random, () -> randomList(random, () -> randomText(random))))
        .status(maybe(random, () -> EnhancedTypes.Status.values()[random.nextInt(3)]));
    if (random.nextBoolean()) {
      EnhancedTypes.Leg.Builder leg = new EnhancedTypes.Leg.Builder();
      leg.setFrom(maybe(random, () -> randomText(random)));
      leg.setTo(maybe(random, () -> randomText(random)));
      builder.firstLeg(leg.build());
    }
    return builder.build();
  }

  private static EnhancedTypes.Part randomPart(Random random) {
    EnhancedTypes.Part part = new EnhancedTypes.Part();
    part.setName(maybe(random, () -> randomText(random)));
    part.setQuantity(maybe(random, () -> random.nextInt(100)));
    return part;
  }

  private static <T> T maybe(Random random, java.util.function.Supplier<T> value) {
    return random.nextInt(5) == 0 ? null : value.get();
  }

  private static <T> List<T> randomList(Random random, java.util.function.Supplier<T> element) {
    List<T> list = new ArrayList<>();
    int size = 1 + random.nextInt(4);
    for (int i = 0; i < size; i++) {
      list.add(element.get());
    }
    return list;
  }

  private static String randomText(Random random) {
    String[] texts = {"a", "Zürich", "line\nbreak", "quote\"d", "emoji \uD83D\uDE00", "12",
        "true", " spaced ", "tab\t"};
    return texts[random.nextInt(texts.length)] + random.nextInt(100);
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(12)];
    random.nextBytes(bytes);
    return bytes;
  }
}
