package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a DynamoDB stream event and writes a partial batch response with jackson-core's streaming
 * API: what the generated adapters use instead of the Lambda Java runtime's serializer, whose
 * databind set-up dominates a cold start.
 *
 * <p>For events in the shape Lambda sends (and the relaxed JSON syntax the runtime's parser
 * accepts), the objects built are the ones {@code aws-lambda-java-serialization} builds for the
 * same bytes: the same fields (unknown ones ignored), {@code ApproximateCreationDateTime} as
 * {@code new Date((long) (seconds * 1000))} and none for 0, {@code B} values base64-decoded into
 * {@code ByteBuffer}s, maps in event order; the response is written byte for byte as the runtime
 * writes it. The whole event is read before anything is returned, so a malformed event never
 * reaches the handler in part. The runtime's lenient coercions of other shapes (a single value
 * for a list, an empty string for an object) are errors here, as are bytes that are not valid
 * UTF-8. Needs jackson-core 2.13 or later.
 */
public final class StreamEventJson {

  /**
   * The same relaxed syntax the runtime's serializer accepts (its {@code JacksonFactory}), so the
   * same bytes read the same way.
   */
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
      .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
      .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
      .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
      .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
      .build();

  private StreamEventJson() {}

  /**
   * The event in {@code input}, or null for the JSON {@code null}.
   *
   * @throws MalformedEventException when the input is not a DynamoDB stream event
   */
  public static DynamodbEvent read(InputStream input) throws IOException {
    // Read whole: parsing from an array is faster, and the images are parsed later from it.
    byte[] source = input.readAllBytes();
    try (JsonParser parser = JSON.createParser(source)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw malformed(parser, "the event is empty", null);
      }
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      expect(parser, JsonToken.START_OBJECT, "the event");
      DynamodbEvent event = new DynamodbEvent();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("Records")) {
          event.setRecords(value == JsonToken.VALUE_NULL ? null : records(parser, source));
        } else {
          parser.skipChildren();
        }
      }
      return event;
    } catch (JsonProcessingException e) {
      throw malformed(e.getLocation(), "the event is not valid JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /** Writes {@code response} as the Lambda Java runtime writes a {@code StreamsEventResponse}. */
  public static void write(StreamsEventResponse response, OutputStream output)
      throws IOException {
    try (JsonGenerator json = JSON.createGenerator(output)) {
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (response == null) {
        json.writeNull();
        return;
      }
      // The runtime's serializer leaves null fields out.
      json.writeStartObject();
      if (response.getBatchItemFailures() != null) {
        json.writeFieldName("batchItemFailures");
        json.writeStartArray();
        for (StreamsEventResponse.BatchItemFailure failure : response.getBatchItemFailures()) {
          if (failure == null) {
            json.writeNull();
          } else {
            json.writeStartObject();
            if (failure.getItemIdentifier() != null) {
              json.writeStringField("itemIdentifier", failure.getItemIdentifier());
            }
            json.writeEndObject();
          }
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    }
  }

  private static List<DynamodbStreamRecord> records(JsonParser parser, byte[] source)
      throws IOException {
    expect(parser, JsonToken.START_ARRAY, "Records");
    List<DynamodbStreamRecord> records = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      records.add(parser.currentToken() == JsonToken.VALUE_NULL ? null : record(parser, source));
    }
    return records;
  }

  private static DynamodbStreamRecord record(JsonParser parser, byte[] source)
      throws IOException {
    expect(parser, JsonToken.START_OBJECT, "a record");
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "eventID":
          record.setEventID(text(parser, name));
          break;
        case "eventName":
          record.setEventName(text(parser, name));
          break;
        case "eventVersion":
          record.setEventVersion(text(parser, name));
          break;
        case "eventSource":
          record.setEventSource(text(parser, name));
          break;
        case "awsRegion":
          record.setAwsRegion(text(parser, name));
          break;
        case "eventSourceARN":
          record.setEventSourceARN(text(parser, name));
          break;
        case "dynamodb":
          record.setDynamodb(isNull(parser) ? null : streamRecord(parser, source));
          break;
        case "userIdentity":
          record.setUserIdentity(isNull(parser) ? null : identity(parser));
          break;
        default:
          parser.skipChildren();
      }
    }
    return record;
  }

  private static StreamRecord streamRecord(JsonParser parser, byte[] source) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "dynamodb");
    LazyStreamRecord data = new LazyStreamRecord();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "ApproximateCreationDateTime":
          data.setApproximateCreationDateTime(date(parser));
          break;
        case "Keys":
          data.setKeys(attributes(parser));
          break;
        case "NewImage":
          if (isNull(parser)) {
            data.setNewImage(null);
          } else {
            long start = parser.currentTokenLocation().getByteOffset();
            if (start < 0) {
              data.setNewImage(attributes(parser)); // not UTF-8: no byte offsets to go back to
            } else {
              checkAttributes(parser);
              data.newImageAt(source, (int) start,
                  (int) parser.currentLocation().getByteOffset());
            }
          }
          break;
        case "OldImage":
          if (isNull(parser)) {
            data.setOldImage(null);
          } else {
            long start = parser.currentTokenLocation().getByteOffset();
            if (start < 0) {
              data.setOldImage(attributes(parser)); // not UTF-8: no byte offsets to go back to
            } else {
              checkAttributes(parser);
              data.oldImageAt(source, (int) start,
                  (int) parser.currentLocation().getByteOffset());
            }
          }
          break;
        case "SequenceNumber":
          data.setSequenceNumber(text(parser, name));
          break;
        case "SizeBytes":
          data.setSizeBytes(sizeBytes(parser));
          break;
        case "StreamViewType":
          data.setStreamViewType(viewType(parser, text(parser, name)));
          break;
        default:
          parser.skipChildren();
      }
    }
    return data;
  }

  private static StreamViewType viewType(JsonParser parser, String text) {
    if (text == null) {
      throw malformed(parser, "StreamViewType is null; it must be one of NEW_IMAGE, OLD_IMAGE,"
          + " NEW_AND_OLD_IMAGES, KEYS_ONLY", null);
    }
    try {
      return StreamViewType.fromValue(text);
    } catch (IllegalArgumentException e) {
      throw malformed(parser, "StreamViewType \"" + text + "\" is not one of NEW_IMAGE,"
          + " OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY", e);
    }
  }

  /**
   * A whole number as the runtime's {@code Long} reading takes it: an integer (too large fails),
   * a fraction truncated, a string holding an integer (empty is none); anything else fails.
   */
  private static Long sizeBytes(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT:
        try {
          return parser.getLongValue();
        } catch (IOException e) {
          throw malformed(parser, "SizeBytes is too large", e);
        }
      case VALUE_NUMBER_FLOAT:
        return (long) parser.getDoubleValue();
      case VALUE_STRING:
        String text = parser.getText().trim();
        if (text.isEmpty()) {
          return null;
        }
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw malformed(parser, "SizeBytes \"" + text + "\" is not a whole number", e);
        }
      default:
        throw malformed(parser, "SizeBytes must be a number, found " + token, null);
    }
  }

  /** Epoch seconds, possibly fractional, as the runtime converts them; 0 means none. */
  private static Date date(JsonParser parser) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (!parser.currentToken().isScalarValue()) {
      // The runtime's date reader would lose its place in the event here; failing is clearer.
      throw malformed(parser, "ApproximateCreationDateTime must be a number, found "
          + parser.currentToken(), null);
    }
    double seconds = parser.getValueAsDouble();
    return seconds == 0 ? null : new Date((long) (seconds * 1000.0));
  }

  private static Identity identity(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "userIdentity");
    Identity identity = new Identity();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      if (name.equals("principalId")) {
        identity.setPrincipalId(text(parser, name));
      } else if (name.equals("type")) {
        identity.setType(text(parser, name));
      } else {
        parser.skipChildren();
      }
    }
    return identity;
  }

  /** The item image at {@code [start, end)} of {@code source}, already checked by the reader. */
  static Map<String, AttributeValue> attributesAt(byte[] source, int start, int end) {
    try (JsonParser parser = JSON.createParser(source, start, end - start)) {
      parser.nextToken();
      return attributes(parser);
    } catch (IOException e) {
      throw new MalformedEventException("Malformed DynamoDB stream event: " + e.getMessage(), e);
    }
  }

  /**
   * Checks an item image as {@link #attributes} would read it, building nothing: a malformed
   * image is reported before the handler runs, even when it is read later.
   */
  private static void checkAttributes(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "an item");
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      if (parser.nextToken() != JsonToken.VALUE_NULL) {
        checkValue(parser);
      }
    }
  }

  private static void checkValue(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "an attribute value");
    for (String type = parser.nextFieldName(); type != null; type = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (type) {
        case "S", "N" -> checkScalar(parser, type);
        case "B" -> binary(parser);
        case "SS", "NS", "BS", "L" -> {
          if (token == JsonToken.VALUE_NULL) {
            break;
          }
          expect(parser, JsonToken.START_ARRAY, type);
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (type.equals("L")) {
              if (!isNull(parser)) {
                checkValue(parser);
              }
            } else if (type.equals("BS")) {
              binary(parser);
            } else {
              checkScalar(parser, type);
            }
          }
        }
        case "M" -> {
          if (token != JsonToken.VALUE_NULL) {
            checkAttributes(parser);
          }
        }
        case "NULL", "BOOL" -> bool(parser, type);
        default -> parser.skipChildren();
      }
    }
  }

  private static void checkScalar(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NULL && !token.isScalarValue()) {
      throw malformed(parser, field + " must be a string, found " + token, null);
    }
    // Decode the text now: bytes the parser rejects must fail before the handler runs, not
    // when the image is built later.
    parser.finishToken();
  }

  private static Map<String, AttributeValue> attributes(JsonParser parser) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_OBJECT, "an item");
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      attributes.put(name, isNull(parser) ? null : value(parser));
    }
    return attributes;
  }

  private static AttributeValue value(JsonParser parser) throws IOException {
    expect(parser, JsonToken.START_OBJECT, "an attribute value");
    AttributeValue value = new AttributeValue();
    for (String type = parser.nextFieldName(); type != null; type = parser.nextFieldName()) {
      parser.nextToken();
      switch (type) {
        case "S":
          value.setS(text(parser, type));
          break;
        case "N":
          value.setN(text(parser, type));
          break;
        case "B":
          value.setB(binary(parser));
          break;
        case "SS":
          value.setSS(texts(parser, type));
          break;
        case "NS":
          value.setNS(texts(parser, type));
          break;
        case "BS":
          value.setBS(binaries(parser));
          break;
        case "M":
          value.setM(attributes(parser));
          break;
        case "L":
          value.setL(list(parser));
          break;
        case "NULL":
          value.setNULL(bool(parser, type));
          break;
        case "BOOL":
          value.setBOOL(bool(parser, type));
          break;
        default:
          parser.skipChildren();
      }
    }
    return value;
  }

  private static List<AttributeValue> list(JsonParser parser) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_ARRAY, "L");
    List<AttributeValue> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(isNull(parser) ? null : value(parser));
    }
    return values;
  }

  private static List<String> texts(JsonParser parser, String field) throws IOException {
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

  private static List<ByteBuffer> binaries(JsonParser parser) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    expect(parser, JsonToken.START_ARRAY, "BS");
    List<ByteBuffer> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(binary(parser));
    }
    return values;
  }

  private static ByteBuffer binary(JsonParser parser) throws IOException {
    if (isNull(parser)) {
      return null;
    }
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw malformed(parser, "expected base64 text, found " + parser.currentToken(), null);
    }
    return ByteBuffer.wrap(parser.getBinaryValue());
  }

  /** A string, or the text of a number or boolean, as the runtime's deserializer accepts them. */
  private static String text(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!token.isScalarValue()) {
      throw malformed(parser, field + " must be a string, found " + token, null);
    }
    return parser.getText();
  }

  private static Boolean bool(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
      return token == JsonToken.VALUE_TRUE;
    }
    throw malformed(parser, field + " must be true or false, found " + token, null);
  }

  private static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  private static void expect(JsonParser parser, JsonToken expected, String what) {
    if (parser.currentToken() != expected) {
      throw malformed(parser, what + " must be a JSON " + describe(expected) + ", found "
          + parser.currentToken(), null);
    }
  }

  private static String describe(JsonToken token) {
    return token == JsonToken.START_ARRAY ? "array" : "object";
  }

  private static MalformedEventException malformed(JsonParser parser, String problem,
      Throwable cause) {
    return malformed(parser.currentTokenLocation(), problem, cause);
  }

  private static MalformedEventException malformed(JsonLocation at, String problem,
      Throwable cause) {
    String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr()
        + ")";
    return new MalformedEventException("Malformed DynamoDB stream event" + where + ": " + problem,
        cause);
  }
}
