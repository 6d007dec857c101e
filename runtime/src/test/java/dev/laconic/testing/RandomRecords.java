package dev.laconic.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes random parts of Lambda events as JSON, in the shapes Lambda sends, with now and then a
 * field left out, a null, or a field the readers do not know.
 */
public final class RandomRecords {

  private final Fuzz fuzz;

  public RandomRecords(Fuzz fuzz) {
    this.fuzz = fuzz;
  }

  /** A DynamoDB stream record, as a stream event's {@code Records} element. */
  public void dynamodbRecord(JsonGenerator json) throws IOException {
    json.writeStartObject();
    maybeText(json, "eventID", fuzz.id());
    maybeText(json, "eventName", fuzz.pick("INSERT", "MODIFY", "REMOVE"));
    maybeText(json, "eventVersion", "1.1");
    maybeText(json, "eventSource", "aws:dynamodb");
    maybeText(json, "awsRegion", fuzz.pick("eu-west-1", "us-east-1"));
    if (fuzz.chance(90)) {
      json.writeFieldName("dynamodb");
      json.writeStartObject();
      if (fuzz.chance(80)) {
        json.writeFieldName("ApproximateCreationDateTime");
        epochSeconds(json);
      }
      if (fuzz.chance(90)) {
        json.writeFieldName("Keys");
        item(json, 0);
      }
      if (fuzz.chance(70)) {
        json.writeFieldName("NewImage");
        item(json, 0);
      }
      if (fuzz.chance(50)) {
        json.writeFieldName("OldImage");
        item(json, 0);
      }
      maybeText(json, "SequenceNumber", Long.toUnsignedString(fuzz.nextLong()));
      if (fuzz.chance(80)) {
        json.writeNumberField("SizeBytes", fuzz.between(1, 400_000));
      }
      if (fuzz.chance(90)) {
        // Never null: the runtime fails on a null view type (and so do we, tested apart).
        json.writeStringField("StreamViewType",
            fuzz.pick("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
      }
      unknown(json);
      json.writeEndObject();
    }
    if (fuzz.chance(20)) {
      json.writeFieldName("userIdentity");
      json.writeStartObject();
      json.writeStringField("principalId", "dynamodb.amazonaws.com");
      json.writeStringField("type", "Service");
      json.writeEndObject();
    }
    maybeText(json, "eventSourceARN", fuzz.id());
    unknown(json);
    json.writeEndObject();
  }

  /** An item: attribute names to typed values, nested up to three levels. */
  public void item(JsonGenerator json, int depth) throws IOException {
    json.writeStartObject();
    int attributes = fuzz.between(0, depth == 0 ? 6 : 3);
    for (int i = 0; i < attributes; i++) {
      json.writeFieldName(fuzz.chance(80) ? "a" + i : fuzz.text() + i);
      attributeValue(json, depth);
    }
    json.writeEndObject();
  }

  private void attributeValue(JsonGenerator json, int depth) throws IOException {
    json.writeStartObject();
    String type = depth >= 2
        ? fuzz.pick("S", "N", "B", "BOOL", "NULL")
        : fuzz.pick("S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL");
    json.writeFieldName(type);
    switch (type) {
      case "S" -> json.writeString(fuzz.text());
      case "N" -> json.writeString(fuzz.pick("0", "-1", "3.14", "1E+2", "99999999999999999999"));
      case "B" -> json.writeString(Fuzz.base64(fuzz.bytes()));
      case "SS", "NS", "BS" -> {
        json.writeStartArray();
        int members = fuzz.between(0, 3);
        for (int i = 0; i < members; i++) {
          json.writeString(type.equals("SS") ? fuzz.text() + i
              : type.equals("NS") ? Integer.toString(i) : Fuzz.base64(fuzz.bytes()));
        }
        json.writeEndArray();
      }
      case "M" -> item(json, depth + 1);
      case "L" -> {
        json.writeStartArray();
        int elements = fuzz.between(0, 3);
        for (int i = 0; i < elements; i++) {
          attributeValue(json, depth + 1);
        }
        json.writeEndArray();
      }
      case "NULL" -> json.writeBoolean(true);
      default -> json.writeBoolean(fuzz.chance(50));
    }
    json.writeEndObject();
  }

  /**
   * Epoch seconds in the notations the runtime's date reader meets: whole, fractional, with an
   * exponent, in a string, or 0.
   */
  public void epochSeconds(JsonGenerator json) throws IOException {
    long seconds = 1_400_000_000L + fuzz.between(0, 400_000_000);
    switch (fuzz.between(0, 5)) {
      case 0 -> json.writeNumber(seconds);
      case 1 -> json.writeNumber(seconds + fuzz.between(0, 999) / 1000.0);
      case 2 -> json.writeRawValue(seconds / 1e9 + "E9");
      case 3 -> json.writeString(Long.toString(seconds) + "." + fuzz.between(0, 999));
      case 4 -> json.writeNumber(seconds + fuzz.nextDouble());
      default -> json.writeNumber(0);
    }
  }

  /** A Kinesis record, as a Kinesis event's {@code Records} element. */
  public void kinesisRecord(JsonGenerator json) throws IOException {
    json.writeStartObject();
    if (fuzz.chance(95)) {
      json.writeFieldName("kinesis");
      json.writeStartObject();
      maybeText(json, "kinesisSchemaVersion", "1.0");
      maybeText(json, "partitionKey", fuzz.text());
      maybeText(json, "sequenceNumber", "4959033827149025660855969253836157109592157598913"
          + fuzz.between(1_000_000, 9_999_999));
      if (fuzz.chance(90)) {
        json.writeFieldName("data");
        String base64 = Fuzz.base64(fuzz.bytes());
        // Line feeds at the end and whitespace between 4-character units are base64 too.
        json.writeString(fuzz.chance(10) ? base64 + "\n" : fuzz.chance(5) ? "" : base64);
      }
      if (fuzz.chance(90)) {
        json.writeFieldName("approximateArrivalTimestamp");
        epochSeconds(json);
      }
      if (fuzz.chance(30)) {
        json.writeStringField("encryptionType", fuzz.pick("NONE", "KMS"));
      }
      unknown(json);
      json.writeEndObject();
    }
    maybeText(json, "eventSource", "aws:kinesis");
    maybeText(json, "eventVersion", "1.0");
    maybeText(json, "eventID", fuzz.id());
    maybeText(json, "eventName", "aws:kinesis:record");
    maybeText(json, "invokeIdentityArn", "arn:aws:iam::123456789012:role/lambda-role");
    maybeText(json, "awsRegion", fuzz.pick("eu-west-1", "us-east-2"));
    maybeText(json, "eventSourceARN", fuzz.id());
    unknown(json);
    json.writeEndObject();
  }

  /** An SQS message, as an SQS event's {@code Records} element. */
  public void sqsMessage(JsonGenerator json) throws IOException {
    json.writeStartObject();
    maybeText(json, "messageId", fuzz.id());
    maybeText(json, "receiptHandle", "AQEB" + fuzz.id());
    maybeText(json, "body", fuzz.chance(30) ? "{\"id\": " + fuzz.between(0, 999) + "}"
        : fuzz.text());
    if (fuzz.chance(90)) {
      json.writeObjectFieldStart("attributes");
      for (String name : new String[] {"ApproximateReceiveCount", "SentTimestamp", "SenderId",
          "ApproximateFirstReceiveTimestamp", "MessageGroupId", "MessageDeduplicationId"}) {
        if (fuzz.chance(70)) {
          json.writeFieldName(name);
          if (fuzz.chance(5)) {
            json.writeNull();
          } else if (fuzz.chance(5)) {
            json.writeNumber(fuzz.between(1, 5)); // the runtime keeps the number's text
          } else {
            json.writeString(name.startsWith("Message") || name.equals("SenderId")
                ? fuzz.text() : Integer.toString(fuzz.between(1, 1_000_000)));
          }
        }
      }
      json.writeEndObject();
    }
    if (fuzz.chance(80)) {
      json.writeObjectFieldStart("messageAttributes");
      for (int i = fuzz.between(0, 3); i > 0; i--) {
        json.writeFieldName(fuzz.text() + i);
        if (fuzz.chance(5)) {
          json.writeNull();
          continue;
        }
        json.writeStartObject();
        String dataType = fuzz.pick("String", "Number", "Binary", "String.custom");
        if (!dataType.equals("Binary") || fuzz.chance(10)) {
          maybeText(json, "stringValue", fuzz.text());
        }
        if (dataType.equals("Binary") || fuzz.chance(10)) {
          json.writeStringField("binaryValue", Fuzz.base64(fuzz.bytes()));
        }
        if (fuzz.chance(70)) {
          json.writeArrayFieldStart("stringListValues");
          for (int v = fuzz.between(0, 2); v > 0; v--) {
            json.writeString(fuzz.text());
          }
          json.writeEndArray();
        }
        if (fuzz.chance(70)) {
          json.writeArrayFieldStart("binaryListValues");
          for (int v = fuzz.between(0, 2); v > 0; v--) {
            json.writeString(Fuzz.base64(fuzz.bytes()));
          }
          json.writeEndArray();
        }
        maybeText(json, "dataType", dataType);
        unknown(json);
        json.writeEndObject();
      }
      json.writeEndObject();
    }
    maybeText(json, "md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3");
    maybeText(json, "md5OfMessageAttributes", "582c92c5c5b6ac403040a4f3ab3115c9");
    maybeText(json, "eventSource", "aws:sqs");
    maybeText(json, "eventSourceARN", "arn:aws:sqs:us-east-2:123456789012:my-queue");
    maybeText(json, "awsRegion", "us-east-2");
    unknown(json);
    json.writeEndObject();
  }

  /** The window fields of a tumbling-window event. */
  public void windowFields(JsonGenerator json) throws IOException {
    if (fuzz.chance(85)) {
      json.writeFieldName("window");
      if (fuzz.chance(10)) {
        json.writeNull();
      } else {
        json.writeStartObject();
        maybeText(json, "start", "2020-12-09T07:04:00Z");
        maybeText(json, "end", "2020-12-09T07:06:00Z");
        unknown(json);
        json.writeEndObject();
      }
    }
    if (fuzz.chance(85)) {
      json.writeFieldName("state");
      if (fuzz.chance(10)) {
        json.writeNull();
      } else {
        json.writeStartObject();
        int entries = fuzz.between(0, 4);
        for (int i = 0; i < entries; i++) {
          json.writeFieldName(fuzz.text());
          // The documentation's example state holds numbers; the runtime reads them as text.
          switch (fuzz.between(0, 4)) {
            case 0 -> json.writeNumber(fuzz.between(0, 1000));
            case 1 -> json.writeRawValue("1.50");
            case 2 -> json.writeBoolean(fuzz.chance(50));
            case 3 -> json.writeNull();
            default -> json.writeString(fuzz.text());
          }
        }
        json.writeEndObject();
      }
    }
    maybeText(json, "shardId", "shardId-00000000000" + fuzz.between(0, 9));
    maybeText(json, "eventSourceARN", fuzz.id());
    for (String flag : new String[] {"isFinalInvokeForWindow", "isWindowTerminatedEarly"}) {
      if (fuzz.chance(85)) {
        json.writeFieldName(flag);
        if (fuzz.chance(10)) {
          json.writeNull();
        } else {
          json.writeBoolean(fuzz.chance(50));
        }
      }
    }
  }

  /** Writes {@code name} most of the time: usually {@code value}, now and then null. */
  public void maybeText(JsonGenerator json, String name, String value) throws IOException {
    if (fuzz.chance(90)) {
      json.writeFieldName(name);
      if (fuzz.chance(5)) {
        json.writeNull();
      } else {
        json.writeString(value);
      }
    }
  }

  /** Now and then a field no reader knows, of any shape. */
  public void unknown(JsonGenerator json) throws IOException {
    if (fuzz.chance(15)) {
      json.writeFieldName(fuzz.pick("extra", "Unknown", "records", "eventSourceArn"));
      switch (fuzz.between(0, 3)) {
        case 0 -> json.writeString(fuzz.text());
        case 1 -> json.writeRawValue("{\"a\": [1, {\"b\": null}], \"c\": \"d\"}");
        case 2 -> json.writeRawValue("[[], {}, 3]");
        default -> json.writeNull();
      }
    }
  }
}
