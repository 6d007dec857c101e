package dev.laconic.local.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import dev.laconic.annotations.DynamoStreamTrigger;
import dev.laconic.annotations.LambdaFunction;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import dev.laconic.annotations.StartingPosition;

/**
 * The functions the end-to-end tests run, compiled by the Laconic processor like any
 * application: the runner reads their mappings from the generated template and calls the
 * generated adapters. Each records what it receives in {@link Deliveries}.
 */
public final class TestFunctions {

  /** Every change, in batches of at most 3. */
  public static class Everything {
    /** The last record received, as the runtime deserialized it. */
    static volatile DynamodbStreamRecord last;

    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 3)
    public void handle(DynamodbEvent event) {
      Deliveries.received("Everything", event);
      last = event.getRecords().get(event.getRecords().size() - 1);
    }
  }

  /** One record at a time; "poison" items fail their first two deliveries. */
  public static class FlakyRecords {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 10)
    public void handle(DynamodbStreamRecord record, Context context) {
      Deliveries.received("FlakyRecords", record);
      String id = Deliveries.id(record);
      if (id.startsWith("poison") && Deliveries.failed(id) <= 2) {
        throw new IllegalStateException("not yet: " + id);
      }
    }
  }

  /** A whole-batch function that fails any batch holding a "poison" item. */
  public static class Bisected {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 8,
        bisectBatchOnFunctionError = true, maximumRetryAttempts = 1,
        onFailure = "${FailureQueueArn}")
    public void handle(DynamodbEvent event) {
      Deliveries.received("Bisected", event);
      for (DynamodbStreamRecord record : event.getRecords()) {
        if (Deliveries.id(record).startsWith("poison")) {
          throw new IllegalStateException("poison in this batch");
        }
      }
    }
  }

  /** Inserts of items whose kind is "keep" or starts with "also-". */
  public static class Filtered {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", filters = {
        "{\"eventName\": [\"INSERT\"], \"dynamodb\": {\"NewImage\": {\"kind\": {\"S\": [\"keep\"]}}}}",
        "{\"dynamodb\": {\"NewImage\": {\"kind\": {\"S\": [{\"prefix\": \"also-\"}]}}}}"})
    public void handle(DynamodbEvent event) {
      Deliveries.received("Filtered", event);
    }
  }

  /** Fails every time: retried twice, then given up to the failure destination. */
  public static class AlwaysFails {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 5, maximumRetryAttempts = 2,
        onFailure = "${FailureQueueArn}")
    public void handle(DynamodbEvent event) {
      Deliveries.received("AlwaysFails", event);
      throw new IllegalStateException("always");
    }
  }

  /**
   * Returns its own partial batch response: first an identifier that is no record of the batch
   * (Lambda then fails the whole batch), then the second record, then success.
   */
  public static class OwnResponse {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 10)
    public StreamsEventResponse handle(DynamodbEvent event) {
      Deliveries.received("OwnResponse", event);
      int call = Deliveries.failed("OwnResponse");
      if (call == 1) {
        return new StreamsEventResponse(List.of(new BatchItemFailure("no-such-record")));
      }
      if (call == 2) {
        return new StreamsEventResponse(List.of(new BatchItemFailure(
            event.getRecords().get(1).getDynamodb().getSequenceNumber())));
      }
      return new StreamsEventResponse(List.of());
    }
  }

  /** Throws an Error (not an Exception) on its first call. */
  public static class ThrowsError {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}")
    public void handle(DynamodbEvent event) {
      Deliveries.received("ThrowsError", event);
      if (Deliveries.failed("ThrowsError") == 1) {
        throw new AssertionError("an Error, not an Exception");
      }
    }
  }

  /** Reports the poison record as failed twice, with bisect on: Lambda bisects there. */
  public static class PartialBisect {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", bisectBatchOnFunctionError = true)
    public StreamsEventResponse handle(DynamodbEvent event) {
      Deliveries.received("PartialBisect", event);
      for (DynamodbStreamRecord record : event.getRecords()) {
        if (Deliveries.id(record).startsWith("poison") && Deliveries.failed("PartialBisect") <= 2) {
          return new StreamsEventResponse(List.of(
              new BatchItemFailure(record.getDynamodb().getSequenceNumber())));
        }
      }
      return new StreamsEventResponse(List.of());
    }
  }

  /** Fails any batch with poison, no retries, bisect on: splitting costs no retry. */
  public static class BisectNoRetry {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", bisectBatchOnFunctionError = true,
        maximumRetryAttempts = 0, onFailure = "${FailureQueueArn}")
    public void handle(DynamodbEvent event) {
      Deliveries.received("BisectNoRetry", event);
      for (DynamodbStreamRecord record : event.getRecords()) {
        if (Deliveries.id(record).startsWith("poison")) {
          throw new IllegalStateException("poison");
        }
      }
    }
  }

  /** Fails every "stuck" record, with Lambda's defaults: no retry or age limit. */
  public static class Stuck {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}")
    public void handle(DynamodbStreamRecord record) {
      Deliveries.received("Stuck", record);
      if (Deliveries.id(record).startsWith("stuck")) {
        throw new IllegalStateException("stuck");
      }
    }
  }

  /** Large records, a long window: batches are cut at 6 MB. */
  public static class Large {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 100,
        maximumBatchingWindowInSeconds = 2)
    public void handle(DynamodbEvent event) {
      Deliveries.received("Large", event);
    }
  }

  /** Waits up to a second to fill a batch. */
  public static class Windowed {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 100,
        maximumBatchingWindowInSeconds = 1)
    public void handle(DynamodbEvent event) {
      Deliveries.received("Windowed", event);
    }
  }

  /** Only what is written after the mapping starts. */
  public static class Latest {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", startingPosition = StartingPosition.LATEST)
    public void handle(DynamodbEvent event) {
      Deliveries.received("Latest", event);
    }
  }

  /** Records older than a minute are given up without an invocation. */
  public static class Aged {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", maximumRecordAgeInSeconds = 60,
        onFailure = "${FailureQueueArn}")
    public void handle(DynamodbEvent event) {
      Deliveries.received("Aged", event);
    }
  }

  /**
   * The load test's function: batches of 100, a partial batch response, two retries and a
   * failure destination; {@link LoadLedger} decides what fails and counts what succeeds.
   */
  public static class Load {
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 100, maximumRetryAttempts = 2,
        onFailure = "${FailureQueueArn}")
    public StreamsEventResponse handle(DynamodbEvent event) {
      return LoadLedger.handle(event);
    }
  }

  /**
   * The stop test's function, batches of 10, with a timeout of one second: a batch holding a
   * "block" item waits on its first delivery until it is interrupted, one holding a "slow" item
   * takes a fifth of a second, and a "fail" item is reported failed on its first delivery. Tells
   * {@link #entered} when it reaches a "block" or "slow" item.
   */
  public static class Stoppable {
    static volatile CountDownLatch entered = new CountDownLatch(1);

    @LambdaFunction(timeout = 1)
    @DynamoStreamTrigger(streamArn = "${ItemsStream}", batchSize = 10)
    public StreamsEventResponse handle(DynamodbEvent event) {
      Deliveries.received("Stoppable", event);
      for (DynamodbStreamRecord record : event.getRecords()) {
        String id = Deliveries.id(record);
        try {
          if (id.startsWith("block") && Deliveries.failed(id) == 1) {
            entered.countDown();
            new CountDownLatch(1).await();
          } else if (id.startsWith("slow")) {
            entered.countDown();
            Thread.sleep(200);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted at " + id, e);
        }
        if (id.startsWith("fail") && Deliveries.failed(id) == 1) {
          return new StreamsEventResponse(List.of(
              new BatchItemFailure(record.getDynamodb().getSequenceNumber())));
        }
      }
      return new StreamsEventResponse(List.of());
    }
  }
}
