package dev.laconic.enhanced;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.stream.AttributeJsonReader;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import dev.laconic.stream.ValueRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverter;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.DefaultAttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The readers generated mappers of Enhanced Client classes call: each reads one attribute value
 * straight from the event's JSON and gives exactly what the real chain gives for it, that is the
 * Lambda runtime's {@code DynamodbEvent}, then {@code DynamodbAttributeValueTransformer}
 * (aws-lambda-java-events-sdk-transformer 3.1.0), then the SDK's default converter for the Java
 * type ({@code DefaultAttributeConverterProvider}); or both fail.
 *
 * <p>Every reader follows {@link AttributeJsonReader}'s contract: it starts on the value's first
 * token, the {@code START_OBJECT} of an attribute value such as {@code {"N": "3"}} or a JSON
 * {@code null}, and leaves the parser on its last. Where the chain would throw, a reader throws a
 * {@link MappingException} naming the path and carrying the SDK's exception and its text, so the
 * record fails on its own as a partial batch failure. A JSON {@code null} where an attribute value
 * belongs fails, since the transformer fails on it.
 *
 * <p>How the SDK's converters read, unlike Laconic's own readers ({@code Attributes}): a String
 * takes any attribute type (N as its text, BOOL as {@code "true"}, B as base64, sets and lists as
 * {@code [a, b]}); numbers take N or S, parsed by {@code Integer.valueOf} and its siblings, so
 * {@code "3.0"} is no int but {@code " 1.5 "} is a double, and a Byte takes N only; a Boolean
 * takes BOOL, S {@code "true"}/{@code "false"} or N {@code "0"}/{@code "1"}; an Instant is an
 * ISO-8601 S only ({@code Instant.parse}); a {@code NULL} gives null. The transformer keeps one
 * type of a value (S first) and turns an empty SS, NS or BS into nothing, which every converter
 * refuses; an empty L is an empty list. Lists, sets and maps come back mutable
 * ({@code ArrayList}, {@code LinkedHashSet}, {@code LinkedHashMap}), a map's keys in the order of
 * the transformer's {@code HashMap}.
 *
 * <p>Generated code never calls a reader for a missing attribute or a top-level {@code NULL}, as
 * the Enhanced Client never calls the setter for one; a {@code require…} reader that meets a
 * {@code NULL} anyway fails, as a primitive cannot hold it.
 */
public final class EnhancedJson {

  private EnhancedJson() {}

  // ---- strings, booleans, binary, time, UUID ---------------------------------------------------

  /** {@code String}: S as it is, N as its text, BOOL as its name, anything else as the SDK writes it. */
  public static String readString(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    switch (value.kind()) {
      case S:
        return value.s;
      case N:
        return value.n;
      case BOOL:
        return value.bool.toString();
      default:
        return value.isNull() ? null : sdk(value, path, Sdk.STRING, "String");
    }
  }

  /** {@code Boolean}: BOOL, S {@code "true"} or {@code "false"}, N {@code "0"} or {@code "1"}. */
  public static Boolean readBoolean(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    switch (value.kind()) {
      case BOOL:
        return value.bool;
      case S:
        if (value.s.equals("true") || value.s.equals("false")) {
          return Boolean.valueOf(value.s);
        }
        break;
      case N:
        if (value.n.equals("0") || value.n.equals("1")) {
          return value.n.equals("1");
        }
        break;
      default:
        if (value.isNull()) {
          return null;
        }
    }
    return sdk(value, path, Sdk.BOOLEAN, "Boolean");
  }

  /** {@code boolean}, as {@link #readBoolean}; {@code NULL} fails. */
  public static boolean requireBoolean(JsonParser parser, AttributePath path) throws IOException {
    return present(readBoolean(parser, path), path, "boolean");
  }

  /** {@code byte[]}: B, a fresh array. */
  public static byte[] readBytes(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() == EventValue.Kind.B) {
      return value.b; // decoded for this read alone: nobody else holds it
    }
    return value.isNull() ? null : sdk(value, path, Sdk.BYTES, "byte[]");
  }

  /** {@code ByteBuffer}: B, read-only, as {@code SdkBytes.asByteBuffer} gives it. */
  public static ByteBuffer readByteBuffer(JsonParser parser, AttributePath path)
      throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() == EventValue.Kind.B) {
      return ByteBuffer.wrap(value.b).asReadOnlyBuffer();
    }
    return value.isNull() ? null : sdk(value, path, Sdk.BYTE_BUFFER, "ByteBuffer");
  }

  /**
   * {@code Instant}: S in ISO-8601 as {@code Instant.parse} reads it ({@code Z}, or an offset
   * since JDK 12); N, epoch seconds to Laconic's own reader, fails.
   */
  public static Instant readInstant(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() == EventValue.Kind.S) {
      try {
        return Instant.parse(value.s);
      } catch (DateTimeParseException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.INSTANT, "Instant");
  }

  /** {@code UUID}: S, as {@code UUID.fromString} reads it (shortened groups included). */
  public static UUID readUuid(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() == EventValue.Kind.S) {
      try {
        return UUID.fromString(value.s);
      } catch (IllegalArgumentException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.UUIDS, "UUID");
  }

  // ---- enums -------------------------------------------------------------------------------------

  /**
   * The S text an enum constant is found by: the SDK's {@code EnumAttributeConverter} maps
   * {@code toString()} to the constant; the generated mapper reads this way only enums whose
   * {@code toString()} is the constant's name, switches on the names, and calls
   * {@link #unknownEnumString} for a text none has. Any other type fails, {@code NULL}
   * included, as it does in the SDK.
   */
  public static String readEnumString(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() == EventValue.Kind.S) {
      return value.s;
    }
    value.toSdk(path);
    throw new MappingException(path, "cannot convert " + value.describe()
        + " to an enum as the Enhanced Client does: Cannot convert non-string value to enum.");
  }

  /** The failure for an S text that is not the {@code toString()} of a constant of {@code enumType}. */
  public static MappingException unknownEnumString(
      AttributePath path, String text, Class<?> enumType) {
    IllegalArgumentException sdk = new IllegalArgumentException(String.format(
        "Unable to convert string value '%s' to enum type '%s'", text, enumType));
    return new MappingException(path, "cannot convert S " + ValueRules.quote(text)
        + " to " + enumType.getSimpleName() + " as the Enhanced Client does: " + sdk.getMessage(),
        sdk);
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** {@code Integer}: N or S, as {@code Integer.valueOf} reads it. */
  public static Integer readInteger(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        return Integer.valueOf(text);
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.INTEGER, "Integer");
  }

  /** {@code int}, as {@link #readInteger}; {@code NULL} fails. */
  public static int requireInt(JsonParser parser, AttributePath path) throws IOException {
    return present(readInteger(parser, path), path, "int");
  }

  /** {@code Long}: N or S, as {@code Long.valueOf} reads it. */
  public static Long readLong(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        return Long.valueOf(text);
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.LONG, "Long");
  }

  /** {@code long}, as {@link #readLong}; {@code NULL} fails. */
  public static long requireLong(JsonParser parser, AttributePath path) throws IOException {
    return present(readLong(parser, path), path, "long");
  }

  /** {@code Short}: N or S, as {@code Short.valueOf} reads it. */
  public static Short readShort(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        return Short.valueOf(text);
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.SHORT, "Short");
  }

  /** {@code short}, as {@link #readShort}; {@code NULL} fails. */
  public static short requireShort(JsonParser parser, AttributePath path) throws IOException {
    return present(readShort(parser, path), path, "short");
  }

  /**
   * {@code Byte}: N only, as {@code Byte.parseByte} reads it; the SDK's converter has no reading
   * of S, and fails on B with a NullPointerException of its own.
   */
  public static Byte readByte(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() == EventValue.Kind.N) {
      try {
        return Byte.parseByte(value.n);
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.BYTE, "Byte");
  }

  /** {@code byte}, as {@link #readByte}; {@code NULL} fails. */
  public static byte requireByte(JsonParser parser, AttributePath path) throws IOException {
    return present(readByte(parser, path), path, "byte");
  }

  /**
   * {@code Double}: N or S, as {@code Double.valueOf} reads it (surrounding blanks, a {@code d}
   * suffix and hex included); NaN and infinities, {@code "1e400"} too, fail, and so does
   * {@code NULL} (the SDK checks the null it reads as a number), as an element of a list.
   */
  public static Double readDouble(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        Double number = Double.valueOf(text);
        if (Double.isFinite(number)) {
          return number;
        }
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return sdk(value, path, Sdk.DOUBLE, "Double");
  }

  /** {@code double}, as {@link #readDouble}; {@code NULL} fails. */
  public static double requireDouble(JsonParser parser, AttributePath path) throws IOException {
    return present(readDouble(parser, path), path, "double");
  }

  /**
   * {@code Float}: N or S, as {@code Float.valueOf} reads it; NaN and infinities, values beyond a
   * float's range too, fail; values below it round to zero; {@code NULL} fails as for
   * {@link #readDouble}.
   */
  public static Float readFloat(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        Float number = Float.valueOf(text);
        if (Float.isFinite(number)) {
          return number;
        }
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return sdk(value, path, Sdk.FLOAT, "Float");
  }

  /** {@code float}, as {@link #readFloat}; {@code NULL} fails. */
  public static float requireFloat(JsonParser parser, AttributePath path) throws IOException {
    return present(readFloat(parser, path), path, "float");
  }

  /** {@code BigDecimal}: N or S, as {@code new BigDecimal(text)} reads it. */
  public static BigDecimal readBigDecimal(JsonParser parser, AttributePath path)
      throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        return new BigDecimal(text);
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.BIG_DECIMAL, "BigDecimal");
  }

  /** {@code BigInteger}: N or S, as {@code new BigInteger(text)} reads it (no fraction, no exponent). */
  public static BigInteger readBigInteger(JsonParser parser, AttributePath path)
      throws IOException {
    EventValue value = value(parser, path);
    String text = numberOrString(value);
    if (text != null) {
      try {
        return new BigInteger(text);
      } catch (NumberFormatException e) {
        // The SDK's own failure, below.
      }
    }
    return value.isNull() ? null : sdk(value, path, Sdk.BIG_INTEGER, "BigInteger");
  }

  // ---- NULL attributes ---------------------------------------------------------------------------

  /**
   * An attribute of an item, read, for the property's reader: null when it is {@code NULL},
   * which the Enhanced Client skips (no setter call, and the attribute does not count as
   * present) before any converter sees it, some of which (the enum, {@code Double} and
   * {@code Float} ones, and the user's own) would fail on one. Otherwise a parser that the readers
   * of this class take the value from, already read; the given parser is left on the value's
   * last token.
   */
  public static JsonParser attribute(JsonParser parser, AttributePath path) throws IOException {
    EventValue value = value(parser, path);
    return value.isNull() ? null : new ValueRead(parser, value);
  }

  /** A parser whose current value {@link #value} has already read, as {@link EventValue}. */
  private static final class ValueRead extends JsonParserDelegate {
    private final EventValue value;

    ValueRead(JsonParser parser, EventValue value) {
      super(parser);
      this.value = value;
    }
  }

  // ---- nested items --------------------------------------------------------------------------------

  /**
   * A nested {@code @DynamoDbBean} or {@code @DynamoDbImmutable} value, as the SDK's document
   * converter reads it: the M the transformer keeps read by {@code item}; a value the transformer
   * gives another type (it keeps S, SS, N, NS, B, BS, BOOL or L before M) maps as an empty map,
   * which {@code item} gives null for, or an empty object where empty objects are preserved;
   * NULL gives null. A JSON null fails, as the transformer fails on it.
   */
  public static <T> T readDocument(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> item) throws IOException {
    return readDocument(parser, path, item, new boolean[1]);
  }

  /**
   * {@link #readDocument(JsonParser, AttributePath, AttributeJsonReader)} for a property of an
   * item, telling whether the value counts as present: the Enhanced Client counts any value but
   * NULL, even one that maps to no item.
   *
   * @param present set to whether the value is present
   */
  public static <T> T readDocument(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> item, boolean[] present) throws IOException {
    present[0] = true;
    if (parser instanceof ValueRead read) {
      // An element of a list or map, read already: its tokens again, for the item's reader.
      try (JsonParser tokens = EventValue.parser(read.value.json())) {
        return readDocument(tokens, path, item, present);
      }
    }
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      throw EventValue.untransformable(path, "a JSON null");
    }
    if (token != JsonToken.START_OBJECT) {
      value(parser, path); // not an attribute value: fails as every reader does
      return null;
    }
    T mapped = null;
    boolean mapPresent = false;
    boolean otherType = false;
    Boolean nul = null;
    for (String tag = parser.nextFieldName(); tag != null; tag = parser.nextFieldName()) {
      JsonToken value = parser.nextToken();
      if (tag.equals("M") && value == JsonToken.START_OBJECT) {
        mapped = item.read(parser, path);
        mapPresent = true;
      } else if (tag.equals("NULL") && value != JsonToken.VALUE_NULL) {
        nul = value == JsonToken.VALUE_TRUE;
      } else {
        otherType |= value != JsonToken.VALUE_NULL && OTHER_TYPES.contains(tag);
        parser.skipChildren();
      }
    }
    if (mapPresent && !otherType) {
      return mapped;
    }
    if (!mapPresent && !otherType && nul == null) {
      throw EventValue.untransformable(path, "an attribute value of no type");
    }
    if (Boolean.TRUE.equals(nul) && !otherType) {
      present[0] = false;
      return null; // a NULL attribute: the Enhanced Client sets nothing, preserved or not
    }
    try (JsonParser empty = EventValue.parser(EMPTY_MAP)) {
      return item.read(empty, path);
    }
  }

  /** The types the events transformer keeps before M. */
  private static final Set<String> OTHER_TYPES =
      Set.of("S", "SS", "N", "NS", "B", "BS", "BOOL", "L");

  private static final byte[] EMPTY_MAP = {'{', '}'};

  // ---- attributes the class does not map ----------------------------------------------------------

  /**
   * Checks an attribute the item's class does not map, as the chain would meet it: the events
   * transformer converts the whole image before the Enhanced Client reads any attribute, so a
   * value it cannot convert (a JSON null, a value of no type, a JSON null in a BS or L or M)
   * fails the record even when no property reads it.
   *
   * @throws MappingException where the transformer would throw
   */
  public static void skip(JsonParser parser, AttributePath path) throws IOException {
    value(parser, path).checkTransformable(path);
  }

  // ---- collections -------------------------------------------------------------------------------

  /**
   * {@code List}: L, SS, NS or BS, as the SDK's {@code ListAttributeConverter} reads them into an
   * {@code ArrayList}: each element read with {@code element}, a set's members as the S, N or B
   * values they are (so {@code List<Integer>} takes an SS of numbers); {@code NULL} gives null.
   */
  public static <T> List<T> readList(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    EventValue value = value(parser, path);
    if (!hasElements(value, path)) {
      return notACollection(value, path, Sdk.LIST, "List");
    }
    List<T> list = new ArrayList<>();
    readElements(parser, value, path, element, list);
    return list;
  }

  /**
   * {@code Set}: SS, NS, BS or L, as the SDK's {@code SetAttributeConverter} reads them into a
   * {@code LinkedHashSet} in the event's order, duplicates collapsed; {@code NULL} gives null.
   */
  public static <T> Set<T> readSet(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    EventValue value = value(parser, path);
    if (!hasElements(value, path)) {
      return notACollection(value, path, Sdk.SET, "Set");
    }
    Set<T> set = new LinkedHashSet<>();
    readElements(parser, value, path, element, set);
    return set;
  }

  /**
   * {@code Map<String, T>}: M, as the SDK's {@code MapAttributeConverter} reads it into a
   * {@code LinkedHashMap}, in the order of the transformer's {@code HashMap}; {@code NULL} gives
   * null.
   */
  public static <T> Map<String, T> readMap(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    EventValue value = value(parser, path);
    if (value.kind() != EventValue.Kind.M) {
      return notACollection(value, path, Sdk.MAP, "Map");
    }
    value.checkTransformable(path);
    Map<String, T> map = new LinkedHashMap<>();
    for (String key : value.keysInTransformerOrder()) {
      map.put(key, element(parser, value.m.get(key), path.child(key), element));
    }
    return map;
  }

  /**
   * What the SDK's list, set or map converter gives for a value it reads no element of: null for
   * {@code NULL}, else its failure.
   */
  private static <T> T notACollection(EventValue value, AttributePath path,
      AttributeConverter<?> converter, String javaType) {
    if (value.isNull()) {
      return null;
    }
    sdk(value, path, converter, javaType);
    throw new MappingException(path, "cannot convert " + value.describe() + " to " + javaType);
  }

  /** Whether the value is an L, or a set the SDK reads members of (not empty, no null member). */
  private static boolean hasElements(EventValue value, AttributePath path) {
    switch (value.kind()) {
      case L:
        value.checkTransformable(path);
        return true;
      case SS:
        return !value.ss.isEmpty() && !value.ss.contains(null);
      case NS:
        return !value.ns.isEmpty() && !value.ns.contains(null);
      case BS:
        return !value.bs.isEmpty() && !value.bs.contains(null);
      default:
        return false;
    }
  }

  private static <T> void readElements(JsonParser parser, EventValue value, AttributePath path,
      AttributeJsonReader<T> element, Collection<T> into) throws IOException {
    int index = 0;
    for (EventValue member : value.elements()) {
      into.add(element(parser, member, path.index(index++), element));
    }
  }

  /**
   * Reads one element already read as {@code value} with {@code element}: the readers of this
   * class take it from the wrapper without reading tokens again; a JSON null is read from a
   * parser on a JSON null, as the element reader would meet it in the event.
   */
  private static <T> T element(JsonParser parser, EventValue value, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    if (value == null) {
      try (JsonParser nul = EventValue.parser(JSON_NULL)) {
        return element.read(nul, path);
      }
    }
    return element.read(new ValueRead(parser, value), path);
  }

  private static final byte[] JSON_NULL = {'n', 'u', 'l', 'l'};

  // ---- any converter -----------------------------------------------------------------------------

  /**
   * The value as {@code converter} reads it: the value is built into the SDK's
   * {@code AttributeValue} exactly as the transformer builds it, and handed to
   * {@code converter.transformTo}. For types without a reader here, with a converter from
   * {@link #providerConverter} or one the class names with {@code @DynamoDbConvertedBy}.
   */
  public static <T> T converted(JsonParser parser, AttributePath path,
      AttributeConverter<T> converter) throws IOException {
    EventValue value = value(parser, path);
    AttributeValue sdkValue = value.toSdk(path);
    try {
      return converter.transformTo(sdkValue);
    } catch (RuntimeException e) {
      throw sdkFailure(value, path, converter.getClass().getSimpleName(), e);
    }
  }

  /**
   * The converter the Enhanced Client uses for {@code type}: the first that {@code providers}, in
   * order, have for it (the SDK's chain of a class's {@code converterProviders}), or the default
   * provider's when none are given. Called once per mapper class, not per record.
   *
   * @throws IllegalStateException when no provider has one, as the SDK does
   */
  public static <T> AttributeConverter<T> providerConverter(Class<T> type,
      AttributeConverterProvider... providers) {
    return providerConverter(EnhancedType.of(type), providers);
  }

  /**
   * {@link #providerConverter(Class, AttributeConverterProvider...)} for a type with type
   * arguments, such as {@code List<String>}, asked for as the SDK asks its providers: whole.
   */
  public static <T> AttributeConverter<T> providerConverter(EnhancedType<T> enhancedType,
      AttributeConverterProvider... providers) {
    if (providers.length == 0) {
      return DefaultAttributeConverterProvider.create().converterFor(enhancedType);
    }
    for (AttributeConverterProvider provider : providers) {
      AttributeConverter<T> converter = provider.converterFor(enhancedType);
      if (converter != null) {
        return converter;
      }
    }
    throw new IllegalStateException("Converter not found for " + enhancedType);
  }

  // ---- shared ------------------------------------------------------------------------------------

  /** The value at the parser; a JSON null fails, as the transformer fails on it. */
  private static EventValue value(JsonParser parser, AttributePath path) throws IOException {
    if (parser instanceof ValueRead read) {
      return read.value;
    }
    EventValue value = EventValue.read(parser, path);
    if (value == null) {
      throw EventValue.untransformable(path, "a JSON null");
    }
    return value;
  }

  /** The text the number converters parse: the S or N the transformer keeps, else null. */
  private static String numberOrString(EventValue value) {
    return switch (value.kind()) {
      case S -> value.s;
      case N -> value.n;
      default -> null;
    };
  }

  private static <T> T present(T value, AttributePath path, String javaType) {
    if (value == null) {
      throw new MappingException(path, "found NULL, which " + javaType + " cannot hold");
    }
    return value;
  }

  /**
   * What the SDK's own converter makes of the value: where the fast paths above do not apply,
   * the converter itself decides, so its result and its exception are the SDK's.
   */
  private static <T> T sdk(EventValue value, AttributePath path, AttributeConverter<T> converter,
      String javaType) {
    AttributeValue sdkValue = value.toSdk(path);
    try {
      return converter.transformTo(sdkValue);
    } catch (RuntimeException e) {
      throw sdkFailure(value, path, javaType, e);
    }
  }

  private static MappingException sdkFailure(EventValue value, AttributePath path, String target,
      RuntimeException e) {
    return new MappingException(path, "cannot convert " + value.describe() + " to " + target
        + " as the Enhanced Client does: " + e, e);
  }

  /** The SDK's default converters, loaded on the first value that needs one. */
  private static final class Sdk {
    static final AttributeConverter<String> STRING = of(EnhancedType.of(String.class));
    static final AttributeConverter<Boolean> BOOLEAN = of(EnhancedType.of(Boolean.class));
    static final AttributeConverter<byte[]> BYTES = of(EnhancedType.of(byte[].class));
    static final AttributeConverter<ByteBuffer> BYTE_BUFFER = of(EnhancedType.of(ByteBuffer.class));
    static final AttributeConverter<Instant> INSTANT = of(EnhancedType.of(Instant.class));
    static final AttributeConverter<UUID> UUIDS = of(EnhancedType.of(UUID.class));
    static final AttributeConverter<Integer> INTEGER = of(EnhancedType.of(Integer.class));
    static final AttributeConverter<Long> LONG = of(EnhancedType.of(Long.class));
    static final AttributeConverter<Short> SHORT = of(EnhancedType.of(Short.class));
    static final AttributeConverter<Byte> BYTE = of(EnhancedType.of(Byte.class));
    static final AttributeConverter<Double> DOUBLE = of(EnhancedType.of(Double.class));
    static final AttributeConverter<Float> FLOAT = of(EnhancedType.of(Float.class));
    static final AttributeConverter<BigDecimal> BIG_DECIMAL = of(EnhancedType.of(BigDecimal.class));
    static final AttributeConverter<BigInteger> BIG_INTEGER = of(EnhancedType.of(BigInteger.class));
    // Only for a value that is no list, set or map: the converter fails (or reads NULL) before
    // it looks at an element, so the element type does not matter.
    static final AttributeConverter<List<String>> LIST = of(EnhancedType.listOf(String.class));
    static final AttributeConverter<Set<String>> SET = of(EnhancedType.setOf(String.class));
    static final AttributeConverter<Map<String, String>> MAP =
        of(EnhancedType.mapOf(String.class, String.class));

    private static <T> AttributeConverter<T> of(EnhancedType<T> type) {
      return DefaultAttributeConverterProvider.create().converterFor(type);
    }
  }
}
