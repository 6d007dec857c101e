package dev.laconic.stream;

/**
 * An attribute value that does not fit the Java type it is mapped to, or a required attribute
 * that is missing. The message names the attribute path, the expected and the actual DynamoDB
 * type and, once the stream record is known, its sequence number:
 *
 * <pre>
 * Cannot map the NewImage of the record with sequence number 4421584500000000017450439091:
 * order.lines[2].qty: expected N (int), found S "two"
 * </pre>
 */
public final class MappingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String path;
  private final String sequenceNumber;

  /**
   * @param path the attribute's path
   * @param problem what is wrong, such as {@code expected N (int), found S "two"}
   */
  public MappingException(AttributePath path, String problem) {
    this(path.toString(), path + ": " + problem, null, null);
  }

  /**
   * @param path the attribute's path
   * @param problem what is wrong
   * @param cause what the user's constructor or setter threw
   */
  public MappingException(AttributePath path, String problem, Throwable cause) {
    super(path + ": " + problem, cause);
    this.path = path.toString();
    this.sequenceNumber = null;
  }

  private MappingException(
      String path, String message, String sequenceNumber, MappingException cause) {
    super(message, cause);
    this.path = path;
    this.sequenceNumber = sequenceNumber;
  }

  /** The attribute's path, such as {@code order.lines[2].qty}. */
  public String path() {
    return path;
  }

  /** The sequence number of the stream record being mapped, or null when not known. */
  public String sequenceNumber() {
    return sequenceNumber;
  }

  /** This failure, placed in the image {@code image} of the record {@code sequenceNumber}. */
  public MappingException inRecord(String image, String sequenceNumber) {
    String message = "Cannot map the " + image + " of the record with sequence number "
        + sequenceNumber + ": " + getMessage();
    MappingException placed = new MappingException(path, message, sequenceNumber, this);
    placed.setStackTrace(getStackTrace());
    return placed;
  }
}
