package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;

/**
 * A typed function: it takes the new image of each inserted or modified order as an
 * {@link OrderItem}, the team's own Enhanced Client bean, mapped by generated code. Lambda delivers only orders that became PAID (a filter on the new
 * image); a record whose image does not fit {@code OrderItem} fails alone, by its sequence number, and
 * Lambda retries from it.
 */
public class OrderShipping {

  /** Logs the parcel to prepare for a paid order. */
  // SnapStart: the template publishes a version and points the mapping at its alias, and the
  // adapter primes its reading and mapping code before the snapshot.
  @LambdaFunction(memorySize = 512, description = "Prepares a parcel for every paid order",
      snapStart = true)
  @DynamoStreamTrigger(
      streamArn = "@OrdersTable",
      batchSize = 25,
      filters = "{\"dynamodb\": {\"NewImage\": {\"status\": {\"S\": [\"PAID\"]}}}}")
  public void ship(OrderItem order, Context context) {
    if (order.getShipTo() == null) {
      throw new IllegalArgumentException("order " + order.getId() + " has no shipping address");
    }
    context.getLogger().log("SHIP " + order.getId() + " to " + order.getShipTo().getCity() + ", "
        + order.getShipTo().getCountry() + ": " + order.itemCount() + " items, total "
        + order.getTotal());
  }
}
