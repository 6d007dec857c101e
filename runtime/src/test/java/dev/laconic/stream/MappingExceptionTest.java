package dev.laconic.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import org.junit.jupiter.api.Test;

class MappingExceptionTest {

  private static final AttributePath QTY =
      AttributePath.root("order").child("lines").index(2).child("qty");

  @Test
  void messageStartsWithThePath() {
    MappingException e = new MappingException(QTY, "expected N (int), found S \"two\"");

    assertEquals("order.lines[2].qty: expected N (int), found S \"two\"", e.getMessage());
    assertEquals("order.lines[2].qty", e.path());
    assertNull(e.sequenceNumber());
    assertNull(e.getCause());
  }

  @Test
  void inRecordPlacesTheFailureInTheImageAndRecord() {
    MappingException original = new MappingException(QTY, "expected N (int), found S \"two\"");

    MappingException placed = original.inRecord("NewImage", "123");

    assertEquals("Cannot map the NewImage of the record with sequence number 123: "
        + "order.lines[2].qty: expected N (int), found S \"two\"", placed.getMessage());
    assertEquals("order.lines[2].qty", placed.path());
    assertEquals("123", placed.sequenceNumber());
    assertSame(original, placed.getCause());
  }

  @Test
  void inRecordKeepsTheOriginalStackTrace() {
    MappingException original = assertThrows(MappingException.class,
        () -> Attributes.requireInt(new AttributeValue().withS("two"), QTY));

    MappingException placed = original.inRecord("OldImage", "4421584500000000017450439091");

    assertArrayEquals(original.getStackTrace(), placed.getStackTrace());
    assertEquals(Attributes.class.getName(), placed.getStackTrace()[0].getClassName());
    assertEquals("Cannot map the OldImage of the record with sequence number "
        + "4421584500000000017450439091: order.lines[2].qty: expected N (int), found S \"two\"",
        placed.getMessage());
  }

  @Test
  void inRecordLeavesTheOriginalUnchanged() {
    MappingException original = new MappingException(QTY, "expected N (int), found NULL");

    original.inRecord("NewImage", "9");

    assertEquals("order.lines[2].qty: expected N (int), found NULL", original.getMessage());
    assertNull(original.sequenceNumber());
    assertNull(original.getCause());
  }

  @Test
  void inMessagePlacesTheFailureInTheMessage() {
    MappingException original = new MappingException(QTY, "expected a number (int), found null");

    MappingException placed = original.inMessage("body", "MessageID_1");

    assertEquals("Cannot map the body of the message with id MessageID_1: order.lines[2].qty:"
        + " expected a number (int), found null", placed.getMessage());
    assertEquals("order.lines[2].qty", placed.path());
    assertEquals("MessageID_1", placed.messageId());
    assertNull(placed.sequenceNumber());
    assertSame(original, placed.getCause());
    assertArrayEquals(original.getStackTrace(), placed.getStackTrace());
    assertNull(original.messageId());
  }
}
