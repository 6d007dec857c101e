package dev.laconic.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * DynamoDB stream events of N records of about 1.2 KB each, in the shape Lambda sends: keys, a
 * new and an old image with strings, numbers, a map, a list and a string set.
 */
final class Events {

  private Events() {}

  static byte[] event(int records) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
      json.writeStartObject();
      json.writeArrayFieldStart("Records");
      for (int i = 0; i < records; i++) {
        record(json, i);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void record(JsonGenerator json, int i) throws IOException {
    json.writeStartObject();
    json.writeStringField("eventID", String.format("%032x", i));
    json.writeStringField("eventName", "MODIFY");
    json.writeStringField("eventVersion", "1.1");
    json.writeStringField("eventSource", "aws:dynamodb");
    json.writeStringField("awsRegion", "eu-west-1");
    json.writeObjectFieldStart("dynamodb");
    json.writeNumberField("ApproximateCreationDateTime", 1700000000L + i);
    json.writeObjectFieldStart("Keys");
    s(json, "pk", "order-" + i);
    json.writeEndObject();
    json.writeObjectFieldStart("NewImage");
    image(json, i, "PAID");
    json.writeEndObject();
    json.writeObjectFieldStart("OldImage");
    image(json, i, "PLACED");
    json.writeEndObject();
    json.writeStringField("SequenceNumber", "44215845000000000174" + String.format("%08d", i));
    json.writeNumberField("SizeBytes", 1100);
    json.writeStringField("StreamViewType", "NEW_AND_OLD_IMAGES");
    json.writeEndObject();
    json.writeStringField("eventSourceARN",
        "arn:aws:dynamodb:eu-west-1:123456789012:table/Orders/stream/2024-01-01T00:00:00.000");
    json.writeEndObject();
  }

  private static void image(JsonGenerator json, int i, String status) throws IOException {
    s(json, "pk", "order-" + i);
    s(json, "customer", "customer-" + (i % 97));
    s(json, "status", status);
    n(json, "total", (i % 1000) + ".95");
    json.writeObjectFieldStart("shipTo");
    json.writeObjectFieldStart("M");
    s(json, "street", "Unter den Linden " + i);
    s(json, "city", "Berlin");
    s(json, "zip", "10117");
    json.writeEndObject();
    json.writeEndObject();
    json.writeObjectFieldStart("lines");
    json.writeArrayFieldStart("L");
    for (int line = 0; line < 2; line++) {
      json.writeStartObject();
      json.writeObjectFieldStart("M");
      s(json, "sku", "sku-" + line);
      n(json, "quantity", String.valueOf(line + 1));
      json.writeEndObject();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeObjectFieldStart("tags");
    json.writeArrayFieldStart("SS");
    json.writeString("gift");
    json.writeString("express");
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void s(JsonGenerator json, String name, String value) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("S", value);
    json.writeEndObject();
  }

  private static void n(JsonGenerator json, String name, String value) throws IOException {
    json.writeObjectFieldStart(name);
    json.writeStringField("N", value);
    json.writeEndObject();
  }
}
