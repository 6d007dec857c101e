package dev.laconic.stream;

/**
 * An invocation payload that is not a DynamoDB stream event: invalid JSON, or a value of the wrong
 * kind where the event has a field. The message names the position, and the handler is never
 * called with part of the batch.
 */
public final class MalformedEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
