package dev.laconic.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import dev.laconic.kinesis.KinesisEventJson;
import dev.laconic.sqs.SqsEventJson;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import dev.laconic.testing.Fuzz;
import dev.laconic.testing.LambdaRuntime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The JSON value readers as generated readers will call them: readers written here in the shape
 * the processor generates, run on the JSON bodies and data of real SQS and Kinesis events, on
 * failures placed in their message, and on random values written and read back.
 */
class GeneratedJsonReaderTest {

  /** The product in the bodies of the Powertools and AWS SQS events and the Kinesis data. */
  record Product(long id, String name, BigDecimal price) {}

  /** What a generated reader of {@link Product} looks like. */
  static final class ProductJsonReader {
    static Product fromJson(String json) {
      return JsonValues.read(json, AttributePath.root("product"), ProductJsonReader::read);
    }

    static Product read(JsonParser parser, AttributePath path) throws IOException {
      if (!JsonValues.startObject(parser, path, "Product")) {
        return null;
      }
      long id = 0;
      boolean hasId = false;
      String name = null;
      BigDecimal price = null;
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        parser.nextToken();
        switch (field) {
          case "id" -> {
            id = JsonValues.requireLong(parser, path.child("id"));
            hasId = true;
          }
          case "name" -> name = JsonValues.readString(parser, path.child("name"));
          case "price" -> price = JsonValues.readBigDecimal(parser, path.child("price"));
          default -> parser.skipChildren();
        }
      }
      if (!hasId) {
        throw JsonValues.missing(path.child("id"), "long");
      }
      return new Product(id, name, price);
    }
  }

  enum Status { NEW, SHIPPED }

  record Line(String sku, int qty) {}

  /** A record with every kind of value the readers take. */
  record Order(UUID ref, Status status, Instant at, boolean gift, Double weight, byte[] label,
      List<Line> lines, Map<String, Integer> counts) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Order o && Objects.equals(ref, o.ref) && status == o.status
          && Objects.equals(at, o.at) && gift == o.gift && Objects.equals(weight, o.weight)
          && Arrays.equals(label, o.label) && Objects.equals(lines, o.lines)
          && Objects.equals(counts, o.counts);
    }

    @Override
    public int hashCode() {
      return Objects.hash(ref, status, at, gift, weight, Arrays.hashCode(label), lines, counts);
    }
  }

  static final class OrderJsonReader {
    static Order read(JsonParser parser, AttributePath path) throws IOException {
      if (!JsonValues.startObject(parser, path, "Order")) {
        return null;
      }
      UUID ref = null;
      Status status = null;
      Instant at = null;
      boolean gift = false;
      Double weight = null;
      byte[] label = null;
      List<Line> lines = null;
      Map<String, Integer> counts = null;
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        parser.nextToken();
        switch (field) {
          case "ref" -> ref = JsonValues.readUuid(parser, path.child("ref"));
          case "status" -> status = status(parser, path.child("status"));
          case "at" -> at = JsonValues.readInstant(parser, path.child("at"));
          case "gift" -> gift = JsonValues.requireBoolean(parser, path.child("gift"));
          case "weight" -> weight = JsonValues.readDouble(parser, path.child("weight"));
          case "label" -> label = JsonValues.readBytes(parser, path.child("label"));
          case "lines" -> lines = JsonValues.readList(parser, path.child("lines"),
              OrderJsonReader::line);
          case "counts" -> counts = JsonValues.readMap(parser, path.child("counts"),
              JsonValues::readInteger);
          default -> parser.skipChildren();
        }
      }
      return new Order(ref, status, at, gift, weight, label, lines, counts);
    }

    static Status status(JsonParser parser, AttributePath path) throws IOException {
      String name = JsonValues.readEnumName(parser, path, "Status");
      if (name == null) {
        return null;
      }
      return switch (name) {
        case "NEW" -> Status.NEW;
        case "SHIPPED" -> Status.SHIPPED;
        default -> throw JsonValues.unknownConstant(path, "Status", "NEW, SHIPPED", name);
      };
    }

    static Line line(JsonParser parser, AttributePath path) throws IOException {
      if (!JsonValues.startObject(parser, path, "Line")) {
        return null;
      }
      String sku = null;
      int qty = 0;
      boolean hasQty = false;
      for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName()) {
        parser.nextToken();
        switch (field) {
          case "sku" -> sku = JsonValues.readString(parser, path.child("sku"));
          case "qty" -> {
            qty = JsonValues.requireInt(parser, path.child("qty"));
            hasQty = true;
          }
          default -> parser.skipChildren();
        }
      }
      if (!hasQty) {
        throw JsonValues.missing(path.child("qty"), "int");
      }
      return new Line(sku, qty);
    }
  }

  @Test
  void theBodiesOfRealSqsEvents() throws IOException {
    List<SQSEvent.SQSMessage> fifo = SqsEventJson.read(new ByteArrayInputStream(
        LambdaRuntime.event("powertools-java__sqs_fifo_event.json"))).getRecords();
    assertEquals(List.of(new Product(1234, "product", new BigDecimal("42")),
        new Product(12345, "product5", new BigDecimal("45")),
        new Product(123456, "product6", new BigDecimal("46"))),
        fifo.stream().map(m -> ProductJsonReader.fromJson(m.getBody())).toList());
    SQSEvent.SQSMessage product = SqsEventJson.read(new ByteArrayInputStream(
        LambdaRuntime.event("java__sqs_event_product.json"))).getRecords().get(0);
    assertEquals(new Product(1234, "Product1234", new BigDecimal("450")),
        ProductJsonReader.fromJson(product.getBody()));
  }

  @Test
  void theDataOfRealKinesisEvents() throws IOException {
    List<KinesisEvent.KinesisEventRecord> records = KinesisEventJson.read(
        new ByteArrayInputStream(LambdaRuntime.event("powertools-java__kinesis_event.json")))
        .getRecords();
    AttributePath root = AttributePath.root("product");
    assertEquals(new Product(1234, "product", new BigDecimal("42")), JsonValues.read(
        records.get(0).getKinesis().getData(), root, ProductJsonReader::read));
    assertEquals(new Product(12345, "product5", new BigDecimal("45")), JsonValues.read(
        records.get(1).getKinesis().getData(), root, ProductJsonReader::read));
    assertEquals(0, records.get(0).getKinesis().getData().position());
  }

  @Test
  void aFailurePlacedInItsMessageNamesTheMessageAndThePath() throws IOException {
    String body = "{\"id\": 7, \"price\": \"cheap\"}";
    MappingException failure =
        assertThrows(MappingException.class, () -> ProductJsonReader.fromJson(body));
    MappingException placed = failure.inMessage("body", "059f36b4-87a3-44ab-83d2-661975830a7d");
    assertEquals("Cannot map the body of the message with id"
        + " 059f36b4-87a3-44ab-83d2-661975830a7d: product.price: expected a number"
        + " (BigDecimal), found string \"cheap\"", placed.getMessage());
    assertEquals("product.price", placed.path());
    assertEquals("059f36b4-87a3-44ab-83d2-661975830a7d", placed.messageId());
    assertNull(placed.sequenceNumber());
    assertSame(failure, placed.getCause());

    MappingException data = assertThrows(MappingException.class,
        () -> ProductJsonReader.fromJson("{\"name\": \"no id\"}")).inRecord("data", "4954");
    assertEquals("Cannot map the data of the record with sequence number 4954: product.id:"
        + " expected a value (long), found no field", data.getMessage());
    assertEquals("4954", data.sequenceNumber());
    assertNull(data.messageId());

    assertEquals("product: expected an object (Product), found string \"Test message.\"",
        assertThrows(MappingException.class,
            () -> ProductJsonReader.fromJson("\"Test message.\"")).getMessage());
    assertEquals("order.lines[1].qty: expected a number (int), found string \"2\"",
        assertThrows(MappingException.class, () -> JsonValues.read(
            "{\"lines\": [{\"qty\": 1}, {\"qty\": \"2\"}]}", AttributePath.root("order"),
            OrderJsonReader::read)).getMessage());
    assertEquals("order.status: expected a string naming a constant of Status (NEW, SHIPPED),"
        + " found string \"LOST\"", assertThrows(MappingException.class,
            () -> JsonValues.read("{\"status\": \"LOST\"}", AttributePath.root("order"),
                OrderJsonReader::read)).getMessage());
  }

  @Test
  void randomValuesWrittenAsJsonReadBackEqual() throws IOException {
    Fuzz fuzz = new Fuzz(51);
    JsonFactory factory = new JsonFactory();
    for (int i = 0; i < 300; i++) {
      Order order = randomOrder(fuzz);
      StringWriter text = new StringWriter();
      try (JsonGenerator json = factory.createGenerator(text)) {
        write(json, order, fuzz);
      }
      Order read = JsonValues.read(text.toString(), AttributePath.root("order"),
          OrderJsonReader::read);
      assertEquals(order, read, text.toString());
    }
  }

  static Order randomOrder(Fuzz fuzz) {
    List<Line> lines = null;
    if (fuzz.chance(80)) {
      lines = new ArrayList<>();
      for (int l = fuzz.between(0, 3); l > 0; l--) {
        lines.add(fuzz.chance(5) ? null : new Line(fuzz.chance(10) ? null : fuzz.text(),
            fuzz.pick(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, fuzz.between(1, 100))));
      }
    }
    Map<String, Integer> counts = null;
    if (fuzz.chance(80)) {
      counts = new LinkedHashMap<>();
      for (int c = fuzz.between(0, 3); c > 0; c--) {
        counts.put(fuzz.text() + c, fuzz.chance(10) ? null : fuzz.between(-5, 5));
      }
    }
    Instant at = fuzz.chance(10) ? null
        : Instant.ofEpochSecond(fuzz.between(0, 2_000_000_000), fuzz.between(0, 999_999_999));
    return new Order(
        fuzz.chance(10) ? null : new UUID(fuzz.nextLong(), fuzz.nextLong()),
        fuzz.chance(10) ? null : fuzz.pick(Status.values()),
        at,
        fuzz.chance(50),
        fuzz.chance(10) ? null : fuzz.pick(0.1, -0.0, Double.MAX_VALUE, Double.MIN_VALUE,
            fuzz.nextDouble() * 1e6),
        fuzz.chance(10) ? null : fuzz.bytes(),
        lines,
        counts);
  }

  /** Writes {@code order} as a sender might: instants as text or epoch seconds, fields shuffled. */
  static void write(JsonGenerator json, Order order, Fuzz fuzz) throws IOException {
    json.writeStartObject();
    if (fuzz.chance(20)) {
      json.writeFieldName("unknown");
      json.writeRawValue("{\"nested\": [1, {\"deep\": null}]}");
    }
    json.writeFieldName("ref");
    if (order.ref() == null) {
      json.writeNull();
    } else {
      json.writeString(order.ref().toString());
    }
    if (order.status() != null || fuzz.chance(50)) {
      json.writeFieldName("status");
      json.writeString(order.status() == null ? null : order.status().name());
    }
    if (order.at() != null) {
      json.writeFieldName("at");
      if (fuzz.chance(50)) {
        json.writeString(order.at().toString());
      } else {
        json.writeNumber(new BigDecimal(order.at().getEpochSecond())
            .add(BigDecimal.valueOf(order.at().getNano(), 9)));
      }
    }
    json.writeBooleanField("gift", order.gift());
    if (order.weight() != null) {
      json.writeNumberField("weight", order.weight());
    }
    if (order.label() != null) {
      json.writeFieldName("label");
      json.writeString(Fuzz.base64(order.label()));
    }
    if (order.lines() != null) {
      json.writeArrayFieldStart("lines");
      for (Line line : order.lines()) {
        if (line == null) {
          json.writeNull();
          continue;
        }
        json.writeStartObject();
        json.writeNumberField("qty", line.qty());
        json.writeStringField("sku", line.sku());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (order.counts() != null) {
      json.writeObjectFieldStart("counts");
      for (Map.Entry<String, Integer> count : order.counts().entrySet()) {
        json.writeFieldName(count.getKey());
        if (count.getValue() == null) {
          json.writeNull();
        } else {
          json.writeNumber(count.getValue());
        }
      }
      json.writeEndObject();
    }
    json.writeEndObject();
  }
}
