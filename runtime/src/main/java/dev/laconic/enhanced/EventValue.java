package dev.laconic.enhanced;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import dev.laconic.stream.ValueRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One attribute value as the Lambda runtime reads it into the events library's
 * {@code AttributeValue}, and the SDK {@code AttributeValue} that
 * {@code DynamodbAttributeValueTransformer.toAttributeValueV2} (aws-lambda-java-events-sdk-transformer
 * 3.1.0) makes of it.
 *
 * <p>The transformer keeps one type, the first present in the order S, SS, N, NS, B, BS, BOOL, L,
 * M, NULL; an empty SS, NS or BS becomes no value at all (the SDK's "auto-construct" list), which
 * every default converter then refuses; an empty L stays an empty list. Maps come out as a
 * {@code HashMap} ({@code Collectors.toMap}), so the SDK, and its map converter after it, see the
 * keys in {@code HashMap} order: {@link #keysInTransformerOrder} gives that order. A JSON
 * {@code null} inside an L, a BS, or as a map's value makes the transformer throw.
 */
final class EventValue {

  /** The type the transformer keeps, in its order of preference. */
  enum Kind { S, SS, N, NS, B, BS, BOOL, L, M, NULL, NONE }

  private static final JsonFactory JSON = new JsonFactory();

  String s;
  String n;
  byte[] b;
  List<String> ss;
  List<String> ns;
  List<byte[]> bs;
  Boolean bool;
  Boolean nul;
  List<EventValue> l;
  Map<String, EventValue> m;

  /**
   * Reads the value at the parser's current token, a {@code START_OBJECT} or the JSON
   * {@code null} (null), leaving the parser on its last token. Fields take what the runtime's
   * deserializer takes for the shapes the event reader lets through: S and N the text of any
   * scalar, B base64, unknown fields skipped, a repeated field the last.
   */
  static EventValue read(JsonParser parser, AttributePath path) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw malformed(path, "an attribute value must be a JSON object, found " + token);
    }
    EventValue value = new EventValue();
    for (String type = parser.nextFieldName(); type != null; type = parser.nextFieldName()) {
      parser.nextToken();
      switch (type) {
        case "S" -> value.s = text(parser, path, type);
        case "N" -> value.n = text(parser, path, type);
        case "B" -> value.b = binary(parser, path, type);
        case "SS" -> value.ss = texts(parser, path, type);
        case "NS" -> value.ns = texts(parser, path, type);
        case "BS" -> value.bs = binaries(parser, path, type);
        case "BOOL" -> value.bool = bool(parser, path, type);
        case "NULL" -> value.nul = bool(parser, path, type);
        case "L" -> value.l = list(parser, path);
        case "M" -> value.m = map(parser, path);
        default -> parser.skipChildren();
      }
    }
    return value;
  }

  /** The type the transformer keeps. */
  Kind kind() {
    if (s != null) {
      return Kind.S;
    } else if (ss != null) {
      return Kind.SS;
    } else if (n != null) {
      return Kind.N;
    } else if (ns != null) {
      return Kind.NS;
    } else if (b != null) {
      return Kind.B;
    } else if (bs != null) {
      return Kind.BS;
    } else if (bool != null) {
      return Kind.BOOL;
    } else if (l != null) {
      return Kind.L;
    } else if (m != null) {
      return Kind.M;
    } else if (nul != null) {
      return Kind.NULL;
    }
    return Kind.NONE;
  }

  /** Whether the SDK reads this as its NULL: {@code "NULL": true} kept by the transformer. */
  boolean isNull() {
    return kind() == Kind.NULL && nul;
  }

  /**
   * The SDK value the transformer makes of this one, built with the SDK's own builder as the
   * transformer builds it.
   *
   * @throws MappingException where the transformer throws
   */
  AttributeValue toSdk(AttributePath path) {
    AttributeValue.Builder builder = AttributeValue.builder();
    switch (kind()) {
      case S -> builder.s(s);
      case SS -> builder.ss(ss.isEmpty() ? null : (Collection<String>) ss);
      case N -> builder.n(n);
      case NS -> builder.ns(ns.isEmpty() ? null : (Collection<String>) ns);
      case B -> builder.b(SdkBytes.fromByteArray(b));
      case BS -> {
        if (bs.isEmpty()) {
          builder.bs((Collection<SdkBytes>) null);
        } else {
          List<SdkBytes> members = new ArrayList<>(bs.size());
          for (int i = 0; i < bs.size(); i++) {
            if (bs.get(i) == null) {
              throw untransformable(path.index(i), "a JSON null in a BS");
            }
            members.add(SdkBytes.fromByteArray(bs.get(i)));
          }
          builder.bs(members);
        }
      }
      case BOOL -> builder.bool(bool);
      case L -> {
        List<AttributeValue> elements = new ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
          elements.add(sdkElement(l.get(i), path.index(i)));
        }
        builder.l(elements.isEmpty() ? Collections.emptyList() : elements);
      }
      case M -> {
        Map<String, AttributeValue> members = new HashMap<>();
        for (Map.Entry<String, EventValue> entry : m.entrySet()) {
          members.put(entry.getKey(),
              sdkElement(entry.getValue(), path.child(entry.getKey())));
        }
        builder.m(members);
      }
      case NULL -> builder.nul(nul);
      default -> throw untransformable(path, "an attribute value of no type");
    }
    return builder.build();
  }

  /**
   * Fails where {@link #toSdk} would, without building anything: the transformer converts a whole
   * value, nested ones included, before any converter sees an element of it.
   *
   * @throws MappingException where the transformer throws
   */
  void checkTransformable(AttributePath path) {
    switch (kind()) {
      case BS -> {
        for (int i = 0; i < bs.size(); i++) {
          if (bs.get(i) == null) {
            throw untransformable(path.index(i), "a JSON null in a BS");
          }
        }
      }
      case L -> {
        for (int i = 0; i < l.size(); i++) {
          checkElement(l.get(i), path.index(i));
        }
      }
      case M -> {
        for (Map.Entry<String, EventValue> entry : m.entrySet()) {
          checkElement(entry.getValue(), path.child(entry.getKey()));
        }
      }
      case NONE -> throw untransformable(path, "an attribute value of no type");
      default -> { }
    }
  }

  private static void checkElement(EventValue value, AttributePath path) {
    if (value == null) {
      throw untransformable(path, "a JSON null");
    }
    value.checkTransformable(path);
  }

  private static AttributeValue sdkElement(EventValue value, AttributePath path) {
    if (value == null) {
      throw untransformable(path, "a JSON null");
    }
    return value.toSdk(path);
  }

  /** The keys of {@link #m} in the order the transformer's {@code HashMap} holds them. */
  List<String> keysInTransformerOrder() {
    // Filled in event order, as Collectors.toMap fills its HashMap: the same iteration order.
    Map<String, Boolean> order = new HashMap<>();
    for (String key : m.keySet()) {
      order.put(key, Boolean.TRUE);
    }
    return new ArrayList<>(order.keySet());
  }



  /**
   * The members of an SS, NS or BS, or the elements of an L, each as the attribute value the
   * SDK's collection converters hand to the element converter ({@code {"S": member}} and so on);
   * a JSON null stays null.
   */
  List<EventValue> elements() {
    List<EventValue> elements = new ArrayList<>();
    switch (kind()) {
      // Loops, not forEach with a lambda: each lambda bootstraps invokedynamic the first time it
      // runs, milliseconds of the first event of a cold start that has a set in it.
      case SS -> {
        for (String s : ss) {
          elements.add(s == null ? null : member(s, null, null));
        }
      }
      case NS -> {
        for (String n : ns) {
          elements.add(n == null ? null : member(null, n, null));
        }
      }
      case BS -> {
        for (byte[] b : bs) {
          elements.add(b == null ? null : member(null, null, b));
        }
      }
      case L -> elements.addAll(l);
      default -> throw new IllegalStateException(kind() + " has no elements");
    }
    return elements;
  }

  /** A member of an SS, NS or BS as an S, N or B of its own. */
  private static EventValue member(String s, String n, byte[] b) {
    EventValue value = new EventValue();
    value.s = s;
    value.n = n;
    value.b = b;
    return value;
  }

  /** This value alone as JSON, for a reader that reads tokens. */
  byte[] json() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      write(json, this);
    }
    return out.toByteArray();
  }



  /** A parser over JSON this class wrote, on its first token. */
  static JsonParser parser(byte[] json) throws IOException {
    JsonParser parser = JSON.createParser(json);
    parser.nextToken();
    return parser;
  }

  /** Writes {@code value} with every field it has, so a reader sees what this one saw. */
  private static void write(JsonGenerator json, EventValue value) throws IOException {
    if (value == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    if (value.s != null) {
      json.writeStringField("S", value.s);
    }
    if (value.n != null) {
      json.writeStringField("N", value.n);
    }
    if (value.b != null) {
      json.writeStringField("B", Base64.getEncoder().encodeToString(value.b));
    }
    writeTexts(json, "SS", value.ss);
    writeTexts(json, "NS", value.ns);
    if (value.bs != null) {
      json.writeArrayFieldStart("BS");
      for (byte[] member : value.bs) {
        if (member == null) {
          json.writeNull();
        } else {
          json.writeString(Base64.getEncoder().encodeToString(member));
        }
      }
      json.writeEndArray();
    }
    if (value.bool != null) {
      json.writeBooleanField("BOOL", value.bool);
    }
    if (value.nul != null) {
      json.writeBooleanField("NULL", value.nul);
    }
    if (value.l != null) {
      json.writeArrayFieldStart("L");
      for (EventValue element : value.l) {
        write(json, element);
      }
      json.writeEndArray();
    }
    if (value.m != null) {
      json.writeObjectFieldStart("M");
      for (Map.Entry<String, EventValue> entry : value.m.entrySet()) {
        json.writeFieldName(entry.getKey());
        write(json, entry.getValue());
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeTexts(JsonGenerator json, String type, List<String> texts)
      throws IOException {
    if (texts == null) {
      return;
    }
    json.writeArrayFieldStart(type);
    for (String text : texts) {
      json.writeString(text);
    }
    json.writeEndArray();
  }

  /** The type the SDK sees with a short preview, such as {@code S "two"} or {@code L [3]}. */
  String describe() {
    return switch (kind()) {
      case S -> "S " + ValueRules.quote(s);
      case N -> "N " + ValueRules.preview(n);
      case B -> "B (" + b.length + " bytes)";
      case SS -> "SS [" + ss.size() + "]";
      case NS -> "NS [" + ns.size() + "]";
      case BS -> "BS [" + bs.size() + "]";
      case BOOL -> "BOOL " + bool;
      case L -> "L [" + l.size() + "]";
      case M -> "M {" + m.size() + "}";
      case NULL -> nul ? "NULL" : "NULL false";
      case NONE -> "an attribute value of no type";
    };
  }

  // ---- reading the fields ----------------------------------------------------------------------

  private static String text(JsonParser parser, AttributePath path, String type)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw malformed(path, type + " must be a string, found " + token);
    }
    return parser.getText();
  }

  private static byte[] binary(JsonParser parser, AttributePath path, String type)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.VALUE_STRING) {
      throw malformed(path, type + " must be base64 text, found " + token);
    }
    try {
      return parser.getBinaryValue();
    } catch (JsonProcessingException e) {
      throw malformed(path, type + " is not valid base64: " + e.getOriginalMessage());
    }
  }

  private static Boolean bool(JsonParser parser, AttributePath path, String type) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw malformed(path, type + " must be true or false, found " + token);
  }

  private static List<String> texts(JsonParser parser, AttributePath path, String type)
      throws IOException {
    if (!startArray(parser, path, type)) {
      return null;
    }
    List<String> texts = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      texts.add(text(parser, path.index(texts.size()), type));
    }
    return texts;
  }

  private static List<byte[]> binaries(JsonParser parser, AttributePath path, String type)
      throws IOException {
    if (!startArray(parser, path, type)) {
      return null;
    }
    List<byte[]> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(binary(parser, path.index(values.size()), type));
    }
    return values;
  }

  private static List<EventValue> list(JsonParser parser, AttributePath path) throws IOException {
    if (!startArray(parser, path, "L")) {
      return null;
    }
    List<EventValue> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(read(parser, path.index(values.size())));
    }
    return values;
  }

  private static Map<String, EventValue> map(JsonParser parser, AttributePath path)
      throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw malformed(path, "M must be a JSON object, found " + token);
    }
    // As the runtime's deserializer: event order, a repeated key keeps its place and its last value.
    Map<String, EventValue> values = new LinkedHashMap<>();
    for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
      parser.nextToken();
      values.put(key, read(parser, path.child(key)));
    }
    return values;
  }

  private static boolean startArray(JsonParser parser, AttributePath path, String type) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != JsonToken.START_ARRAY) {
      throw malformed(path, type + " must be a JSON array, found " + token);
    }
    return true;
  }

  private static MappingException malformed(AttributePath path, String problem) {
    return new MappingException(path, "malformed attribute value: " + problem);
  }

  /** The failure where the events transformer throws, before any converter runs. */
  static MappingException untransformable(AttributePath path, String what) {
    return new MappingException(path, "found " + what + ", which the Lambda events transformer"
        + " (DynamodbAttributeValueTransformer) cannot convert to the SDK's AttributeValue");
  }
}
