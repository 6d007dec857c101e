package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.KinesisTrigger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.stream.StreamChange;

/**
 * A typed function on Kinesis: the Orders table also writes each change to the
 * {@code OrderChanges} stream (Kinesis Data Streams for DynamoDB), and this function takes each as
 * a {@code StreamChange<Order>}, mapped by the same generated {@code OrderStreamMapper} as the
 * functions on the table's DynamoDB stream. Nothing in the body depends on the source: under
 * {@code @DynamoStreamTrigger(streamArn = "@OrdersTable")} it compiles and runs unchanged.
 *
 * <p>A change that fails (an image that does not fit {@link Order}, an order without a status) is
 * reported alone, by its Kinesis sequence number, and Lambda retries from it; after 5 retries
 * Lambda gives the batch up and sends a record of it to {@code OrderStreamFailures}. Kinesis may
 * deliver a change twice or out of order, so each line carries the time of the change.
 */
public class OrderTracking {

  /** Logs the status an order had and has now. */
  @LambdaFunction(memorySize = 512, description = "Follows every order's status on OrderChanges")
  @KinesisTrigger(
      streamArn = "@OrderChanges",
      batchSize = 100,
      maximumRetryAttempts = 5,
      onFailure = "@OrderStreamFailures")
  public void track(StreamChange<Order> change, Context context) {
    Order order = change.newImage().or(change::oldImage).orElseThrow(
        () -> new IllegalArgumentException("change " + change.sequenceNumber() + " has no image"));
    if (order.status() == null) {
      throw new IllegalArgumentException("order " + order.id() + " has no status");
    }
    String before = change.oldImage().map(o -> String.valueOf(o.status())).orElse("(new)");
    String after = change.newImage().map(o -> String.valueOf(o.status())).orElse("(removed)");
    context.getLogger().log("TRACK " + order.id() + " " + before + " -> " + after + " at "
        + change.approximateCreationTime() + ": " + order.itemCount() + " items, total "
        + order.total());
  }
}
