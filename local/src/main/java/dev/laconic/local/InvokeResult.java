package dev.laconic.local;

import dev.laconic.local.lambda.LambdaError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What one invocation returned, as Lambda's {@code Invoke} returns it: the payload, and whether
 * it is a function error.
 *
 * @param logicalId the function invoked
 * @param requestId the invocation's {@code Context.getAwsRequestId()}
 * @param payload the response bytes as the runtime wrote them (the handler's own bytes, its
 *     response serialized, or {@code null} for a {@code void} handler), or the error JSON
 * @param functionError the error, when the function failed (Lambda's {@code FunctionError:
 *     Unhandled})
 * @param logs the lines the function and the runtime logged, in order
 */
public record InvokeResult(String logicalId, String requestId, byte[] payload,
    Optional<LambdaError> functionError, List<String> logs) {

  public InvokeResult {
    payload = payload.clone();
    logs = List.copyOf(logs);
  }

  static InvokeResult failed(String logicalId, String requestId, LambdaError error,
      List<String> logs) {
    return new InvokeResult(logicalId, requestId,
        error.toJson().getBytes(StandardCharsets.UTF_8), Optional.of(error), logs);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** Whether the function returned normally. */
  public boolean succeeded() {
    return functionError.isEmpty();
  }

  /** The payload as UTF-8 text. */
  public String payloadText() {
    return new String(payload, StandardCharsets.UTF_8);
  }
}
