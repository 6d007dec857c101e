package dev.laconic.local.poller;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where discarded batches go: a JSON-lines file, the output, memory, or several of them. */
class FailureSinkTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everySinkOfAllReceivesEachRecordAndTheFileGetsOneLineEach(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("failures.jsonl");
    List<String> printed = new ArrayList<>();
    FailureSink.InMemory memory = new FailureSink.InMemory();
    FailureSink sink = FailureSink.all(
        List.of(FailureSink.file(file), FailureSink.printing(printed::add), memory));
    JsonNode first = JSON.readTree("{\"DDBStreamBatchInfo\": {\"batchSize\": 1}}");
    JsonNode second = JSON.readTree("{\"DDBStreamBatchInfo\": {\"batchSize\": 2}}");

    sink.discarded(first);
    sink.discarded(second);

    assertEquals(List.of("{\"DDBStreamBatchInfo\":{\"batchSize\":1}}",
        "{\"DDBStreamBatchInfo\":{\"batchSize\":2}}"), Files.readAllLines(file));
    assertEquals(List.of("ON FAILURE {\"DDBStreamBatchInfo\":{\"batchSize\":1}}",
        "ON FAILURE {\"DDBStreamBatchInfo\":{\"batchSize\":2}}"), printed);
    assertEquals(List.of(first, second), memory.records());
  }
}
