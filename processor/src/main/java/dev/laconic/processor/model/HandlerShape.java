package dev.laconic.processor.model;

/**
 * How a handler method wants its records: what it takes, whether it takes the Lambda
 * {@code Context}, whether it returns a {@code StreamsEventResponse}, and whether it declares
 * exceptions (which the adapter must then catch, as {@code RequestHandler} declares none).
 */
public record HandlerShape(
    Input input, boolean takesContext, boolean returnsResponse, boolean declaresExceptions) {

  /** What the method's first parameter receives. */
  public enum Input {
    /** The whole batch: {@code DynamodbEvent}. */
    BATCH,
    /** One record at a time: {@code DynamodbEvent.DynamodbStreamRecord}. */
    RECORD
  }

  /**
   * Whether the function answers with partial batch failures, so the mapping must declare
   * {@code ReportBatchItemFailures}: per-record methods always do (the adapter reports the first
   * failing record), batch methods when they return {@code StreamsEventResponse}.
   */
  public boolean reportsBatchItemFailures() {
    return input == Input.RECORD || returnsResponse;
  }
}
