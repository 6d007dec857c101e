package dev.laconic.local.poller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a mapping sends what it discards: the invocation record Lambda sends to an on-failure
 * destination (SQS, SNS), with the batch's shard and sequence range in {@code DDBStreamBatchInfo}
 * but not the records themselves.
 */
public interface FailureSink {

  /** Receives one discarded batch's invocation record. */
  void discarded(JsonNode invocationRecord);

  /** Prints each record as one JSON line through {@code output}. */
  static FailureSink printing(Consumer<String> output) {
    return record -> output.accept("ON FAILURE " + record);
  }

  /** Appends each record as one JSON line to {@code file}. */
  static FailureSink file(Path file) {
    ObjectMapper json = new ObjectMapper();
    return record -> {
      try {
        synchronized (FailureSink.class) {
          Files.write(file, (json.writeValueAsString(record) + "\n")
              .getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Sends each record to every sink in turn. */
  static FailureSink all(List<FailureSink> sinks) {
    List<FailureSink> copy = List.copyOf(sinks);
    return record -> copy.forEach(sink -> sink.discarded(record));
  }

  /** Keeps the records in memory, for tests and for code that runs the mappings itself. */
  final class InMemory implements FailureSink {

    private final List<JsonNode> records = new ArrayList<>();

    @Override
    public synchronized void discarded(JsonNode invocationRecord) {
      records.add(invocationRecord);
    }

    /** The records received so far, oldest first. */
    public synchronized List<JsonNode> records() {
      return List.copyOf(records);
    }
  }
}
