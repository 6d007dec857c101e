package dev.laconic.stream;

/**
 * An invocation payload that is not the event its handler takes (a DynamoDB stream, Kinesis or
 * SQS event), or JSON inside it that is not what it should be, such as the data of a Kinesis
 * record that should hold a DynamoDB change record: invalid JSON, or a value of the wrong kind
 * where the JSON has a field. The message names what was read and the position, and the handler
 * is never called with part of the batch.
 */
public final class MalformedEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
