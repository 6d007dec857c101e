package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads DynamoDB change records, as a DynamoDB stream event carries them or as Kinesis Data
 * Streams for DynamoDB writes them into Kinesis records, with their item images and attribute
 * values.
 *
 * <p>The two differ only in {@code ApproximateCreationDateTime}: epoch seconds (possibly
 * fractional) in a stream event, read as the Lambda runtime's {@code DateModule} reads them;
 * epoch milliseconds in a Kinesis record, or microseconds when the record says
 * {@code "ApproximateCreationDateTimePrecision": "MICROSECOND"} (the table's
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-kinesisstreamspecification.html">KinesisStreamSpecification</a>
 * chooses). Item images are checked while the record is read and built when first asked for
 * ({@link LazyStreamRecord}).
 */
public final class DynamoRecordJson {

  /** The reader of DynamoDB stream events. */
  static final DynamoRecordJson STREAM_EVENT =
      new DynamoRecordJson(new EventJson("DynamoDB stream event", "event"), false);

  private final EventJson json;
  private final boolean kinesisTimes;

  private DynamoRecordJson(EventJson json, boolean kinesisTimes) {
    this.json = json;
    this.kinesisTimes = kinesisTimes;
  }

  /** The messages of this reader. */
  EventJson json() {
    return json;
  }

  /**
   * Reads the data of a Kinesis record written by Kinesis Data Streams for DynamoDB: one change
   * record, with {@code ApproximateCreationDateTime} in milliseconds or microseconds and no
   * {@code SequenceNumber}. Public for {@code dev.laconic.kinesis.KinesisDynamoRecords}, which
   * completes the record.
   *
   * @param data the decoded data, kept (not copied) for images built later
   * @param messages names the record in failure messages
   * @throws MalformedEventException when the data is not a JSON object of that shape
   */
  public static DynamodbStreamRecord readKinesisData(byte[] data, EventJson messages) {
    DynamoRecordJson reader = new DynamoRecordJson(messages, true);
    try (JsonParser parser = messages.parser(data)) {
      if (!messages.startObject(parser)) {
        return null;
      }
      DynamodbStreamRecord record = reader.record(parser, data);
      if (parser.nextToken() != null) {
        throw messages.malformed(parser, "the data holds more than one JSON value", null);
      }
      return record;
    } catch (JsonProcessingException e) {
      throw messages.notJson(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading an array: not expected
    }
  }

  List<DynamodbStreamRecord> records(JsonParser parser, byte[] source) throws IOException {
    json.expect(parser, JsonToken.START_ARRAY, "Records");
    List<DynamodbStreamRecord> records = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      records.add(EventJson.isNull(parser) ? null : record(parser, source));
    }
    return records;
  }

  private DynamodbStreamRecord record(JsonParser parser, byte[] source) throws IOException {
    json.expect(parser, JsonToken.START_OBJECT, "a record");
    DynamodbStreamRecord record = new DynamodbStreamRecord();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "eventID":
          record.setEventID(json.text(parser, name));
          break;
        case "eventName":
          record.setEventName(json.text(parser, name));
          break;
        case "eventVersion":
          record.setEventVersion(json.text(parser, name));
          break;
        case "eventSource":
          record.setEventSource(json.text(parser, name));
          break;
        case "awsRegion":
          record.setAwsRegion(json.text(parser, name));
          break;
        case "eventSourceARN":
          record.setEventSourceARN(json.text(parser, name));
          break;
        case "dynamodb":
          record.setDynamodb(EventJson.isNull(parser) ? null : streamRecord(parser, source));
          break;
        case "userIdentity":
          record.setUserIdentity(EventJson.isNull(parser) ? null : identity(parser));
          break;
        default:
          parser.skipChildren();
      }
    }
    return record;
  }

  private StreamRecord streamRecord(JsonParser parser, byte[] source) throws IOException {
    json.expect(parser, JsonToken.START_OBJECT, "dynamodb");
    LazyStreamRecord data = new LazyStreamRecord();
    KinesisTime kinesisTime = kinesisTimes ? new KinesisTime() : null;
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      switch (name) {
        case "ApproximateCreationDateTime":
          if (kinesisTime == null) {
            data.setApproximateCreationDateTime(json.epochSeconds(parser, name));
          } else {
            kinesisTime.read(parser);
          }
          break;
        case "ApproximateCreationDateTimePrecision":
          if (kinesisTime == null) {
            parser.skipChildren();
          } else {
            kinesisTime.precision = json.text(parser, name);
          }
          break;
        case "Keys":
          data.setKeys(attributes(parser));
          break;
        case "NewImage":
          if (EventJson.isNull(parser)) {
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
          if (EventJson.isNull(parser)) {
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
          data.setSequenceNumber(json.text(parser, name));
          break;
        case "SizeBytes":
          data.setSizeBytes(sizeBytes(parser));
          break;
        case "StreamViewType":
          data.setStreamViewType(viewType(parser, json.text(parser, name)));
          break;
        default:
          parser.skipChildren();
      }
    }
    if (kinesisTime != null) {
      data.setApproximateCreationDateTime(kinesisTime.date(parser));
    }
    return data;
  }

  /**
   * The creation time of a Kinesis Data Streams for DynamoDB record: read whole before it is
   * converted, since its precision may come after it.
   */
  private final class KinesisTime {
    private Long value;
    private String precision;

    void read(JsonParser parser) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_NULL) {
        value = null;
      } else if (token == JsonToken.VALUE_NUMBER_INT) {
        try {
          value = parser.getLongValue();
        } catch (JsonProcessingException e) {
          throw json.malformed(parser, "ApproximateCreationDateTime is too large", e);
        }
      } else {
        throw json.malformed(parser, "ApproximateCreationDateTime must be a whole number of"
            + " milliseconds or microseconds, found " + token, null);
      }
    }

    Date date(JsonParser parser) {
      if (value == null) {
        return null;
      }
      if (precision == null || precision.equals("MILLISECOND")) {
        return new Date(value);
      }
      if (precision.equals("MICROSECOND")) {
        return new Date(Math.floorDiv(value, 1000L)); // Date holds milliseconds
      }
      throw json.malformed(parser, "ApproximateCreationDateTimePrecision \"" + precision
          + "\" is not MILLISECOND or MICROSECOND", null);
    }
  }

  private StreamViewType viewType(JsonParser parser, String text) {
    if (text == null) {
      throw json.malformed(parser, "StreamViewType is null; it must be one of NEW_IMAGE,"
          + " OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY", null);
    }
    try {
      return StreamViewType.fromValue(text);
    } catch (IllegalArgumentException e) {
      throw json.malformed(parser, "StreamViewType \"" + text + "\" is not one of NEW_IMAGE,"
          + " OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY", e);
    }
  }

  /**
   * A whole number as the runtime's {@code Long} reading takes it: an integer (too large fails),
   * a fraction truncated, a string holding an integer (empty is none); anything else fails.
   */
  private Long sizeBytes(JsonParser parser) throws IOException {
    // Tests in turn rather than a switch on JsonToken: a switch on an enum loads a class of its
    // own and copies values() on the first event.
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NULL) {
      return null;
    }
    if (EventJson.isShortInteger(parser)) {
      return EventJson.shortInteger(parser);
    }
    if (token == JsonToken.VALUE_NUMBER_INT) {
      try {
        return parser.getLongValue();
      } catch (IOException e) {
        throw json.malformed(parser, "SizeBytes is too large", e);
      }
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      return (long) parser.getDoubleValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getText().trim();
      if (text.isEmpty()) {
        return null;
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw json.malformed(parser, "SizeBytes \"" + text + "\" is not a whole number", e);
      }
    }
    throw json.malformed(parser, "SizeBytes must be a number, found " + token, null);
  }

  private Identity identity(JsonParser parser) throws IOException {
    json.expect(parser, JsonToken.START_OBJECT, "userIdentity");
    Identity identity = new Identity();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      if (name.equals("principalId")) {
        identity.setPrincipalId(json.text(parser, name));
      } else if (name.equals("type")) {
        identity.setType(json.text(parser, name));
      } else {
        parser.skipChildren();
      }
    }
    return identity;
  }

  /** The item image at {@code [start, end)} of {@code source}, already checked by the reader. */
  static Map<String, AttributeValue> attributesAt(byte[] source, int start, int end) {
    try (JsonParser parser = STREAM_EVENT.json.parser(source, start, end - start)) {
      parser.nextToken();
      return STREAM_EVENT.attributes(parser);
    } catch (IOException e) {
      throw new MalformedEventException("Malformed DynamoDB item image: " + e.getMessage(), e);
    }
  }

  /**
   * Checks an item image as {@link #attributes} would read it, building nothing: a malformed
   * image is reported before the handler runs, even when it is read later.
   */
  private void checkAttributes(JsonParser parser) throws IOException {
    json.expect(parser, JsonToken.START_OBJECT, "an item");
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      if (parser.nextToken() != JsonToken.VALUE_NULL) {
        checkValue(parser);
      }
    }
  }

  private void checkValue(JsonParser parser) throws IOException {
    json.expect(parser, JsonToken.START_OBJECT, "an attribute value");
    for (String type = parser.nextFieldName(); type != null; type = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      switch (type) {
        case "S", "N" -> checkScalar(parser, type);
        case "B" -> json.binary(parser, type);
        case "SS", "NS", "BS", "L" -> {
          if (token == JsonToken.VALUE_NULL) {
            break;
          }
          json.expect(parser, JsonToken.START_ARRAY, type);
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (type.equals("L")) {
              if (!EventJson.isNull(parser)) {
                checkValue(parser);
              }
            } else if (type.equals("BS")) {
              json.binary(parser, type);
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
        case "NULL", "BOOL" -> json.bool(parser, type);
        default -> parser.skipChildren();
      }
    }
  }

  private void checkScalar(JsonParser parser, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NULL && !token.isScalarValue()) {
      throw json.malformed(parser, field + " must be a string, found " + token, null);
    }
    // Decode the text now: bytes the parser rejects must fail before the handler runs, not
    // when the image is built later.
    parser.finishToken();
  }

  private Map<String, AttributeValue> attributes(JsonParser parser) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    json.expect(parser, JsonToken.START_OBJECT, "an item");
    Map<String, AttributeValue> attributes = new LinkedHashMap<>();
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      parser.nextToken();
      attributes.put(name, EventJson.isNull(parser) ? null : value(parser));
    }
    return attributes;
  }

  private AttributeValue value(JsonParser parser) throws IOException {
    json.expect(parser, JsonToken.START_OBJECT, "an attribute value");
    AttributeValue value = new AttributeValue();
    for (String type = parser.nextFieldName(); type != null; type = parser.nextFieldName()) {
      parser.nextToken();
      switch (type) {
        case "S":
          value.setS(json.text(parser, type));
          break;
        case "N":
          value.setN(json.text(parser, type));
          break;
        case "B":
          value.setB(json.binary(parser, type));
          break;
        case "SS":
          value.setSS(json.texts(parser, type));
          break;
        case "NS":
          value.setNS(json.texts(parser, type));
          break;
        case "BS":
          value.setBS(json.binaries(parser, type));
          break;
        case "M":
          value.setM(attributes(parser));
          break;
        case "L":
          value.setL(list(parser));
          break;
        case "NULL":
          value.setNULL(json.bool(parser, type));
          break;
        case "BOOL":
          value.setBOOL(json.bool(parser, type));
          break;
        default:
          parser.skipChildren();
      }
    }
    return value;
  }

  private List<AttributeValue> list(JsonParser parser) throws IOException {
    if (EventJson.isNull(parser)) {
      return null;
    }
    json.expect(parser, JsonToken.START_ARRAY, "L");
    List<AttributeValue> values = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      values.add(EventJson.isNull(parser) ? null : value(parser));
    }
    return values;
  }
}
