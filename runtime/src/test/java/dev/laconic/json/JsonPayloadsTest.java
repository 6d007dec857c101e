package dev.laconic.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.laconic.stream.AttributePath;
import dev.laconic.stream.MappingException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A payload that does not fit names the record or message it came from. */
class JsonPayloadsTest {

  static int readCount(String json) {
    return JsonValues.read(json, AttributePath.root("order"), (parser, path) -> {
      JsonValues.startObject(parser, path, "Order");
      parser.nextToken(); // the field name
      parser.nextToken();
      int count = JsonValues.requireInt(parser, path.child("count"));
      parser.nextToken();
      return count;
    });
  }

  static int readCountData(ByteBuffer json) {
    return readCount(StandardCharsets.UTF_8.decode(json.duplicate()).toString());
  }

  @Test
  void aBodyThatDoesNotFitNamesItsMessage() {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setMessageId("059f36b4-87a3-44ab-83d2-661975830a7d");
    message.setBody("{\"count\": \"two\"}");
    MappingException e = assertThrows(MappingException.class,
        () -> JsonPayloads.body(message, JsonPayloadsTest::readCount));
    assertEquals("059f36b4-87a3-44ab-83d2-661975830a7d", e.messageId());
    assertEquals("Cannot map the body of the message with id"
        + " 059f36b4-87a3-44ab-83d2-661975830a7d: order.count: expected a number (int), found"
        + " string \"two\"", e.getMessage());
  }

  @Test
  void dataThatDoesNotFitNamesItsRecord() {
    KinesisEvent.KinesisEventRecord record = new KinesisEvent.KinesisEventRecord();
    KinesisEvent.Record kinesis = new KinesisEvent.Record();
    kinesis.setSequenceNumber("4959");
    kinesis.setData(ByteBuffer.wrap("{\"count\": 1.5}".getBytes(StandardCharsets.UTF_8)));
    record.setKinesis(kinesis);
    MappingException e = assertThrows(MappingException.class,
        () -> JsonPayloads.data(record, JsonPayloadsTest::readCountData));
    assertEquals("4959", e.sequenceNumber());
    assertTrue(e.getMessage().startsWith(
        "Cannot map the data of the record with sequence number 4959: order.count:"),
        e.getMessage());
  }

  @Test
  void aBodyThatFitsIsRead() {
    SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
    message.setBody("{\"count\": 2}");
    int count = JsonPayloads.body(message, JsonPayloadsTest::readCount);
    assertEquals(2, count);
  }
}
