package dev.laconic.junit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.app.FunctionDefinition;
import dev.laconic.local.poller.Invocation;
import java.util.List;
import java.util.Optional;

/**
 * What one function of the {@link LocalApplication} has received, returned and logged so far;
 * each method reads the invocations as they are when it is called.
 */
public final class FunctionCalls {

  private final FunctionDefinition function;
  private final LocalApplication app;

  FunctionCalls(FunctionDefinition function, LocalApplication app) {
    this.function = function;
    this.app = app;
  }

  /** The function's logical id, such as {@code OrderShippingShipFunction}. */
  public String logicalId() {
    return function.logicalId();
  }

  /** Its invocations, in the order they ended; a retried batch appears once per attempt. */
  public List<Invocation> invocations() {
    return app.invocationsOf(function);
  }

  /**
   * Waits until at least {@code count} invocations of the function have ended, such as the
   * retries of a batch that keeps failing, which {@link LocalApplication#awaitDelivery()} does
   * not wait out.
   *
   * @return its invocations, in the order they ended
   * @throws AssertionError when fewer have ended within the delivery timeout
   */
  public List<Invocation> awaitInvocations(int count) {
    long deadline = System.nanoTime() + app.deliveryTimeout().toNanos();
    List<Invocation> invocations = invocations();
    while (invocations.size() < count) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(function.logicalId() + " was invoked " + invocations.size()
            + " times within " + app.deliveryTimeout().toMillis() + " ms, not " + count + ".");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for " + function.logicalId(), e);
      }
      invocations = invocations();
    }
    return invocations;
  }

  /** The records of every invocation, in order (a retried record once per attempt). */
  public List<JsonNode> records() {
    return invocations().stream().flatMap(i -> i.records().stream()).toList();
  }

  /** The responses it returned, one per invocation that returned one. */
  public List<JsonNode> responses() {
    return invocations().stream().map(Invocation::response).flatMap(Optional::stream).toList();
  }

  /** The errors of its failed invocations ({@code Type: message}). */
  public List<String> errors() {
    return invocations().stream().map(Invocation::error).flatMap(Optional::stream).toList();
  }

  /** The lines it logged, in order, without the {@code [LogicalId]} prefix. */
  public List<String> logs() {
    return invocations().stream().flatMap(i -> i.logs().stream()).toList();
  }

  /**
   * The on-failure invocation records of the batches its mappings gave up on: what their
   * failure destination receives. A mapping without one drops such a batch, as Lambda does; the
   * output says so.
   */
  public List<JsonNode> discardedBatches() {
    String functionArn = app.functionArn(function);
    return app.failures().stream()
        .filter(r -> r.path("requestContext").path("functionArn").asText().equals(functionArn))
        .toList();
  }

  @Override
  public String toString() {
    return function.logicalId() + ": " + invocations().size() + " invocations";
  }
}
