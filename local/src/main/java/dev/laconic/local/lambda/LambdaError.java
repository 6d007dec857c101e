package dev.laconic.local.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A function error as the Lambda Java runtime reports it, and as {@code Invoke} returns it:
 * {@code {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}}.
 *
 * @param errorMessage the exception's message, or its class name when it has none
 * @param errorType the exception's class name; null for some errors of the runtime's own (an
 *     invalid handler setting), which Lambda reports without a type
 * @param stackTrace the exception's frames ({@code StackTraceElement.toString()}), cut where the
 *     runtime's own frames start; empty for errors raised by the runtime itself, absent for a
 *     handler that could not be loaded (the runtime reports those without frames)
 */
public record LambdaError(String errorMessage, String errorType,
    Optional<List<String>> stackTrace) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The package whose frames end the reported stack trace, as the runtime's own do on Lambda. */
  private static final String RUNTIME_PACKAGE = LambdaError.class.getPackageName() + ".";

  public LambdaError {
    stackTrace = stackTrace.map(List::copyOf);
  }

  /**
   * The error Lambda reports for {@code thrown}: the runtime's {@code LambdaErrorConverter}. The
   * runtime first removes its own frames from the throwable, its causes and suppressed ones
   * ({@code UserFault.filterStackTrace}); so does this, with the frames of this package.
   */
  public static LambdaError of(Throwable thrown) {
    filterStackTrace(thrown, new HashSet<>());
    List<String> frames = new ArrayList<>();
    for (StackTraceElement frame : thrown.getStackTrace()) {
      frames.add(frame.toString());
    }
    return new LambdaError(messageOf(thrown), thrown.getClass().getName(), Optional.of(frames));
  }

  /** The JSON Lambda returns for this error, on one line. */
  public String toJson() {
    ObjectNode json = JSON.createObjectNode();
    json.put("errorMessage", errorMessage);
    if (errorType != null) {
      json.put("errorType", errorType);
    }
    stackTrace.ifPresent(frames -> {
      ArrayNode array = json.putArray("stackTrace");
      frames.forEach(array::add);
    });
    return json.toString();
  }

  static String messageOf(Throwable thrown) {
    return thrown.getLocalizedMessage() == null ? thrown.getClass().getName()
        : thrown.getLocalizedMessage();
  }

  /** Cuts each trace at its first frame of this package, as the runtime cuts at its own. */
  static <T extends Throwable> T filterStackTrace(T thrown, Set<Throwable> visited) {
    if (!visited.add(thrown)) {
      return thrown;
    }
    StackTraceElement[] trace = thrown.getStackTrace();
    for (int i = 0; i < trace.length; i++) {
      if (trace[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
        thrown.setStackTrace(java.util.Arrays.copyOf(trace, i));
        break;
      }
    }
    if (thrown.getCause() != null) {
      filterStackTrace(thrown.getCause(), visited);
    }
    for (Throwable suppressed : thrown.getSuppressed()) {
      filterStackTrace(suppressed, visited);
    }
    return thrown;
  }
}
