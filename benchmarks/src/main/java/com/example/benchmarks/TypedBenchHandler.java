package com.example.benchmarks;

import dev.laconic.annotations.DynamoStreamTrigger;

/**
 * The typed function the typed benchmarks run: it takes each record's new image as a
 * {@link BenchOrder} and reads every attribute, so no path can skip mapping one.
 */
public class TypedBenchHandler {

  /** Sums what the handler saw, so the JIT cannot drop the work. */
  public static long checksum;

  @DynamoStreamTrigger(streamArn = "${BenchStreamArn}")
  public void onOrder(BenchOrder order) {
    checksum += order.getId().length() + order.getCustomer().length()
        + order.getStatus().ordinal() + order.getTotal().scale()
        + order.getShipTo().getCity().length() + order.getLines().get(1).getQuantity()
        + order.getTags().size();
  }
}
