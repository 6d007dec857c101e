package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers the annotated method with the records of a Kinesis data stream: Laconic generates an
 * {@code AWS::Lambda::EventSourceMapping} for it, the IAM permissions to read the stream (and the
 * enhanced fan-out consumer, if one is named), and a handler adapter that calls the method.
 *
 * <p>Accepted methods are public and non-static, in a public top-level or static nested class with
 * a public no-argument constructor, with one of these shapes ({@code Context} may follow the first
 * parameter in each):
 *
 * <pre>
 * void                    m(KinesisEvent event)
 * StreamsEventResponse    m(KinesisEvent event)
 * void                    m(KinesisEvent.KinesisEventRecord record)
 * void                    m(T data)
 * void                    m(StreamChange&lt;T&gt; change)
 * TimeWindowEventResponse m(KinesisTimeWindowEvent window)
 * </pre>
 *
 * <p>{@code T} is a record or class of your own: each record's {@code data} is read from JSON
 * into it by a generated reader. {@code StreamChange<T>} is for a stream that carries a DynamoDB
 * table's changes (Kinesis Data Streams for DynamoDB): the same handler body a
 * {@code @DynamoStreamTrigger} method has, with the Kinesis sequence number as the change's
 * sequence number. Per-record methods are called in order; when one throws, that record is the
 * batch's first failure, so Lambda retries from it and nothing is skipped ({@code
 * ReportBatchItemFailures} is set automatically). The window shape requires {@link
 * #tumblingWindowInSeconds()}, and a window requires it.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html">Using Lambda with
 *     Kinesis Data Streams</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(KinesisTriggers.class)
public @interface KinesisTrigger {

  /**
   * The stream to read: a literal Kinesis stream ARN such as
   * {@code arn:aws:kinesis:us-west-2:000000000000:stream/orders}, {@code ${Name}} for a template
   * parameter, or {@code @Name} for an {@code AWS::Kinesis::Stream} of your base template.
   * Required.
   */
  String streamArn();

  /**
   * An enhanced fan-out consumer of the stream to read through (dedicated throughput): its ARN,
   * {@code ${Name}}, or {@code @Name} for an {@code AWS::Kinesis::StreamConsumer} of your base
   * template. Default: none, the mapping reads the stream with shared throughput.
   */
  String consumerArn() default "";

  /**
   * Where a new mapping starts reading: {@link StartingPosition#TRIM_HORIZON} (the default),
   * {@link StartingPosition#LATEST}, or {@link StartingPosition#AT_TIMESTAMP} with {@link
   * #startingPositionTimestamp()}.
   */
  StartingPosition startingPosition() default StartingPosition.TRIM_HORIZON;

  /**
   * For {@code AT_TIMESTAMP} only, and required then: the instant to start from, ISO-8601 such as
   * {@code 2025-06-01T00:00:00Z}.
   */
  String startingPositionTimestamp() default "";

  /** The most records Lambda sends in one invocation: 1 to 10000. Default 100. */
  int batchSize() default 100;

  /** Whether the mapping polls. Default {@code true}; {@code false} creates it paused. */
  boolean enabled() default true;

  /** How long Lambda gathers records before invoking, in seconds: 0 (the default) to 300. */
  int maximumBatchingWindowInSeconds() default 0;

  /**
   * How often a failing batch is retried before it is discarded (and sent to {@link #onFailure()}
   * if set): −1 (the default: until the record expires) or 0 to 10000.
   */
  int maximumRetryAttempts() default -1;

  /**
   * Records older than this, in seconds, are discarded: −1 (the default: no limit beyond the
   * stream's retention) or 60 to 604800.
   */
  int maximumRecordAgeInSeconds() default -1;

  /** Whether a failing batch is split in two and each half retried. Default {@code false}. */
  boolean bisectBatchOnFunctionError() default false;

  /** How many batches of one shard are processed at once: 1 (the default) to 10. */
  int parallelizationFactor() default 1;

  /**
   * The length of a tumbling aggregation window in seconds: 0 (the default: no window) to 900.
   * A window needs a handler of {@code KinesisTimeWindowEvent}.
   */
  int tumblingWindowInSeconds() default 0;

  /**
   * Where records go when they are discarded: the ARN of an SQS queue, an SNS topic or an S3
   * bucket, {@code ${Name}}, or {@code @Name} for one of your base template. Default: none.
   */
  String onFailure() default "";

  /** What {@link #onFailure()} is, when it is a {@code ${Name}} parameter. */
  DestinationKind onFailureKind() default DestinationKind.AUTO;

  /**
   * Event filter patterns. Lambda filters Kinesis records on their {@code data} only, decoded
   * from JSON, for example {@code {"data": {"status": ["SHIPPED"]}}}. At most 20 patterns of at
   * most 4096 characters each.
   *
   * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis-filtering.html">
   *     Filtering Kinesis events</a>
   */
  String[] filters() default {};

  /** Optional CloudWatch metrics for the mapping. Default: none. */
  MappingMetric[] metrics() default {};
}
