package dev.laconic.benchmarks;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;

/**
 * {@link BenchHandler} as a SnapStart function, so its adapter primes: the same work per record,
 * while BenchHandler's own adapter, which the cold-start benchmark runs, stays without priming.
 */
public class SnapStartBenchHandler extends BenchHandler {

  @Override
  @LambdaFunction(snapStart = true)
  @DynamoStreamTrigger(streamArn = "${BenchStreamArn}")
  public void onRecord(DynamodbStreamRecord record) {
    super.onRecord(record);
  }
}
