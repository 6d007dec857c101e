package dev.laconic.logging;

import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines {@link StructuredLog} writes: a JSON object with Lambda's keys and then the fields,
 * or {@code message Key=value ...} for the Text format.
 *
 * <p>Strings are escaped as the runtime's Gson writer escapes them (control characters as
 * {@code \n} or {@code \u001f}, in lower case, U+2028 and U+2029 escaped, no HTML escaping), so a
 * record without fields is the runtime's own record byte for byte.
 */
final class LogLines {

  /**
   * The keys of the runtime's own record, in the order it writes them (the fields of its
   * {@code StructuredLogMessage}). A field of the same name is written as {@code fields.<name>},
   * as logrus writes a field that clashes with its {@code time}, {@code msg} or {@code level}.
   */
  static final String TIMESTAMP = "timestamp";
  static final String MESSAGE = "message";
  static final String LEVEL = "level";
  static final String REQUEST_ID = "AWSRequestId";
  static final String TENANT_ID = "tenantId";
  static final String CLASH_PREFIX = "fields.";

  /** Written, with the failure, instead of the fields when they could not be written. */
  static final String FIELDS_ERROR = "fieldsError";

  private static final JsonFactory JSON = new JsonFactoryBuilder()
      .characterEscapes(new GsonEscapes())
      // Text lines write several values one after another, with their own separators.
      .rootValueSeparator((String) null)
      .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
      .build();

  private LogLines() {}

  /** One JSON record, with its trailing newline as the runtime ends each record. */
  static String json(String timestamp, String message, LogLevel level, String requestId,
      String tenantId, Map<String, ?> fields) {
    try {
      return json(timestamp, message, level, requestId, tenantId, fields, null);
    } catch (RuntimeException | StackOverflowError e) {
      // A collection that changed while written, say: the message must still be logged.
      return json(timestamp, message, level, requestId, tenantId, null, e);
    }
  }

  /** {@code message Key=value Key=value}, each value as compact JSON, the keys sorted. */
  static String text(String message, Map<String, ?> fields) {
    try {
      return text(message, fields, null);
    } catch (RuntimeException | StackOverflowError e) {
      return text(message, null, e);
    }
  }

  private static String json(String timestamp, String message, LogLevel level,
      String requestId, String tenantId, Map<String, ?> fields, Throwable fieldsError) {
    StringWriter out = new StringWriter(128);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      // Gson leaves out null members; so does this, for the same record.
      writeStringField(json, TIMESTAMP, timestamp);
      writeStringField(json, MESSAGE, message);
      writeStringField(json, LEVEL, level == null ? null : level.name());
      writeStringField(json, REQUEST_ID, requestId);
      writeStringField(json, TENANT_ID, tenantId);
      if (fields != null) {
        for (Map.Entry<String, Object> field : jsonNames(fields).entrySet()) {
          json.writeFieldName(field.getKey());
          FieldValues.write(json, field.getValue(), 0);
        }
      }
      if (fieldsError != null) {
        json.writeStringField(FIELDS_ERROR, FieldValues.text(fieldsError));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter throws none
    }
    return out.append('\n').toString();
  }

  private static String text(String message, Map<String, ?> fields, Throwable fieldsError) {
    StringWriter out = new StringWriter(128);
    out.write(String.valueOf(message));
    try (JsonGenerator json = JSON.createGenerator(out)) {
      if (fields != null) {
        for (Map.Entry<String, Object> field : sorted(fields).entrySet()) {
          json.writeRaw(' ');
          json.writeRaw(field.getKey());
          json.writeRaw('=');
          FieldValues.write(json, field.getValue(), 0);
        }
      }
      if (fieldsError != null) {
        json.writeRaw(" " + FIELDS_ERROR + "=");
        json.writeString(FieldValues.text(fieldsError));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writeStringField(JsonGenerator json, String name, String value)
      throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  /** The fields by name, sorted, as logrus sorts them. */
  private static TreeMap<String, Object> sorted(Map<String, ?> fields) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    for (Map.Entry<String, ?> field : fields.entrySet()) {
      sorted.put(FieldValues.text(field.getKey()), field.getValue());
    }
    return sorted;
  }

  /** The fields by the name they take in a JSON record: Lambda's keys prefixed, then sorted. */
  private static TreeMap<String, Object> jsonNames(Map<String, ?> fields) {
    TreeMap<String, Object> named = sorted(fields);
    for (String key : new String[] {TIMESTAMP, MESSAGE, LEVEL, REQUEST_ID, TENANT_ID}) {
      if (named.containsKey(key)) {
        Object value = named.remove(key);
        String name = CLASH_PREFIX + key;
        while (named.containsKey(name)) {
          name = CLASH_PREFIX + name; // a field named fields.level as well as one named level
        }
        named.put(name, value);
      }
    }
    return named;
  }

  /** The escapes Gson's writer adds to JSON's own: the two line terminators of JavaScript. */
  private static final class GsonEscapes extends CharacterEscapes {

    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializableString PARAGRAPH_SEPARATOR =
        new SerializedString("\\u2029");
    private final int[] ascii = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return ch == '\u2028' ? LINE_SEPARATOR : ch == '\u2029' ? PARAGRAPH_SEPARATOR : null;
    }
  }
}
