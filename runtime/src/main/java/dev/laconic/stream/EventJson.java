package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.models.TimeWindow;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the Lambda Java runtime's serializer reads the values of an event, for the event readers of
 * every source (DynamoDB streams, Kinesis, SQS): one instance per kind of event, which names it in
 * failure messages.
 *
 * <p>Every reader here starts at the parser's current token and leaves the parser on the last
 * token of the value, as jackson-core's own {@code skipChildren} does. What the runtime reads, the
 * same way: a string field takes the text of any scalar (a number keeps its text as written), a
 * {@code ByteBuffer} takes base64 text, a {@code Date} takes epoch seconds, maps keep the event's
 * order and its null values. What the runtime's databind coerces from other shapes (a single value
 * for a list, an empty string for an object, a string for a boolean) is a
 * {@link MalformedEventException} here, with the line and column.
 *
 * <p>Public for Laconic's readers in other packages ({@code dev.laconic.kinesis},
 * {@code dev.laconic.sqs}); not meant for handlers.
 */
public final class EventJson {

  /**
   * The same relaxed syntax the runtime's serializer accepts (its {@code JacksonFactory}), so the
   * same bytes read the same way.
   */
  private static final JsonFactory RELAXED = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  private final String kind;
  private final String noun;

  /**
   * @param kind what the JSON is, for messages: {@code "Kinesis event"} gives
   *     {@code Malformed Kinesis event (line 3, column 9): ...}
   * @param noun the short name messages use for the whole document, such as {@code "event"}:
   *     {@code the event is not valid JSON}
   */
  public EventJson(String kind, String noun) {
    this.kind = kind;
    this.noun = noun;
  }

  /** A parser over {@code json} with the runtime's relaxed syntax. */
  public JsonParser parser(byte[] json) throws IOException {
    return RELAXED.createParser(json);
  }

  /** A parser over {@code length} bytes of {@code json} from {@code offset}. */
  public JsonParser parser(byte[] json, int offset, int length) throws IOException {
    return RELAXED.createParser(json, offset, length);
  }

  /**
   * A generator that writes as the runtime's serializer writes: UTF-8, no indentation, non-ASCII
   * characters as they are; closing it leaves {@code output} open.
   */
  public static JsonGenerator generator(OutputStream output) throws IOException {
    JsonGenerator json = RELAXED.createGenerator(output);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }

  /**
   * Writes one element of {@code "batchItemFailures": [...]} as the runtime writes the list of any
   * of the events library's three partial-batch responses: a null element as {@code null}, a
   * null identifier left out. The caller loops over its own list (and leaves a null list out):
   * a method reference here would bootstrap invokedynamic on the first response of a cold start.
   */
  public static void writeBatchItemFailure(JsonGenerator json, Object failure,
      String itemIdentifier) throws IOException {
    if (failure == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    if (itemIdentifier != null) {
      json.writeStringField("itemIdentifier", itemIdentifier);
    }
    json.writeEndObject();
  }

  /**
   * Moves to the first token of the document: true on an object, false on the JSON
   * {@code null}, which the runtime reads as a null event.
   *
   * @throws MalformedEventException for an empty document or any other value
   */
  public boolean startObject(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw malformed("the " + noun + " is empty");
    }
    if (token == JsonToken.VALUE_NULL) {
      return false;
    }
    if (token != JsonToken.START_OBJECT) {
      // Not expect(parser, ..., "the " + noun): that would build the text for every event.
      expect(parser, JsonToken.START_OBJECT, "the " + noun);
    }
    return true;
  }

  /** A string, or the text of a number or boolean, as the runtime's deserializer accepts them. */
  public String text(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw malformed(parser, field + " must be a string, found " + token, null);
    }
    return parser.getText();
  }

  /** {@code true}, {@code false} or {@code null}. */
  public Boolean bool(JsonParser parser, String field) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw malformed(parser, field + " must be true or false, found " + token, null);
  }

  /**
   * Base64 text decoded as the runtime's {@code ByteBuffer} deserializer decodes it (jackson's
   * default variant: padding required, no line feeds inside).
   */
  public ByteBuffer binary(JsonParser parser, String field) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(parser, field + " must be base64 text, found " + parser.currentToken(),
          null);
    }
    try {
      return ByteBuffer.wrap(parser.getBinaryValue());
    } catch (JsonProcessingException e) {
      throw malformed(parser, field + " is not valid base64: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * Epoch seconds, possibly fractional, as the runtime's {@code DateModule} converts them:
   * {@code new Date((long) (seconds * 1000))}, and none for 0.
   */
  public Date epochSeconds(JsonParser parser, String field) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (!parser.currentToken().isScalarValue()) {
      // The runtime's date reader would lose its place in the event here; failing is clearer.
      throw malformed(parser, field + " must be a number, found " + parser.currentToken(), null);
    }
    double seconds = isShortInteger(parser) ? shortInteger(parser) : parser.getValueAsDouble();
    return seconds == 0 ? null : new Date((long) (seconds * 1000.0));
  }

  /**
   * Whether the current token is an integer of at most 18 characters, which cannot overflow a
   * {@code long}: {@link #shortInteger} reads it as jackson-core's {@code getLongValue} would.
   * Reading such a number here keeps jackson-core's {@code NumberInput} uninitialised, whose two
   * regular expressions are milliseconds of a cold start spent on a number (a record's time or
   * size) that is nearly always a plain integer; longer ones, and fractions, go to jackson-core.
   */
  public static boolean isShortInteger(JsonParser parser) throws IOException {
    return parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getTextLength() <= 18;
  }

  /** The value of an integer that {@link #isShortInteger} accepts. */
  public static long shortInteger(JsonParser parser) throws IOException {
    return Long.parseLong(parser.getText());
  }

  /** An object of strings, such as SQS message attributes or a window's state, in event order. */
  public Map<String, String> textMap(JsonParser parser, String field) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_OBJECT, field);
    Map<String, String> map = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      map.put(name, text(parser, field));
    }
    return map;
  }

  /** An array of strings. */
  public List<String> texts(JsonParser parser, String field) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_ARRAY, field);
    List<String> texts = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      texts.add(text(parser, field));
    }
    return texts;
  }

  /** An array of base64 texts. */
  public List<ByteBuffer> binaries(JsonParser parser, String field) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_ARRAY, field);
    List<ByteBuffer> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(binary(parser, field));
    }
    return values;
  }

  /** The {@code window} of a tumbling-window event: its {@code start} and {@code end} texts. */
  public TimeWindow window(JsonParser parser) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_OBJECT, "window");
    TimeWindow window = new TimeWindow();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "start" -> window.setStart(text(parser, name));
        case "end" -> window.setEnd(text(parser, name));
        default -> parser.skipChildren();
      }
    }
    return window;
  }

  /** Whether the current token is the JSON {@code null}. */
  public static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Fails unless the current token is {@code expected} (an object's or array's start). */
  public void expect(JsonParser parser, JsonToken expected, String what) {
    if (parser.currentToken() != expected) {
      throw malformed(parser, what + " must be a JSON "
          + (expected == JsonToken.START_ARRAY ? "array" : "object") + ", found "
          + parser.currentToken(), null);
    }
  }

  /** The failure for {@code problem} at the parser's current token. */
  public MalformedEventException malformed(JsonParser parser, String problem, Throwable cause) {
    return malformed(parser.currentTokenLocation(), problem, cause);
  }

  /** The failure for {@code problem} with the whole document, not at a position. */
  public MalformedEventException malformed(String problem) {
    return malformed((JsonLocation) null, problem, null);
  }

  /** The failure for JSON that the parser rejects. */
  public MalformedEventException notJson(JsonProcessingException e) {
    return malformed(e.getLocation(), "the " + noun + " is not valid JSON: "
        + e.getOriginalMessage(), e);
  }

  private MalformedEventException malformed(JsonLocation at, String problem, Throwable cause) {
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr()
        + ")";
    return new MalformedEventException("Malformed " + kind + where + ": " + problem, cause);
  }
}
