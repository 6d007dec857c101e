package dev.laconic.stream;

/**
 * A value that does not fit the Java type it is mapped to, or a required one that is missing: a
 * DynamoDB attribute value ({@link Attributes}) or a JSON value ({@code dev.laconic.json}). The
 * message names the path, the expected and the actual type and, once the record or message is
 * known, its identifier:
 *
 * <pre>
 * Cannot map the NewImage of the record with sequence number 4421584500000000017450439091:
 * order.lines[2].qty: expected N (int), found S "two"
 *
 * Cannot map the body of the message with id 059f36b4-87a3-44ab-83d2-661975830a7d:
 * order.lines[2].qty: expected a number (int), found string "two"
 * </pre>
 */
public final class MappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String sequenceNumber;
  private final String messageId;

  /**
   * @param path the value's path
   * @param problem what is wrong, such as {@code expected N (int), found S "two"}
   */
  public MappingException(AttributePath path, String problem) {
    this(path.toString(), path + ": " + problem, null, null, null);
  }

  /**
   * @param path the value's path
   * @param problem what is wrong
   * @param cause what the user's constructor or setter threw
   */
  public MappingException(AttributePath path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path.toString();
    this.sequenceNumber = null;
    this.messageId = null;
  }

  private MappingException(String path, String message, String sequenceNumber, String messageId,
      MappingException cause) {
    super(message, cause);
    this.path = path;
    this.sequenceNumber = sequenceNumber;
    this.messageId = messageId;
  }

  /** The value's path, such as {@code order.lines[2].qty}. */
  public String path() {
    return path;
  }

  /** The sequence number of the stream record being mapped, or null when not known. */
  public String sequenceNumber() {
    return sequenceNumber;
  }

  /** The id of the SQS message being mapped, or null when not known. */
  public String messageId() {
    return messageId;
  }

  /**
   * This failure, placed in {@code part} (an image, or a Kinesis record's {@code data}) of the
   * stream record {@code sequenceNumber}.
   */
  public MappingException inRecord(String part, String sequenceNumber) {
    String message = "Cannot map the " + part + " of the record with sequence number "
        + sequenceNumber + ": " + getMessage();
    MappingException placed = new MappingException(path, message, sequenceNumber, null, this);
    placed.setStackTrace(getStackTrace());
    return placed;
  }

  /** This failure, placed in {@code part} (such as the body) of the SQS message {@code id}. */
  public MappingException inMessage(String part, String messageId) {
    String message = "Cannot map the " + part + " of the message with id " + messageId + ": "
        + getMessage();
    MappingException placed = new MappingException(path, message, null, messageId, this);
    placed.setStackTrace(getStackTrace());
    return placed;
  }
}
