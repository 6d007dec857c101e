package dev.laconic.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.amazonaws.services.lambda.runtime.serialization.factories.GsonFactory;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StructuredLogTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-05-01T12:00:00.123Z"), ZoneOffset.UTC);
  private static final String KEYS = "{\"timestamp\":\"2024-05-01T12:00:00.123Z\"";
  private static final String REQUEST = "8f5c7d1e-0000-4000-8000-000000000001";

  private final RecordingLogger jsonLogger = new RecordingLogger(LogFormat.JSON, LogLevel.TRACE);
  private final StructuredLog json = log(jsonLogger, LogFormat.JSON);
  private final RecordingLogger textLogger = new RecordingLogger(LogFormat.TEXT, LogLevel.TRACE);
  private final StructuredLog text = log(textLogger, LogFormat.TEXT);

  private static StructuredLog log(LambdaLogger logger, LogFormat format) {
    return new StructuredLog(logger, format, LogLevel.UNDEFINED, REQUEST, null, CLOCK);
  }

  /** The runtime's record, written by its own Gson with the runtime's message class's fields. */
  @SuppressWarnings("unused")
  static final class RuntimeRecord {
    public String timestamp;
    public String message;
    public LogLevel level;
    public String AWSRequestId;
    public String tenantId;
  }

  private static String runtimeRecord(String message, LogLevel level, String tenantId) {
    RuntimeRecord record = new RuntimeRecord();
    record.timestamp = "2024-05-01T12:00:00.123Z";
    record.message = message;
    record.level = level;
    record.AWSRequestId = REQUEST;
    record.tenantId = tenantId;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GsonFactory.getInstance().getSerializer(RuntimeRecord.class).toJson(record, out);
    out.write('\n');
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRecordWithoutFieldsIsTheRuntimesOwnByteForByte() {
    StringBuilder everyControl = new StringBuilder();
    for (char c = 0; c < 0x20; c++) {
      everyControl.append(c);
    }
    List<String> messages = List.of("Request received", "", everyControl.toString(),
        "quote \" backslash \\ slash / html <a href='x'>&amp;=</a>",
        "caf\u00e9 \u4e2d\u6587 \ud83d\ude00 \u007f \u2028 \u2029 \ufeff",
        "lone \ud83d surrogate", "multi\nline\r\ntrace\tend");
    for (String message : messages) {
      RecordingLogger logger = new RecordingLogger(LogFormat.JSON, LogLevel.TRACE);
      new StructuredLog(logger, LogFormat.JSON, LogLevel.UNDEFINED, REQUEST, null, CLOCK)
          .warn(message);
      assertEquals(runtimeRecord(message, LogLevel.WARN, null),
          logger.calls.get(0).text(), message);
    }
    RecordingLogger tenant = new RecordingLogger(LogFormat.JSON, LogLevel.TRACE);
    new StructuredLog(tenant, LogFormat.JSON, LogLevel.UNDEFINED, REQUEST, "tenant-1", CLOCK)
        .info(null);
    assertEquals(runtimeRecord(null, LogLevel.INFO, "tenant-1"), tenant.calls.get(0).text(),
        "a null member left out, as Gson leaves it");
  }

  @Test
  void jsonWritesLambdasKeysThenTheFieldsSortedThroughTheBytesForm() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("b", 2);
    fields.put("RequestID", REQUEST);
    fields.put("a", "x");
    fields.put("Zed", true);
    json.info("Request received", fields);

    RecordingLogger.Call call = jsonLogger.calls.get(0);
    assertTrue(call.bytes(), "written as bytes, which the runtime leaves unformatted");
    assertEquals(LogLevel.INFO, call.level());
    assertEquals(KEYS + ",\"message\":\"Request received\",\"level\":\"INFO\",\"AWSRequestId\":\""
        + REQUEST + "\",\"RequestID\":\"" + REQUEST + "\",\"Zed\":true,\"a\":\"x\",\"b\":2}\n",
        call.text());
  }

  @Test
  void aFieldNamedLikeALambdaKeyIsPrefixedNotLost() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("level", "mine");
    fields.put("fields.level", "also mine");
    fields.put("message", "m");
    fields.put("timestamp", 1);
    fields.put("AWSRequestId", "r");
    fields.put("tenantId", "t");
    json.error("clash", fields);

    assertEquals(KEYS + ",\"message\":\"clash\",\"level\":\"ERROR\",\"AWSRequestId\":\"" + REQUEST
        + "\",\"fields.AWSRequestId\":\"r\",\"fields.fields.level\":\"mine\","
        + "\"fields.level\":\"also mine\",\"fields.message\":\"m\",\"fields.tenantId\":\"t\","
        + "\"fields.timestamp\":1}\n", jsonLogger.calls.get(0).text());
    text.error("clash", Map.of("level", "mine"));
    assertEquals("clash level=\"mine\"", textLogger.calls.get(0).text(),
        "a text line has no keys of Lambda's to clash with");
  }

  @Test
  void attributeValuesAreWrittenAsDynamoDbJson() {
    AttributeValue all = new AttributeValue();
    all.setM(new LinkedHashMap<>(Map.of(
        "s", new AttributeValue("x"),
        "n", new AttributeValue().withN("1.50"),
        "b", new AttributeValue().withB(ByteBuffer.wrap(new byte[] {1, 2, 3})),
        "ss", new AttributeValue().withSS("a", "b"),
        "ns", new AttributeValue().withNS("1", "2"),
        "bs", new AttributeValue().withBS(ByteBuffer.wrap(new byte[] {(byte) 0xff})),
        "l", new AttributeValue().withL(new AttributeValue().withBOOL(true),
            new AttributeValue().withNULL(true)))));
    Map<String, AttributeValue> keys = Map.of("pk", new AttributeValue("o-1"));
    json.info("DynamoDb Event", Map.of("Keys", keys, "NewImage", Map.of("all", all)));

    assertEquals(KEYS + ",\"message\":\"DynamoDb Event\",\"level\":\"INFO\",\"AWSRequestId\":\""
        + REQUEST + "\",\"Keys\":{\"pk\":{\"S\":\"o-1\"}},\"NewImage\":{\"all\":{\"M\":{"
        + "\"b\":{\"B\":\"AQID\"},\"bs\":{\"BS\":[\"/w==\"]},"
        + "\"l\":{\"L\":[{\"BOOL\":true},{\"NULL\":true}]},\"n\":{\"N\":\"1.50\"},"
        + "\"ns\":{\"NS\":[\"1\",\"2\"]},\"s\":{\"S\":\"x\"},\"ss\":{\"SS\":[\"a\",\"b\"]}}}}}\n",
        jsonLogger.calls.get(0).text());
  }

  enum Status { PAID }

  @Test
  void valuesOfEveryKind() {
    ByteBuffer buffer = ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8));
    buffer.position(1);
    Map<String, Object> nested = new HashMap<>();
    nested.put("z", List.of(1, 2));
    nested.put("a", null);
    Map<String, Object> fields = new TreeMap<>();
    fields.put("big", new BigDecimal("12.3400"));
    fields.put("buffer", buffer);
    fields.put("bytes", new byte[] {0, 1});
    fields.put("double", 1.5);
    fields.put("enum", Status.PAID);
    fields.put("ints", new int[] {1, 2});
    fields.put("long", Long.MAX_VALUE);
    fields.put("nan", Double.NaN);
    fields.put("nested", nested);
    fields.put("null", null);
    fields.put("objects", new Object[] {"a", 'c', Optional.of(3)});
    text.info("values", fields);

    assertEquals("values big=12.3400 buffer=\"ZWxsbw==\" bytes=\"AAE=\" double=1.5 enum=\"PAID\""
        + " ints=[1,2] long=9223372036854775807 nan=\"NaN\" nested={\"a\":null,\"z\":[1,2]}"
        + " null=null objects=[\"a\",\"c\",\"Optional[3]\"]", textLogger.calls.get(0).text());
    assertEquals(1, buffer.position(), "the buffer is read without being consumed");
    assertEquals(LogLevel.INFO, textLogger.calls.get(0).level());
    assertFalse(textLogger.calls.get(0).bytes(), "text goes through log(String, LogLevel),"
        + " which adds the [INFO] prefix as for any record");
  }

  @Test
  void stringsAreEscapedInNamesAndValues() {
    json.info("m", Map.of("k\"\n", "v\u0001\u2028\ud83d\ude00"));
    assertEquals(KEYS + ",\"message\":\"m\",\"level\":\"INFO\",\"AWSRequestId\":\"" + REQUEST
        + "\",\"k\\\"\\n\":\"v\\u0001\\u2028\ud83d\ude00\"}\n", jsonLogger.calls.get(0).text());
  }

  @Test
  void aValueThatFailsDoesNotLoseTheLine() {
    Object throwing = new Object() {
      @Override
      public String toString() {
        throw new IllegalStateException("boom");
      }
    };
    Map<String, Object> cycle = new HashMap<>();
    cycle.put("self", cycle);
    Iterable<Object> failing = () -> new java.util.Iterator<>() {
      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Object next() {
        throw new java.util.ConcurrentModificationException();
      }
    };
    AttributeValue cyclicList = new AttributeValue().withL(new ArrayList<>());
    cyclicList.getL().add(cyclicList);
    json.info("kept", Map.of("bad", throwing));
    json.info("kept", Map.of("cycle", cycle));
    json.info("kept", Map.of("failing", failing));
    json.info("kept", Map.of("list", cyclicList, "other", 1));

    List<String> lines = jsonLogger.texts();
    assertTrue(lines.get(0).contains("\"bad\":\"<" + throwing.getClass().getName()
        + ".toString() threw java.lang.IllegalStateException: boom>\"}"), lines.get(0));
    assertTrue(lines.get(1).startsWith(KEYS + ",\"message\":\"kept\"")
        && lines.get(1).contains("{\"self\":{\"self\":"), lines.get(1));
    assertEquals(KEYS + ",\"message\":\"kept\",\"level\":\"INFO\",\"AWSRequestId\":\"" + REQUEST
        + "\",\"fieldsError\":\"java.util.ConcurrentModificationException\"}\n", lines.get(2));
    assertTrue(lines.get(3).contains(",\"list\":{\"L\":[{\"L\":[{\"L\":[")
        && lines.get(3).endsWith("]}]}]},\"other\":1}\n"), "an L that holds itself is cut off"
        + " as a map is, and the other fields are kept: " + lines.get(3));
    text.info("kept", Map.of("failing", failing));
    assertEquals("kept fieldsError=\"java.util.ConcurrentModificationException\"",
        textLogger.calls.get(0).text());
  }

  @Test
  void theLoggersLevelFilterStillApplies() {
    RecordingLogger warnOnly = new RecordingLogger(LogFormat.JSON, LogLevel.WARN);
    StructuredLog log = log(warnOnly, LogFormat.JSON);
    log.debug("dropped", Map.of("a", 1));
    log.info("dropped");
    log.warn("kept");
    log.fatal("kept too", Map.of("a", 1));
    assertEquals(List.of(LogLevel.WARN, LogLevel.FATAL),
        warnOnly.calls.stream().map(RecordingLogger.Call::level).toList());
  }

  @Test
  void onLambdaLinesBelowTheFunctionsLevelAreNotBuilt() {
    RecordingLogger logger = new RecordingLogger(LogFormat.JSON, LogLevel.TRACE);
    StructuredLog log = new StructuredLog(logger, LogFormat.JSON,
        StructuredLog.level("warn"), REQUEST, null, CLOCK);
    assertFalse(log.isEnabled(LogLevel.INFO));
    assertTrue(log.isEnabled(LogLevel.ERROR));
    log.info("skipped");
    log.error("written");
    assertEquals(1, logger.calls.size());
    assertEquals(LogLevel.UNDEFINED, StructuredLog.level(null), "unset: nothing filtered");
    assertEquals(LogFormat.JSON, StructuredLog.format("JSON"));
    assertEquals(LogFormat.TEXT, StructuredLog.format(null));
  }

  @Test
  void ofTakesTheFormatAndRequestIdFromTheContext() {
    StructuredLog.of(new TestContext(jsonLogger)).info("m", Map.of("n", 1));
    StructuredLog.of(new TestContext(textLogger)).info("m", Map.of("n", 1));
    assertTrue(jsonLogger.calls.get(0).text().matches("\\{\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT"
        + "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\",\"message\":\"m\",\"level\":\"INFO\","
        + "\"AWSRequestId\":\"" + REQUEST + "\",\"n\":1}\n"), jsonLogger.calls.get(0).text());
    assertEquals("m n=1", textLogger.calls.get(0).text());
  }

  private record TestContext(LambdaLogger logger) implements Context {
    @Override
    public String getAwsRequestId() {
      return REQUEST;
    }

    @Override
    public String getLogGroupName() {
      return null;
    }

    @Override
    public String getLogStreamName() {
      return null;
    }

    @Override
    public String getFunctionName() {
      return null;
    }

    @Override
    public String getFunctionVersion() {
      return null;
    }

    @Override
    public String getInvokedFunctionArn() {
      return null;
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 0;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 128;
    }

    @Override
    public LambdaLogger getLogger() {
      return logger;
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"2024-05-01T12:00:00.123Z",
      "2024-05-01T12:00:00Z", "1999-12-31T23:59:59.999999999Z", "0042-01-02T03:04:05.006Z",
      "2026-02-28T00:00:00.010Z", "9999-12-31T23:59:59.999Z", "+10000-01-01T00:00:00.001Z",
      "0001-01-01T00:00:00Z", "0000-06-15T01:02:03.004Z", "-0001-01-01T00:00:00Z",
      "1969-12-31T23:59:59.999Z"})
  void timestampsAreWrittenAsTheRuntimesPatternWritesThem(String at) {
    Instant instant = Instant.parse(at);
    assertEquals(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC).format(instant), StructuredLog.timestamp(instant));
  }
}
