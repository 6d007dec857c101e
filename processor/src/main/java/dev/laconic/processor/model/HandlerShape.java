package dev.laconic.processor.model;

/**
 * How a handler method wants its records: what it takes, whether it takes the Lambda
 * {@code Context}, whether it returns a {@code StreamsEventResponse}, and whether it declares
 * exceptions (which the adapter must then catch, as {@code RequestHandler} declares none).
 *
 * @param itemType for {@link Input#NEW_IMAGE} and {@link Input#CHANGE}, the user's type the
 *     images are mapped to; null otherwise
 */
public record HandlerShape(
    Input input,
    boolean takesContext,
    boolean returnsResponse,
    boolean declaresExceptions,
    TypeRef itemType) {

  /** What the method's first parameter receives. */
  public enum Input {
    /** The whole batch: {@code DynamodbEvent}. */
    BATCH,
    /** One record at a time: {@code DynamodbEvent.DynamodbStreamRecord}. */
    RECORD,
    /** The new image of each INSERT and MODIFY record, mapped to the user's type. */
    NEW_IMAGE,
    /** Each record as a {@code StreamChange<T>} of the user's type. */
    CHANGE
  }

  /** A shape of the raw inputs, {@link Input#BATCH} or {@link Input#RECORD}. */
  public HandlerShape(
      Input input, boolean takesContext, boolean returnsResponse, boolean declaresExceptions) {
    this(input, takesContext, returnsResponse, declaresExceptions, null);
  }

  /**
   * Whether the function answers with partial batch failures, so the mapping must declare
   * {@code ReportBatchItemFailures}: methods called per record always do (the adapter reports the
   * first failing record), batch methods when they return {@code StreamsEventResponse}.
   */
  public boolean reportsBatchItemFailures() {
    return input != Input.BATCH || returnsResponse;
  }
}
