package dev.laconic.local.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.laconic.local.InvokeResult;
import dev.laconic.local.LocalInvoker;
import dev.laconic.local.app.Application;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A function's {@code LoggingConfig} as the local invocation honours it: JSON records as the
 * runtime writes them, filtered by {@code ApplicationLogLevel}, and {@code StructuredLog} lines
 * in the same format; Text as the runtime writes it.
 */
class LoggingConfigInvokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The runtime's timestamp, UTC to the millisecond with a literal Z. */
  private static final Pattern TIMESTAMP = Pattern.compile(
      "^\\{\"timestamp\":\"(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z)\"");

  private final List<String> output = new ArrayList<>();

  @Test
  void jsonRecordsAreTheRuntimesAndDebugLetsDebugThrough() throws Exception {
    InvokeResult result = invoke("JsonDebugFunction", "{}");
    assertEquals(List.of(
        record("no level", "UNDEFINED", ""),
        record("at DEBUG", "DEBUG", ""),
        record("at INFO", "INFO", ""),
        record("at WARN", "WARN", ""),
        record("at ERROR", "ERROR", ""),
        record("at FATAL", "FATAL", ""),
        "raw \"bytes\" at DEBUG",
        record("Request received", "INFO", ",\"RequestID\":\"ID\""),
        record("DynamoDb Event", "DEBUG", ",\"Keys\":{\"pk\":{\"S\":\"o-1\"}},"
            + "\"NewImage\":{\"pk\":{\"S\":\"o-1\"},\"total\":{\"N\":\"59.9\"}}"),
        record("clash", "WARN", ",\"fields.level\":\"mine\"")),
        normalized("JsonDebugFunction", result));
    assertEquals(output, result.logs(), "each line prefixed with the logical id, as in Text");
  }

  @Test
  void warnDropsWhatIsBelowItButNeverALineWithoutLevel() throws Exception {
    InvokeResult result = invoke("JsonWarnFunction", "{}");
    assertEquals(List.of(
        record("no level", "UNDEFINED", ""),
        record("at WARN", "WARN", ""),
        record("at ERROR", "ERROR", ""),
        record("at FATAL", "FATAL", ""),
        record("clash", "WARN", ",\"fields.level\":\"mine\"")),
        normalized("JsonWarnFunction", result));
  }

  @Test
  void jsonWithoutLevelIsInfo() throws Exception {
    List<String> lines = normalized("JsonFunction", invoke("JsonFunction", "{}"));
    assertEquals(List.of("no level", "at INFO", "at WARN", "at ERROR", "at FATAL",
        "Request received", "clash"), messages(lines));
  }

  @Test
  void aFunctionErrorIsLoggedAtErrorAsTheRuntimeLogsIt() throws Exception {
    InvokeResult result = invoke("JsonWarnFunction", "\"fail\"");
    String last = strip("JsonWarnFunction", result.logs().get(result.logs().size() - 1));
    JsonNode record = JSON.readTree(last);
    assertEquals("ERROR", record.get("level").asText(), last);
    assertTrue(record.get("message").asText().startsWith(
        "java.lang.IllegalStateException: failed as asked"), last);
  }

  /**
   * The runtime logs the fault it reports through the function's logger, at ERROR in JSON and
   * without a level in Text: FATAL drops it, as any record below the level, and Text keeps it.
   */
  @Test
  void aFunctionErrorIsFilteredAsAnyErrorRecordAndUnformattedInText() throws Exception {
    InvokeResult fatal = invoke("JsonFatalFunction", "\"fail\"");
    assertEquals(List.of(record("no level", "UNDEFINED", ""), record("at FATAL", "FATAL", "")),
        normalized("JsonFatalFunction", fatal), "no record of the fault");
    InvokeResult text = invoke("TextFunction", "\"fail\"");
    String last = strip("TextFunction", text.logs().get(text.logs().size() - 1));
    assertTrue(last.startsWith("java.lang.IllegalStateException: failed as asked"), last);
  }

  @Test
  void textIsTheRuntimesTextWithLevelsAndNothingFiltered() {
    InvokeResult result = invoke("TextFunction", "{}");
    String prefix = "[TextFunction] ";
    assertEquals(List.of(
        prefix + "no level",
        prefix + "[TRACE] at TRACE",
        prefix + "[DEBUG] at DEBUG",
        prefix + "[INFO] at INFO",
        prefix + "[WARN] at WARN",
        prefix + "[ERROR] at ERROR",
        prefix + "[FATAL] at FATAL",
        prefix + "raw \"bytes\" at DEBUG",
        prefix + "[INFO] Request received RequestID=\"" + result.requestId() + "\"",
        prefix + "[DEBUG] DynamoDb Event Keys={\"pk\":{\"S\":\"o-1\"}}"
            + " NewImage={\"pk\":{\"S\":\"o-1\"},\"total\":{\"N\":\"59.9\"}}",
        prefix + "[WARN] clash level=\"mine\""), result.logs());
  }

  /** A record as the runtime writes it, with {@code T} for the timestamp, {@code ID} for the id. */
  private static String record(String message, String level, String fields) {
    return "{\"timestamp\":\"T\",\"message\":\"" + message + "\",\"level\":\"" + level
        + "\",\"AWSRequestId\":\"ID\"" + fields + "}";
  }

  /**
   * The lines without their prefix; in each record the timestamp, checked to be now in UTC, as
   * {@code T}, and the request id as {@code ID}. Every record is one JSON object.
   */
  private static List<String> normalized(String function, InvokeResult result)
      throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : result.logs()) {
      String text = strip(function, line);
      Matcher timestamp = TIMESTAMP.matcher(text);
      if (timestamp.find()) {
        JSON.readTree(text); // one JSON object, or this throws
        Instant at = Instant.parse(timestamp.group(1));
        assertTrue(Duration.between(at, Instant.now()).abs().toMinutes() < 5,
            "UTC, not local time: " + text);
        text = "{\"timestamp\":\"T\"" + text.substring(timestamp.end());
      }
      lines.add(text.replace(result.requestId(), "ID"));
    }
    return lines;
  }

  private static List<String> messages(List<String> records) throws Exception {
    List<String> messages = new ArrayList<>();
    for (String record : records) {
      messages.add(JSON.readTree(record).get("message").asText());
    }
    return messages;
  }

  private static String strip(String function, String line) {
    String prefix = "[" + function + "] ";
    assertTrue(line.startsWith(prefix), line);
    return line.substring(prefix.length());
  }

  private InvokeResult invoke(String function, String event) {
    try (LocalInvoker invoker = LocalInvoker.builder(Application.fromTemplate(
        Path.of(getClass().getResource("/logging/template.json").toURI())))
        .output(output::add).build()) {
      return invoker.invoke(function, event.getBytes(StandardCharsets.UTF_8));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
