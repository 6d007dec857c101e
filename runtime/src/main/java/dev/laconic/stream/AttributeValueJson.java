package dev.laconic.stream;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * An attribute value of the events library as DynamoDB JSON, as the Lambda runtime writes it:
 * each member that is set under its type's name, a number as its string, binary as base64. For
 * {@link ItemJson}, which writes an item in its own order, and for the logged fields of
 * {@code dev.laconic.logging}, which sort a map's keys.
 */
public final class AttributeValueJson {

  /** Writes the {@code M} member of a value, which each caller orders its own way. */
  @FunctionalInterface
  public interface MapWriter {
    void write(JsonGenerator json, Map<String, AttributeValue> map) throws IOException;

    /**
     * Writes an element of an {@code L} member: as {@link AttributeValueJson#write} does, unless
     * the caller counts the depth of the value (a list that holds itself).
     */
    default void writeElement(JsonGenerator json, AttributeValue element) throws IOException {
      AttributeValueJson.write(json, element, this);
    }
  }

  private AttributeValueJson() {}

  /**
   * Writes {@code value}, or {@code null}; its maps, at any depth, and the elements of its lists
   * by {@code maps}.
   */
  public static void write(JsonGenerator json, AttributeValue value, MapWriter maps)
      throws IOException {
    if (value == null) {
      json.writeNull();
      return;
    }
    json.writeStartObject();
    if (value.getS() != null) {
      json.writeStringField("S", value.getS());
    }
    if (value.getN() != null) {
      json.writeStringField("N", value.getN());
    }
    if (value.getB() != null) {
      json.writeFieldName("B");
      writeBinary(json, value.getB());
    }
    writeTexts(json, "SS", value.getSS());
    writeTexts(json, "NS", value.getNS());
    if (value.getBS() != null) {
      json.writeArrayFieldStart("BS");
      for (ByteBuffer member : value.getBS()) {
        writeBinary(json, member);
      }
      json.writeEndArray();
    }
    if (value.getM() != null) {
      json.writeFieldName("M");
      maps.write(json, value.getM());
    }
    if (value.getL() != null) {
      json.writeArrayFieldStart("L");
      for (AttributeValue element : value.getL()) {
        maps.writeElement(json, element);
      }
      json.writeEndArray();
    }
    if (value.getNULL() != null) {
      json.writeBooleanField("NULL", value.getNULL());
    }
    if (value.getBOOL() != null) {
      json.writeBooleanField("BOOL", value.getBOOL());
    }
    json.writeEndObject();
  }

  /** Base64 of the buffer's remaining bytes, leaving its position alone; {@code null} for none. */
  public static void writeBinary(JsonGenerator json, ByteBuffer buffer) throws IOException {
    if (buffer == null) {
      json.writeNull();
      return;
    }
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    json.writeBinary(bytes);
  }

  private static void writeTexts(JsonGenerator json, String type, List<String> texts)
      throws IOException {
    if (texts != null) {
      json.writeArrayFieldStart(type);
      for (String text : texts) {
        json.writeString(text);
      }
      json.writeEndArray();
    }
  }
}
