package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.laconic.annotations.LambdaFunction;
import dev.laconic.annotations.SqsTrigger;
import dev.laconic.sqs.StreamFailure;
import dev.laconic.sqs.StreamFailure.BatchInfo;
import java.time.Duration;

/**
 * The consumer of the {@code OrderStreamFailures} queue: each message is the record Lambda sends
 * when a stream mapping ({@link OrderAudit} on the DynamoDB stream, {@link OrderTracking} on
 * Kinesis) gives up on a batch. The record holds no stream records, only where they are, so this
 * function logs what someone needs to read them again while the stream still has them.
 */
public class OrderFailures {

  /** How long both streams keep a record: DynamoDB streams always, OrderChanges as created. */
  static final Duration RETENTION = Duration.ofHours(24);

  /** Logs which records were skipped, why, and the command that reads them again. */
  @LambdaFunction(description = "Reports the batches the Orders stream mappings gave up on")
  @SqsTrigger(queueArn = "@OrderStreamFailures")
  public void report(StreamFailure failure, Context context) {
    BatchInfo batch = failure.batchInfo();
    StreamFailure.RequestContext request = failure.requestContext();
    LambdaLogger logger = context.getLogger();
    logger.log("SKIPPED " + batch.batchSize() + " record(s) of " + batch.streamArn() + ", shard "
        + batch.shardId() + ", sequence numbers " + batch.startSequenceNumber() + " to "
        + batch.endSequenceNumber() + ": " + request.condition() + " after "
        + request.approximateInvokeCount() + " invocation(s) of " + request.functionArn());
    logger.log("RE-READ before "
        + (batch.approximateArrivalOfFirstRecord() == null ? "the stream trims them"
            : batch.approximateArrivalOfFirstRecord().plus(RETENTION))
        + ": " + shardIteratorCommand(failure) + ", then get-records up to sequence number "
        + batch.endSequenceNumber());
  }

  /** The AWS CLI command that returns an iterator at the first skipped record. */
  static String shardIteratorCommand(StreamFailure failure) {
    BatchInfo batch = failure.batchInfo();
    // The CLI reads a stream of its own region only: the region is the ARN's fourth field.
    String[] arn = batch.streamArn() == null ? new String[0] : batch.streamArn().split(":");
    String region = arn.length > 3 ? " --region " + arn[3] : "";
    return switch (failure.source()) {
      case DYNAMODB -> "aws dynamodbstreams get-shard-iterator" + region + " --stream-arn "
          + batch.streamArn() + " --shard-id " + batch.shardId()
          + " --shard-iterator-type AT_SEQUENCE_NUMBER --sequence-number "
          + batch.startSequenceNumber();
      case KINESIS -> "aws kinesis get-shard-iterator" + region + " --stream-arn "
          + batch.streamArn() + " --shard-id " + batch.shardId()
          + " --shard-iterator-type AT_SEQUENCE_NUMBER --starting-sequence-number "
          + batch.startSequenceNumber();
    };
  }
}
