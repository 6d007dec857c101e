package dev.laconic.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random values of a record with every supported type, written as JSON by Jackson's data binding
 * and read back by the generated reader, come back equal: fields in declaration or alphabetical
 * order, nulls written or left out, instants as ISO-8601 text or as epoch seconds.
 */
class JsonReaderDifferentialTest {

  static final String EVERYTHING = """
      import java.math.BigDecimal;
      import java.math.BigInteger;
      import java.nio.ByteBuffer;
      import java.time.Instant;

      /** Every supported type once, and the collections and Optionals of some. */
      public record Everything(
          String string, boolean flag, Boolean flagBox, int i, Integer iBox, long l, Long lBox,
          short s, Short sBox, byte b, Byte bBox, double d, Double dBox, float f, Float fBox,
          BigDecimal decimal, BigInteger integer, byte[] bytes, ByteBuffer buffer,
          Instant instant, UUID uuid, Colour colour, Inner inner,
          Optional<String> maybe, Optional<Inner> maybeInner, List<String> strings,
          List<Inner> inners, Set<Integer> ints, Set<Colour> colours, Map<String, Long> longs,
          Map<String, List<Colour>> palettes, List<Optional<Instant>> instants,
          Map<String, Map<String, BigDecimal>> table, List<ByteBuffer> buffers,
          Set<UUID> uuids, Optional<List<Double>> doubles) {

        public enum Colour { RED, GREEN, BLUE }

        /** A nested record, with a primitive and an enum of its own. */
        public record Inner(String name, int count, Colour colour, Optional<Float> ratio) {}
      }
      """;

  static final int RUNS = 400;

  @Test
  void randomValuesWrittenByJacksonReadBackEqual() throws Exception {
    CompiledClasses classes = new CompiledClasses(JsonReadersTest.compile(
        List.of("test.Everything"), List.of(Compilations.source("Everything", EVERYTHING))));
    Class<?> everything = classes.type("test.Everything");
    Class<?> reader = classes.type("test.EverythingJsonReader");
    Random random = new Random(20240501);
    List<ObjectMapper> writers = List.of(writer(false, false), writer(true, true));
    int nulls = 0;
    for (int run = 0; run < RUNS; run++) {
      Object expected = new Values(random).nonNull(everything, 0);
      String json = writers.get(run % 2).writeValueAsString(expected);
      nulls += json.contains("null") ? 1 : 0;
      Object actual = CompiledClasses.call(reader, "fromJson", new Class<?>[] {String.class},
          json);
      assertSameComponents(expected, actual, json);
    }
    assertTrue(nulls > RUNS / 4, "nulls written: " + nulls);
  }

  /**
   * Jackson's data binding as a sender might configure it: Optionals as their value or null,
   * instants as ISO-8601 text or epoch seconds (Jackson's Java 8 modules would do the same).
   */
  static ObjectMapper writer(boolean sorted, boolean epochSeconds) {
    SimpleModule java8 = new SimpleModule();
    java8.addSerializer(new StdSerializer<Optional<?>>(Optional.class, false) {
      @Override
      public void serialize(Optional<?> value, JsonGenerator json, SerializerProvider provider)
          throws IOException {
        provider.defaultSerializeValue(value.orElse(null), json);
      }
    });
    java8.addSerializer(new StdSerializer<Instant>(Instant.class) {
      @Override
      public void serialize(Instant value, JsonGenerator json, SerializerProvider provider)
          throws IOException {
        if (epochSeconds) {
          json.writeNumber(BigDecimal.valueOf(value.getEpochSecond())
              .add(BigDecimal.valueOf(value.getNano(), 9)));
        } else {
          json.writeString(value.toString());
        }
      }
    });
    return JsonMapper.builder()
        .addModule(java8)
        .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, sorted)
        // Null fields left out or written; null in a collection written either way, or the
        // map would lose its key.
        .defaultPropertyInclusion(JsonInclude.Value.construct(
            sorted ? JsonInclude.Include.NON_NULL : JsonInclude.Include.ALWAYS,
            JsonInclude.Include.ALWAYS))
        .build();
  }

  /** Component by component; {@code byte[]} by content, everything else by its equals. */
  static void assertSameComponents(Object expected, Object actual, String json)
      throws Exception {
    for (RecordComponent component : expected.getClass().getRecordComponents()) {
      Object want = component.getAccessor().invoke(expected);
      Object got = component.getAccessor().invoke(actual);
      if (want instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) got, component.getName() + " of " + json);
      } else {
        assertEquals(want, got, component.getName() + " of " + json);
      }
    }
  }

  /** Random values of a Java type, seeded and bounded; null for a reference now and then. */
  static final class Values {

    private final Random random;

    Values(Random random) {
      this.random = random;
    }

    Object of(Type type, int depth) throws Exception {
      if (type instanceof ParameterizedType parameterized) {
        return collection(parameterized, depth);
      }
      Class<?> c = (Class<?>) type;
      if (!c.isPrimitive() && random.nextInt(10) == 0) {
        return null;
      }
      return value(c, depth);
    }

    private Object value(Class<?> c, int depth) throws Exception {
      if (c == boolean.class || c == Boolean.class) {
        return random.nextBoolean();
      } else if (c == int.class || c == Integer.class) {
        return pick(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, random.nextInt());
      } else if (c == long.class || c == Long.class) {
        return pick(0L, Long.MIN_VALUE, Long.MAX_VALUE, random.nextLong());
      } else if (c == short.class || c == Short.class) {
        return pick((short) 0, Short.MIN_VALUE, Short.MAX_VALUE, (short) random.nextInt());
      } else if (c == byte.class || c == Byte.class) {
        return pick((byte) 0, Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) random.nextInt());
      } else if (c == double.class || c == Double.class) {
        return pick(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 0.1,
            random.nextGaussian() * 1e6, random.nextDouble());
      } else if (c == float.class || c == Float.class) {
        return pick(0.0f, -0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 0.1f,
            (float) random.nextGaussian() * 1e6f, random.nextFloat());
      } else if (c == String.class) {
        return text();
      } else if (c == BigDecimal.class) {
        return new BigDecimal(new BigInteger(random.nextInt(200), random)
            .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)),
            random.nextInt(40) - 10);
      } else if (c == BigInteger.class) {
        return new BigInteger(random.nextInt(300), random)
            .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1));
      } else if (c == byte[].class) {
        return bytes();
      } else if (c == ByteBuffer.class) {
        return ByteBuffer.wrap(bytes());
      } else if (c == Instant.class) {
        // From year 1 to year 9999, where ISO-8601 needs no sign; before 1970 too.
        return Instant.ofEpochSecond(
            random.nextLong(-62_135_596_800L, 253_402_300_800L), random.nextInt(1_000_000_000));
      } else if (c == UUID.class) {
        return new UUID(random.nextLong(), random.nextLong());
      } else if (c.isEnum()) {
        Object[] constants = c.getEnumConstants();
        return constants[random.nextInt(constants.length)];
      } else if (c.isRecord()) {
        RecordComponent[] components = c.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
          types[i] = components[i].getType();
          arguments[i] = of(components[i].getGenericType(), depth + 1);
        }
        Constructor<?> canonical = c.getDeclaredConstructor(types);
        return canonical.newInstance(arguments);
      }
      throw new IllegalArgumentException("no random values of " + c);
    }

    private Object collection(ParameterizedType type, int depth) throws Exception {
      Class<?> raw = (Class<?>) type.getRawType();
      if (raw != Optional.class && random.nextInt(10) == 0) {
        return null;
      }
      return nonNull(type, depth);
    }

    private Object nonNull(Type type, int depth) throws Exception {
      if (type instanceof Class<?> c) {
        return value(c, depth);
      }
      ParameterizedType parameterized = (ParameterizedType) type;
      Class<?> raw = (Class<?>) parameterized.getRawType();
      Type[] arguments = parameterized.getActualTypeArguments();
      if (raw == Optional.class) {
        // Never null: a JSON null reads as Optional.empty(), so null would not come back.
        return random.nextInt(3) == 0 ? Optional.empty()
            : Optional.of(nonNull(arguments[0], depth));
      }
      int size = depth > 2 ? 0 : random.nextInt(4);
      if (raw == List.class) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          list.add(of(arguments[0], depth + 1));
        }
        return list;
      } else if (raw == Set.class) {
        Set<Object> set = new LinkedHashSet<>();
        for (int i = 0; i < size; i++) {
          set.add(of(arguments[0], depth + 1));
        }
        return set;
      } else if (raw == Map.class) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
          map.put(text() + i, of(arguments[1], depth + 1));
        }
        return map;
      }
      throw new IllegalArgumentException("no random values of " + type);
    }

    @SafeVarargs
    private <T> T pick(T... values) {
      return values[random.nextInt(values.length)];
    }

    private String text() {
      return pick("", "plain", "ünïcödé ✓", "😀 emoji", "quote \" and \\ backslash",
          "line\nbreak\ttab", "control \u0001", "x".repeat(random.nextInt(50)),
          Integer.toString(random.nextInt()));
    }

    private byte[] bytes() {
      byte[] bytes = new byte[random.nextInt(20)];
      random.nextBytes(bytes);
      return bytes;
    }
  }
}
