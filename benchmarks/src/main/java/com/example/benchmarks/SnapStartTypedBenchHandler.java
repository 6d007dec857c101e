package com.example.benchmarks;

import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;

/**
 * {@link TypedBenchHandler} as a SnapStart function, so its adapter primes the {@link BenchOrder}
 * mapper: the same work per record, while TypedBenchHandler's own adapter stays without priming.
 */
public class SnapStartTypedBenchHandler extends TypedBenchHandler {

  @Override
  @LambdaFunction(snapStart = true)
  @DynamoStreamTrigger(streamArn = "${BenchStreamArn}")
  public void onOrder(BenchOrder order) {
    super.onOrder(order);
  }
}
