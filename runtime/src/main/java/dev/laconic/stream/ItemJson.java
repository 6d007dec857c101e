package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The attribute readers generated mappers call, reading each value straight from the event's
 * JSON: no {@code Map<String, AttributeValue>} and no {@code AttributeValue} is built on the way.
 *
 * <p>Every reader gives exactly what the reader of the same name in {@link Attributes} gives for
 * the {@code AttributeValue} that {@link DynamoRecordJson} would build from the same JSON, and
 * fails with the same {@link MappingException}, for every input, odd ones included:
 * <ul>
 *   <li>a value with several type tags ({@code {"S": "a", "N": "1"}}) is judged by all of them,
 *       with the precedence {@code Attributes} has; a tag repeated in one value counts with its
 *       last occurrence, and a tag set to JSON {@code null} is no tag;
 *   <li>an attribute or map key that occurs twice counts with its last value, at the place of its
 *       first, as a map's {@code put} would have it; a failure of a value that a later one
 *       replaces is forgotten;
 *   <li>of several failures in one item or map, the one {@code Attributes} would meet first is
 *       thrown: a mapper reports the first property in declaration order ({@link #failed} and
 *       {@link #throwFirstFailure} keep the failures until the object ends), a map its first key.
 * </ul>
 *
 * <p>The parser positions follow {@link AttributeJsonReader}: a reader starts at the value's
 * first token (its {@code START_OBJECT}, or a JSON {@code null} for a missing value) and leaves
 * the parser on its last. The members of an SS, NS or BS reach element readers as a
 * {@code JsonParser} of their own, which every reader here understands.
 *
 * <p>The JSON is taken as checked: the event readers check every image before any mapper runs
 * ({@code DynamoRecordJson}), so malformed JSON (an attribute value that is not an object, base64
 * that does not decode) never reaches a mapper. Where a reader here meets it anyway, it fails
 * with the {@link MalformedEventException} that building the map gives; parts it skips, such as
 * the rest of a list after an element that does not fit, are not checked again.
 */
public final class ItemJson {

  /** The messages of malformed values, as building the map gives them. */
  private static final EventJson JSON = DynamoRecordJson.STREAM_EVENT.json();

  /** What the caller of {@link #value} reads from an L or M itself. */
  private enum Want { NOTHING, LIST, MAP, ITEM }

  private ItemJson() {}

  // ---- items ----------------------------------------------------------------------------------

  /**
   * Starts an item image or the map of an M value: true on its {@code START_OBJECT}, false on a
   * JSON {@code null} (no item).
   */
  public static boolean startItem(JsonParser parser) {
    if (EventJson.isNull(parser)) {
      return false;
    }
    JSON.expect(parser, JsonToken.START_OBJECT, "an item");
    return true;
  }

  /**
   * Records the failure of the property at {@code index} of {@code size} while its item is read,
   * and moves the parser to the last token of the value that failed, so the item's fields can go
   * on.
   *
   * @param item the item's context, {@code parser.getParsingContext()} at its
   *     {@code START_OBJECT}
   * @param index the property's index, or -1 for an attribute no property reads (an Enhanced
   *     Client item fails on one the events transformer cannot convert, before any property is
   *     mapped): that failure is thrown at once
   * @return {@code failures}, or a new array when it was null
   */
  public static MappingException[] failed(JsonParser parser, JsonStreamContext item,
      MappingException[] failures, int size, int index, MappingException failure)
      throws IOException {
    if (index < 0) {
      throw failure;
    }
    finishValue(parser, item);
    MappingException[] kept = failures == null ? new MappingException[size] : failures;
    kept[index] = failure;
    return kept;
  }

  /**
   * Records that the primitive property at {@code index} is missing, as {@code require…} fails
   * for a missing attribute; a failure of its value, when it had one, stays.
   */
  public static MappingException[] missing(MappingException[] failures, int size, int index,
      AttributePath path, String javaType) {
    MappingException[] kept = failures == null ? new MappingException[size] : failures;
    if (kept[index] == null) {
      kept[index] = mismatch(path,
          (javaType.equals("boolean") ? "BOOL (" : "N (") + javaType + ")", null);
    }
    return kept;
  }

  /**
   * Throws the failure of the first property, in declaration order, that has one, as mapping the
   * properties one after the other would: nothing when {@code failures} is null or holds none.
   */
  public static void throwFirstFailure(MappingException[] failures) {
    if (failures != null) {
      for (MappingException failure : failures) {
        if (failure != null) {
          throw failure;
        }
      }
    }
  }

  /** M as a nested record or class {@code javaType}, whose map {@code item} reads. */
  public static <T> T readItem(JsonParser parser, AttributePath path, String javaType,
      AttributeJsonReader<T> item) throws IOException {
    Value value = value(parser, path, Want.ITEM, item);
    if (isNull(value)) {
      return null;
    }
    if (value.m < 0) {
      throw mismatch(path, "M (" + javaType + ")", value);
    }
    return value.<T>content(Want.ITEM);
  }

  /**
   * Reads the item image at {@code [start, end)} of {@code json} with {@code item}; JSON
   * {@code null} gives null.
   */
  public static <T> T read(byte[] json, int start, int end, AttributePath path,
      AttributeJsonReader<T> item) {
    try (JsonParser parser = JSON.parser(json, start, end - start)) {
      parser.nextToken();
      return item.read(parser, path);
    } catch (IOException e) {
      throw new MalformedEventException("Malformed DynamoDB item image: " + e.getMessage(), e);
    }
  }

  /**
   * Maps an item image given as a map, such as a hand-built record's, the way the event's bytes
   * are mapped: the map is written as the JSON DynamoDB streams send and read with {@code item},
   * so both give the same result for the same attributes.
   */
  public static <T> T fromAttributes(Map<String, AttributeValue> image, AttributePath path,
      AttributeJsonReader<T> item) {
    if (image == null) {
      return null;
    }
    byte[] json = toJson(image);
    return read(json, 0, json.length, path, item);
  }

  /**
   * An item image as DynamoDB stream JSON, which {@link DynamoRecordJson} reads back into an
   * equal map: every type field set is written, null entries and members as {@code null}.
   */
  public static byte[] toJson(Map<String, AttributeValue> image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = EventJson.generator(out)) {
      writeItem(json, image);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to memory: not expected
    }
    return out.toByteArray();
  }

  private static void writeItem(JsonGenerator json, Map<String, AttributeValue> item)
      throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, AttributeValue> entry : item.entrySet()) {
      json.writeFieldName(entry.getKey());
      AttributeValueJson.write(json, entry.getValue(), ItemMaps.INSTANCE);
    }
    json.writeEndObject();
  }

  /**
   * A map inside a value, in its own order. A class, not a method reference: an adapter's first
   * invokedynamic costs a cold start some 10 ms of bootstrapping.
   */
  private static final class ItemMaps implements AttributeValueJson.MapWriter {
    static final ItemMaps INSTANCE = new ItemMaps();

    @Override
    public void write(JsonGenerator json, Map<String, AttributeValue> map) throws IOException {
      writeItem(json, map);
    }
  }

  // ---- strings, booleans, binary -------------------------------------------------------------

  /** S as {@code String}. */
  public static String readString(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    if (isNull(value)) {
      return null;
    }
    if (value.s == null) {
      throw mismatch(path, "S (String)", value);
    }
    return value.s;
  }

  /** BOOL as {@code Boolean}. */
  public static Boolean readBoolean(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    if (isNull(value)) {
      return null;
    }
    if (value.bool == null) {
      throw mismatch(path, "BOOL (Boolean)", value);
    }
    return value.bool;
  }

  /** BOOL as {@code boolean}; missing or NULL fails. */
  public static boolean requireBoolean(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    if (isNull(value) || value.bool == null) {
      throw mismatch(path, "BOOL (boolean)", value);
    }
    return value.bool;
  }

  /** B as a fresh {@code byte[]}. */
  public static byte[] readBytes(JsonParser parser, AttributePath path) throws IOException {
    ByteBuffer buffer = binary(value(parser, path), path, "byte[]");
    if (buffer == null) {
      return null;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  /** B as a read-only {@code ByteBuffer}. */
  public static ByteBuffer readByteBuffer(JsonParser parser, AttributePath path)
      throws IOException {
    ByteBuffer buffer = binary(value(parser, path), path, "ByteBuffer");
    return buffer == null ? null : buffer.asReadOnlyBuffer();
  }

  private static ByteBuffer binary(Value value, AttributePath path, String javaType) {
    if (isNull(value)) {
      return null;
    }
    if (value.b == null) {
      throw mismatch(path, "B (" + javaType + ")", value);
    }
    return value.b;
  }

  /** S holding a UUID as {@code UUID}. */
  public static UUID readUuid(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    if (isNull(value)) {
      return null;
    }
    String text = value.s;
    if (text == null) {
      throw mismatch(path, "S (UUID)", value);
    }
    try {
      if (!ValueRules.isCanonicalUuid(text)) {
        throw new IllegalArgumentException(text);
      }
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw mismatch(path, "S holding a UUID", value);
    }
  }

  /** N (epoch seconds, fractions allowed) or S (ISO-8601) as {@code Instant}. */
  public static Instant readInstant(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    if (isNull(value)) {
      return null;
    }
    try {
      if (value.n != null) {
        return ValueRules.epochSeconds(new BigDecimal(value.n));
      }
      if (value.s != null) {
        return Instant.parse(value.s);
      }
    } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
      throw mismatch(path, value.n != null
          ? "N holding epoch seconds within Instant's range" : "S holding an ISO-8601 instant",
          value);
    }
    throw mismatch(path, "N or S (Instant)", value);
  }

  /**
   * S as the name of an enum constant: the generated mapper switches on the name and calls
   * {@link #unknownConstant} for a name it does not know.
   */
  public static String readEnumName(JsonParser parser, AttributePath path, String enumType)
      throws IOException {
    Value value = value(parser, path);
    if (isNull(value)) {
      return null;
    }
    if (value.s == null) {
      throw mismatch(path, "S (" + enumType + ")", value);
    }
    return value.s;
  }

  /** The failure for an enum name that is not one of {@code constants}. */
  public static MappingException unknownConstant(
      AttributePath path, String enumType, String constants, String name) {
    return Attributes.unknownConstant(path, enumType, constants, name);
  }

  // ---- numbers -------------------------------------------------------------------------------

  /** N as {@code BigDecimal}, exactly as written. */
  public static BigDecimal readBigDecimal(JsonParser parser, AttributePath path)
      throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "BigDecimal");
    return number == null ? null : decimal(number, value, path, "BigDecimal");
  }

  /** N as {@code BigInteger}; a fraction fails. */
  public static BigInteger readBigInteger(JsonParser parser, AttributePath path)
      throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "BigInteger");
    if (number == null) {
      return null;
    }
    try {
      return decimal(number, value, path, "BigInteger").toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw mismatch(path, "N holding a whole number (BigInteger)", value);
    }
  }

  /** N as {@code Integer}. */
  public static Integer readInteger(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "Integer");
    return number == null ? null : toInt(number, value, path, "Integer");
  }

  /** N as {@code int}; missing or NULL fails. */
  public static int requireInt(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    return toInt(required(value, path, "int"), value, path, "int");
  }

  /** N as {@code Long}. */
  public static Long readLong(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "Long");
    return number == null ? null : toLong(number, value, path, "Long");
  }

  /** N as {@code long}; missing or NULL fails. */
  public static long requireLong(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    return toLong(required(value, path, "long"), value, path, "long");
  }

  /** N as {@code Short}. */
  public static Short readShort(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "Short");
    return number == null ? null : toShort(number, value, path, "Short");
  }

  /** N as {@code short}; missing or NULL fails. */
  public static short requireShort(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    return toShort(required(value, path, "short"), value, path, "short");
  }

  /** N as {@code Byte}. */
  public static Byte readByte(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "Byte");
    return number == null ? null : toByte(number, value, path, "Byte");
  }

  /** N as {@code byte}; missing or NULL fails. */
  public static byte requireByte(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    return toByte(required(value, path, "byte"), value, path, "byte");
  }

  /** N as {@code Double}. */
  public static Double readDouble(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "Double");
    return number == null ? null : toDouble(number, value, path, "Double");
  }

  /** N as {@code double}; missing or NULL fails. */
  public static double requireDouble(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    return toDouble(required(value, path, "double"), value, path, "double");
  }

  /** N as {@code Float}. */
  public static Float readFloat(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    String number = number(value, path, "Float");
    return number == null ? null : toFloat(number, value, path, "Float");
  }

  /** N as {@code float}; missing or NULL fails. */
  public static float requireFloat(JsonParser parser, AttributePath path) throws IOException {
    Value value = value(parser, path);
    return toFloat(required(value, path, "float"), value, path, "float");
  }

  private static String number(Value value, AttributePath path, String javaType) {
    if (isNull(value)) {
      return null;
    }
    if (value.n == null) {
      throw mismatch(path, "N (" + javaType + ")", value);
    }
    return decimalText(value, path, javaType);
  }

  private static String required(Value value, AttributePath path, String javaType) {
    if (isNull(value) || value.n == null) {
      throw mismatch(path, "N (" + javaType + ")", value);
    }
    return decimalText(value, path, javaType);
  }

  private static String decimalText(Value value, AttributePath path, String javaType) {
    if (!isDecimal(value.n)) {
      throw mismatch(path, "N holding a number (" + javaType + ")", value);
    }
    return value.n;
  }

  private static BigDecimal decimal(
      String number, Value value, AttributePath path, String javaType) {
    try {
      return new BigDecimal(number);
    } catch (NumberFormatException e) {
      throw mismatch(path, "N holding a number (" + javaType + ")", value);
    }
  }

  private static int toInt(String number, Value value, AttributePath path, String type) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException fast) {
      try {
        return decimal(number, value, path, type).intValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(path, type, value);
      }
    }
  }

  private static long toLong(String number, Value value, AttributePath path, String type) {
    try {
      return Long.parseLong(number);
    } catch (NumberFormatException fast) {
      try {
        return decimal(number, value, path, type).longValueExact();
      } catch (ArithmeticException e) {
        throw outOfRange(path, type, value);
      }
    }
  }

  private static short toShort(String number, Value value, AttributePath path, String type) {
    try {
      return decimal(number, value, path, type).shortValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(path, type, value);
    }
  }

  private static byte toByte(String number, Value value, AttributePath path, String type) {
    try {
      return decimal(number, value, path, type).byteValueExact();
    } catch (ArithmeticException e) {
      throw outOfRange(path, type, value);
    }
  }

  private static double toDouble(String number, Value value, AttributePath path, String type) {
    try {
      return Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw mismatch(path, "N holding a number (" + type + ")", value);
    }
  }

  /** Parsed as a float directly: through double first, a value could be rounded twice. */
  private static float toFloat(String number, Value value, AttributePath path, String type) {
    try {
      float parsed = Float.parseFloat(number);
      if (Float.isInfinite(parsed)
          || (parsed == 0 && new BigDecimal(number).signum() != 0)) {
        throw mismatch(path, "N within the range of " + type, value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      throw mismatch(path, "N holding a number (" + type + ")", value);
    }
  }

  /** Whether {@code text} is a number as DynamoDB writes one (see {@link Attributes}). */
  private static boolean isDecimal(String text) {
    boolean digit = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  private static MappingException outOfRange(AttributePath path, String type, Value value) {
    return mismatch(path, "N holding a whole number in the range of " + type, value);
  }

  // ---- collections ---------------------------------------------------------------------------

  /**
   * L, SS, NS or BS as a {@code List}, each element read with {@code element}; set members are
   * read as the S, N or B value they are.
   */
  public static <T> List<T> readList(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    Value value = value(parser, path, Want.LIST, element);
    if (isNull(value)) {
      return null;
    }
    List<T> elements = elements(value, parser, path, element);
    if (elements == null) {
      throw mismatch(path, "L, SS, NS or BS (List)", value);
    }
    return Collections.unmodifiableList(elements);
  }

  /** SS, NS, BS or L as a {@code Set} in the event's order; duplicates collapse. */
  public static <T> Set<T> readSet(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    Value value = value(parser, path, Want.LIST, element);
    if (isNull(value)) {
      return null;
    }
    List<T> elements = elements(value, parser, path, element);
    if (elements == null) {
      throw mismatch(path, "SS, NS, BS or L (Set)", value);
    }
    Set<T> set = new LinkedHashSet<>(Math.max(16, elements.size() * 2));
    set.addAll(elements);
    return Collections.unmodifiableSet(set);
  }

  /** M as a {@code Map<String, T>} in the event's order, each value read with {@code element}. */
  public static <T> Map<String, T> readMap(JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    Value value = value(parser, path, Want.MAP, element);
    if (isNull(value)) {
      return null;
    }
    if (value.m < 0) {
      throw mismatch(path, "M (Map)", value);
    }
    return Collections.unmodifiableMap(value.<Map<String, T>>content(Want.MAP));
  }

  /** The elements of an L (read already) or of a set, read now; null for neither. */
  private static <T> List<T> elements(Value value, JsonParser parser, AttributePath path,
      AttributeJsonReader<T> element) throws IOException {
    if (value.l >= 0) {
      return value.content(Want.LIST);
    }
    if (value.ss != null) {
      return members(value.ss, null, 'S', parser, path, element);
    }
    if (value.ns != null) {
      return members(value.ns, null, 'N', parser, path, element);
    }
    if (value.bs != null) {
      return members(null, value.bs, 'B', parser, path, element);
    }
    return null;
  }

  private static <T> List<T> members(List<String> texts, List<ByteBuffer> binaries, char type,
      JsonParser parser, AttributePath path, AttributeJsonReader<T> element) throws IOException {
    int size = texts != null ? texts.size() : binaries.size();
    Member member = new Member(parser instanceof Member outer ? outer.delegate() : parser);
    List<T> list = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      member.type = type;
      member.text = texts != null ? texts.get(i) : null;
      member.binary = binaries != null ? binaries.get(i) : null;
      list.add(element.read(member, path.index(i)));
    }
    return list;
  }

  /**
   * A member of an SS, NS or BS, as element readers receive it: the parser of the set, standing
   * on the member's text, which the readers here take from this object rather than the parser.
   */
  private static final class Member extends JsonParserDelegate {
    char type;
    String text;
    ByteBuffer binary;

    Member(JsonParser parser) {
      super(parser);
    }
  }

  // ---- attribute values ----------------------------------------------------------------------

  /**
   * The type fields of one attribute value, as {@code AttributeValue} would hold them; for an L
   * or M its caller wants, what reading it gave instead of its elements.
   */
  private static final class Value {
    String s;
    String n;
    ByteBuffer b;
    List<String> ss;
    List<String> ns;
    List<ByteBuffer> bs;
    /** The number of entries of M (distinct keys), -1 for none; 0 when its content is read. */
    int m = -1;
    /** The number of elements of L, -1 for none; 0 when its content is read. */
    int l = -1;
    Boolean nul;
    Boolean bool;
    Object mContent;
    MappingException mFailure;
    Object lContent;
    MappingException lFailure;

    @SuppressWarnings("unchecked")
    <C> C content(Want want) {
      if (want == Want.LIST) {
        if (lFailure != null) {
          throw lFailure;
        }
        return (C) lContent;
      }
      if (mFailure != null) {
        throw mFailure;
      }
      return (C) mContent;
    }
  }

  private static Value value(JsonParser parser, AttributePath path) throws IOException {
    return value(parser, path, Want.NOTHING, null);
  }

  /** The value at the parser; null when missing (JSON {@code null}). */
  private static Value value(JsonParser parser, AttributePath path, Want want,
      AttributeJsonReader<?> reader) throws IOException {
    if (parser instanceof Member member) {
      Value value = new Value();
      switch (member.type) {
        case 'S' -> value.s = member.text;
        case 'N' -> value.n = member.text;
        default -> value.b = member.binary;
      }
      return value;
    }
    if (EventJson.isNull(parser)) {
      return null;
    }
    JSON.expect(parser, JsonToken.START_OBJECT, "an attribute value");
    Value value = new Value();
    for (String type = parser.nextFieldName(); type != null; type = parser.nextFieldName()) {
      parser.nextToken();
      switch (type) {
        case "S" -> value.s = JSON.text(parser, type);
        case "N" -> value.n = JSON.text(parser, type);
        case "B" -> value.b = JSON.binary(parser, type);
        case "SS" -> value.ss = JSON.texts(parser, type);
        case "NS" -> value.ns = JSON.texts(parser, type);
        case "BS" -> value.bs = JSON.binaries(parser, type);
        case "M" -> map(parser, path, value, want, reader);
        case "L" -> list(parser, path, value, want == Want.LIST ? reader : null);
        case "NULL" -> value.nul = JSON.bool(parser, type);
        case "BOOL" -> value.bool = JSON.bool(parser, type);
        default -> parser.skipChildren();
      }
    }
    return value;
  }

  /** The L of a value: its elements read with {@code element}, or only counted without one. */
  private static void list(JsonParser parser, AttributePath path, Value value,
      AttributeJsonReader<?> element) throws IOException {
    value.lContent = null;
    value.lFailure = null;
    value.l = -1;
    if (EventJson.isNull(parser)) {
      return;
    }
    JSON.expect(parser, JsonToken.START_ARRAY, "L");
    JsonStreamContext enclosing = parser.getParsingContext().getParent();
    if (element == null) {
      int count = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        checkElement(parser);
        parser.skipChildren();
        count++;
      }
      value.l = count;
      return;
    }
    List<Object> elements = new ArrayList<>();
    for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
      checkElement(parser);
      try {
        elements.add(element.read(parser, path.index(i)));
      } catch (MappingException e) {
        // Attributes stops at the first element that fails; so does this, then skips the rest.
        value.lFailure = e;
        finishValue(parser, enclosing);
        break;
      }
    }
    value.l = 0;
    value.lContent = elements;
  }

  private static void checkElement(JsonParser parser) {
    if (!EventJson.isNull(parser)) {
      JSON.expect(parser, JsonToken.START_OBJECT, "an attribute value");
    }
  }

  /**
   * The M of a value: read whole as the nested item or as a map when wanted, or only its
   * distinct keys counted.
   */
  private static void map(JsonParser parser, AttributePath path, Value value, Want want,
      AttributeJsonReader<?> reader) throws IOException {
    value.mContent = null;
    value.mFailure = null;
    value.m = -1;
    if (EventJson.isNull(parser)) {
      return;
    }
    JSON.expect(parser, JsonToken.START_OBJECT, "an item");
    JsonStreamContext enclosing = parser.getParsingContext().getParent();
    if (want == Want.ITEM) {
      value.m = 0;
      try {
        value.mContent = reader.read(parser, path);
      } catch (MappingException e) {
        value.mFailure = e;
        finishValue(parser, enclosing);
      }
    } else if (want == Want.MAP) {
      value.m = 0;
      JsonStreamContext map = parser.getParsingContext();
      Map<String, Object> entries = new LinkedHashMap<>();
      boolean failed = false;
      for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
        parser.nextToken();
        checkElement(parser);
        try {
          entries.put(key, reader.read(parser, path.child(key)));
        } catch (MappingException e) {
          // Kept until the map ends: a later value of the same key replaces it.
          entries.put(key, new Failure(e));
          failed = true;
          finishValue(parser, map);
        }
      }
      if (failed) {
        for (Object entry : entries.values()) {
          if (entry instanceof Failure failure) {
            value.mFailure = failure.exception;
            return;
          }
        }
      }
      value.mContent = entries;
    } else {
      Set<String> keys = new HashSet<>();
      for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
        parser.nextToken();
        checkElement(parser);
        parser.skipChildren();
        keys.add(key);
      }
      value.m = keys.size();
    }
  }

  /** A map value that failed, kept in the map's order until the map ends. */
  private record Failure(MappingException exception) {}

  /**
   * Moves the parser on to the last token of the value it is in, which sits directly in
   * {@code enclosing}: after a failure deep inside, the value's remaining tokens are skipped.
   */
  private static void finishValue(JsonParser parser, JsonStreamContext enclosing)
      throws IOException {
    while (parser.getParsingContext() != enclosing) {
      if (parser.nextToken() == null) {
        throw JSON.malformed(parser, "the item ends early", null);
      }
    }
  }

  // ---- messages ------------------------------------------------------------------------------

  private static boolean isNull(Value value) {
    return value == null || Boolean.TRUE.equals(value.nul);
  }

  private static MappingException mismatch(AttributePath path, String expected, Value value) {
    return new MappingException(path, "expected " + expected + ", found " + describe(value));
  }

  /** As {@link Attributes#describe}. */
  private static String describe(Value value) {
    if (value == null) {
      return "no attribute";
    }
    if (value.s != null) {
      return "S " + ValueRules.quote(value.s);
    }
    if (value.n != null) {
      return "N " + ValueRules.preview(value.n);
    }
    if (value.b != null) {
      return "B (" + value.b.remaining() + " bytes)";
    }
    if (value.ss != null) {
      return "SS [" + value.ss.size() + "]";
    }
    if (value.ns != null) {
      return "NS [" + value.ns.size() + "]";
    }
    if (value.bs != null) {
      return "BS [" + value.bs.size() + "]";
    }
    if (value.m >= 0) {
      return "M {" + value.m + "}";
    }
    if (value.l >= 0) {
      return "L [" + value.l + "]";
    }
    if (value.nul != null) {
      return value.nul ? "NULL" : "NULL false";
    }
    if (value.bool != null) {
      return "BOOL " + value.bool;
    }
    return "an attribute value of no type";
  }
}
