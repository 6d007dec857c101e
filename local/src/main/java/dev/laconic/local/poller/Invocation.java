package dev.laconic.local.poller;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One invocation of a function, by a mapping or directly, as a test sees it afterwards: the
 * event it received, what it returned or threw, and the lines it logged.
 *
 * @param function the function's logical id, such as {@code OrderEventsEchoFunction}
 * @param mapping the logical id of the mapping that invoked it; empty for a direct invocation
 * @param requestId the invocation's request id, as the function's {@code Context} had it
 * @param event the event, as the function received it
 * @param response the response the function returned, as JSON (a text node when it is not JSON);
 *     empty when it returned nothing or failed
 * @param error the function error ({@code toString()} of what it threw), when it failed
 * @param logs the lines it logged, without the {@code [LogicalId]} prefix of the runner's output
 */
public record Invocation(String function, Optional<String> mapping, String requestId,
    JsonNode event, Optional<JsonNode> response, Optional<String> error, List<String> logs) {

  public Invocation {
    logs = List.copyOf(logs);
  }

  /** The event's records, in the order the function received them. */
  public List<JsonNode> records() {
    List<JsonNode> records = new ArrayList<>();
    event.path("Records").forEach(records::add);
    return records;
  }

  /** Whether the function returned instead of throwing. */
  public boolean succeeded() {
    return error.isEmpty();
  }

  /**
   * The {@code itemIdentifier}s of the response's {@code batchItemFailures}, in the order the
   * function reported them; empty when it reported none.
   */
  public List<String> batchItemFailures() {
    List<String> identifiers = new ArrayList<>();
    response.ifPresent(body -> body.path("batchItemFailures")
        .forEach(failure -> identifiers.add(failure.path("itemIdentifier").asText())));
    return identifiers;
  }
}
