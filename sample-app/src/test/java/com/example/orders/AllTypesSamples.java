package com.example.orders;

import static com.example.orders.DynamoJson.b;
import static com.example.orders.DynamoJson.bool;
import static com.example.orders.DynamoJson.bs;
import static com.example.orders.DynamoJson.l;
import static com.example.orders.DynamoJson.m;
import static com.example.orders.DynamoJson.n;
import static com.example.orders.DynamoJson.ns;
import static com.example.orders.DynamoJson.nul;
import static com.example.orders.DynamoJson.s;
import static com.example.orders.DynamoJson.ss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Random {@link AllTypes} values together with the DynamoDB JSON of the same item, so a test can
 * send the JSON through the runtime's deserializer and the generated mapper and expect the value
 * back. Numbers are written in the forms DynamoDB and other writers use ({@code 42},
 * {@code 42.0}, {@code 4.2E1}); nullable values are sometimes absent, sometimes {@code NULL}.
 */
final class AllTypesSamples {

  /** An expected value and its item image. */
  record Sample(AllTypes value, ObjectNode image) {}

  private final Random random;
  private final Map<String, JsonNode> image = new LinkedHashMap<>();

  private AllTypesSamples(Random random) {
    this.random = random;
  }

  static Sample next(Random random) {
    return new AllTypesSamples(random).build();
  }

  private Sample build() {
    AllTypes value = new AllTypes(
        nullable("text", this::text, DynamoJson::s),
        put("flag", random.nextBoolean(), DynamoJson::bool),
        nullable("flagBox", random::nextBoolean, DynamoJson::bool),
        put("count", random.nextInt(), v -> n(wholeText(v))),
        nullable("countBox", random::nextInt, v -> n(wholeText(v))),
        put("big", random.nextLong(), v -> n(wholeText(v))),
        nullable("bigBox", random::nextLong, v -> n(wholeText(v))),
        put("small", (short) random.nextInt(), v -> n(wholeText(v))),
        nullable("smallBox", () -> (short) random.nextInt(), v -> n(wholeText(v))),
        put("tiny", (byte) random.nextInt(), v -> n(wholeText(v))),
        nullable("tinyBox", () -> (byte) random.nextInt(), v -> n(wholeText(v))),
        put("ratio", random.nextDouble() * 1e6 - 5e5, v -> n(Double.toString(v))),
        nullable("ratioBox", () -> random.nextGaussian() * 1e-3, v -> n(Double.toString(v))),
        put("level", random.nextFloat() * 100, v -> n(Float.toString(v))),
        nullable("levelBox", () -> random.nextFloat() - 0.5f, v -> n(Float.toString(v))),
        nullable("amount", this::decimal, v -> n(v.toString())),
        nullable("huge", () -> new BigInteger(120, random).negate(), v -> n(v.toString())),
        nullable("blob", () -> bytes(random.nextInt(20)), DynamoJson::b),
        nullable("buffer", () -> ByteBuffer.wrap(bytes(1 + random.nextInt(20))),
            v -> b(v.array())),
        nullable("color", this::color, v -> s(v.name())),
        nullable("epochTime", () -> Instant.ofEpochSecond(random.nextInt(2_000_000_000),
            random.nextInt(1_000_000_000)), v -> n(epochText(v))),
        nullable("isoTime", () -> Instant.ofEpochSecond(random.nextInt(2_000_000_000),
            random.nextInt(1000) * 1_000_000L), v -> s(v.toString())),
        nullable("uuid", () -> new UUID(random.nextLong(), random.nextLong()),
            v -> s(v.toString())),
        nullable("lines", () -> list(this::text), v -> l(map(v, DynamoJson::s))),
        nullable("names", () -> list(this::text), DynamoJson::ss),
        nullable("measures", () -> list(this::decimal), v -> ns(map(v, BigDecimal::toString))),
        nullable("chunks", () -> list(() -> ByteBuffer.wrap(bytes(1 + random.nextInt(8)))),
            v -> bs(map(v, ByteBuffer::array))),
        nullable("tags", () -> new LinkedHashSet<>(list(this::text)),
            v -> ss(new ArrayList<>(v))),
        nullable("codes", () -> new LinkedHashSet<>(list(random::nextLong)),
            v -> ns(map(new ArrayList<>(v), String::valueOf))),
        nullable("digests", () -> new LinkedHashSet<>(list(() -> bytes(1 + random.nextInt(8)))),
            v -> bs(new ArrayList<>(v))),
        nullable("scores", () -> scores(), v -> m(mapValues(v, i -> n(wholeText(i))))),
        nullable("inner", () -> inner(2), AllTypesSamples::innerJson),
        nullable("inners", () -> list(() -> inner(1)), v -> l(map(v, AllTypesSamples::innerJson))),
        nullable("innerByName", this::innerByName,
            v -> m(mapValues(v, AllTypesSamples::innerJson))),
        nullable("matrix", () -> list(() -> list(random::nextInt)),
            v -> l(map(v, row -> l(map(row, i -> n(Integer.toString(i))))))),
        optional("maybe", this::text, DynamoJson::s),
        optional("maybeInner", () -> inner(0), AllTypesSamples::innerJson),
        nullable("palette", () -> list(this::color), v -> l(map(v, c -> s(c.name())))),
        nullable("renamed-attr", this::text, DynamoJson::s),
        null);
    image.put("ignored", s("never read"));
    return new Sample(value, DynamoJson.item(image));
  }

  private <T> T put(String name, T value, Function<T, JsonNode> json) {
    image.put(name, json.apply(value));
    return value;
  }

  /** A value, or null written as a missing attribute or as NULL. */
  private <T> T nullable(String name, Supplier<T> value, Function<T, JsonNode> json) {
    switch (random.nextInt(6)) {
      case 0:
        return null;
      case 1:
        image.put(name, nul());
        return null;
      default:
        return put(name, value.get(), json);
    }
  }

  private <T> Optional<T> optional(String name, Supplier<T> value, Function<T, JsonNode> json) {
    return Optional.ofNullable(nullable(name, value, json));
  }

  private String text() {
    String[] samples = {"", "plain", "ünïcödé ✓", "quote \" and \\ backslash", "line\nbreak",
        "emoji 😀", "a: b # c"};
    return samples[random.nextInt(samples.length)] + random.nextInt(100);
  }

  /** A whole number as DynamoDB writes it, or as other writers might: 42, 42.0 or 4.2E1. */
  private String wholeText(long value) {
    switch (random.nextInt(3)) {
      case 0:
        return Long.toString(value);
      case 1:
        return value + ".0";
      default:
        return new BigDecimal(value).round(new java.math.MathContext(20)).stripTrailingZeros()
            .toString().replace("E+", "E");
    }
  }

  private static String epochText(Instant instant) {
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), 9)).toPlainString();
  }

  private BigDecimal decimal() {
    return new BigDecimal(new BigInteger(100, random), random.nextInt(30) - 5)
        .multiply(random.nextBoolean() ? BigDecimal.ONE : BigDecimal.ONE.negate());
  }

  private AllTypes.Color color() {
    return AllTypes.Color.values()[random.nextInt(AllTypes.Color.values().length)];
  }

  private byte[] bytes(int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private <T> List<T> list(Supplier<T> element) {
    List<T> list = new ArrayList<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      list.add(element.get());
    }
    return list;
  }

  private Map<String, Integer> scores() {
    Map<String, Integer> scores = new LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      scores.put(text(), random.nextInt());
    }
    return scores;
  }

  private Map<String, AllTypes.Inner> innerByName() {
    Map<String, AllTypes.Inner> inners = new LinkedHashMap<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      inners.put(text(), inner(1));
    }
    return inners;
  }

  private AllTypes.Inner inner(int depth) {
    List<AllTypes.Inner> children = new ArrayList<>();
    for (int i = depth == 0 ? 0 : random.nextInt(3); i > 0; i--) {
      children.add(inner(depth - 1));
    }
    return new AllTypes.Inner(text(),
        random.nextBoolean() ? Optional.of(random.nextInt(10)) : Optional.empty(), children);
  }

  private static ObjectNode innerJson(AllTypes.Inner inner) {
    Map<String, JsonNode> attributes = new LinkedHashMap<>();
    attributes.put("label", s(inner.label()));
    inner.rank().ifPresent(rank -> attributes.put("rank", n(rank.toString())));
    attributes.put("children", l(map(inner.children(), AllTypesSamples::innerJson)));
    return m(attributes);
  }

  private static <A, B> List<B> map(List<A> values, Function<A, B> f) {
    List<B> out = new ArrayList<>();
    values.forEach(v -> out.add(f.apply(v)));
    return out;
  }

  private static <A> Map<String, JsonNode> mapValues(Map<String, A> values,
      Function<A, JsonNode> f) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, f.apply(v)));
    return out;
  }
}
