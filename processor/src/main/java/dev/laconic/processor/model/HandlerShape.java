package dev.laconic.processor.model;

/**
 * How a handler method wants its records: what it takes, whether it takes the Lambda
 * {@code Context}, whether it returns a response, and whether it declares
 * exceptions (which the adapter must then catch, as {@code RequestHandler} declares none).
 *
 * @param itemType for {@link Input#NEW_IMAGE}, {@link Input#CHANGE} and {@link Input#JSON_BODY},
 *     the user's type records are mapped to; null otherwise
 */
public record HandlerShape(
    Input input,
    boolean takesContext,
    boolean returnsResponse,
    boolean declaresExceptions,
    TypeRef itemType) {

  /**
   * What the method's first parameter receives; each event source says which it accepts, and of
   * which types.
   */
  public enum Input {
    /** The whole batch: {@code DynamodbEvent}, {@code KinesisEvent}, {@code SQSEvent}. */
    BATCH,
    /** One record at a time: {@code DynamodbStreamRecord}, {@code KinesisEventRecord}, ... */
    RECORD,
    /** The new image of each INSERT and MODIFY record, mapped to the user's type. */
    NEW_IMAGE,
    /** Each record as a {@code StreamChange<T>} of the user's type. */
    CHANGE,
    /** Each record's payload (Kinesis data, an SQS body) read from JSON into the user's type. */
    JSON_BODY,
    /**
     * Each SQS message's body as the on-failure record a stream mapping sends: {@code
     * dev.laconic.sqs.StreamFailure}.
     */
    STREAM_FAILURE,
    /**
     * The whole batch of one tumbling window, with the state of the window so far; the handler
     * returns the new state ({@code TimeWindowEventResponse}).
     */
    WINDOW;

    /** Whether the handler takes the whole event rather than one record at a time. */
    public boolean wholeEvent() {
      return this == BATCH || this == WINDOW;
    }
  }

  /** A shape of the raw inputs, {@link Input#BATCH} or {@link Input#RECORD}. */
  public HandlerShape(
      Input input, boolean takesContext, boolean returnsResponse, boolean declaresExceptions) {
    this(input, takesContext, returnsResponse, declaresExceptions, null);
  }

  /**
   * Whether the function answers with partial batch failures, so the mapping must declare
   * {@code ReportBatchItemFailures}: methods called per record always do (the adapter reports the
   * failing records), methods of the whole event when they return a response.
   */
  public boolean reportsBatchItemFailures() {
    return !input.wholeEvent() || returnsResponse;
  }
}
