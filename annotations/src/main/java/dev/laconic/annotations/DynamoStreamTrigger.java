package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers the annotated method with the records of a DynamoDB stream: Laconic generates an
 * {@code AWS::Lambda::EventSourceMapping} for it, the IAM permissions to read the stream, and a
 * handler adapter that calls the method.
 *
 * <p>Accepted methods are public and non-static, in a public top-level or static nested class with
 * a public no-argument constructor, with one of these shapes:
 *
 * <pre>
 * void                 m(DynamodbEvent event)
 * void                 m(DynamodbEvent event, Context context)
 * StreamsEventResponse m(DynamodbEvent event)
 * StreamsEventResponse m(DynamodbEvent event, Context context)
 * void                 m(DynamodbEvent.DynamodbStreamRecord record)
 * void                 m(DynamodbEvent.DynamodbStreamRecord record, Context context)
 * void                 m(T newImage[, Context context])
 * void                 m(StreamChange&lt;T&gt; change[, Context context])
 * TimeWindowEventResponse m(DynamodbTimeWindowEvent window[, Context context])
 * </pre>
 *
 * <p>{@code T} is a record or class of your own, mapped from the item images. The window shape
 * goes with {@link #tumblingWindowInSeconds()}: the handler gets the window's state and returns
 * the new state, and a window setting without it is a compile error.
 *
 * <p>Per-record methods are called for each record in order. When one throws, the adapter logs it
 * and reports that record as the batch's first failure, so Lambda retries from that record and
 * nothing is skipped. The mapping then gets {@code FunctionResponseTypes: [ReportBatchItemFailures]}
 * automatically, as it does for batch methods that return {@code StreamsEventResponse}.
 *
 * <p>Repeat the annotation to read several streams with one function. Every value is checked at
 * compile time; a setting left at its default is not written to the template, except
 * {@code StartingPosition} and {@code BatchSize}, which always are.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with
 *     Amazon DynamoDB</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(DynamoStreamTriggers.class)
public @interface DynamoStreamTrigger {

  /**
   * The stream to read: a literal DynamoDB stream ARN, such as
   * {@code arn:aws:dynamodb:us-west-2:000000000000:table/Orders/stream/2015-12-05T16:28:11.869}
   * (any partition), or {@code ${Name}}, which becomes a template parameter {@code Name} that
   * accepts only stream ARNs. Required.
   */
  String streamArn();

  /**
   * Where a new mapping starts reading: {@link StartingPosition#TRIM_HORIZON} (the default: the
   * oldest record the stream still has, so nothing is lost) or {@link StartingPosition#LATEST}.
   * {@code AT_TIMESTAMP} is not supported for DynamoDB streams and is a compile error.
   */
  StartingPosition startingPosition() default StartingPosition.TRIM_HORIZON;

  /** The most records Lambda sends in one invocation: 1 to 10000. Default 100. */
  int batchSize() default 100;

  /** Whether the mapping polls. Default {@code true}; {@code false} creates it paused. */
  boolean enabled() default true;

  /**
   * How long Lambda gathers records before invoking, in seconds: 0 to 300. Default 0 (invoke as
   * soon as records arrive).
   */
  int maximumBatchingWindowInSeconds() default 0;

  /**
   * How often a failing batch is retried before it is discarded (and sent to {@link #onFailure()}
   * if set): −1 (the default: retry until the record expires) or 0 to 10000.
   */
  int maximumRetryAttempts() default -1;

  /**
   * Records older than this, in seconds, are discarded (and sent to {@link #onFailure()} if set):
   * −1 (the default: no limit, records live 24 hours in a DynamoDB stream) or 60 to 604800.
   */
  int maximumRecordAgeInSeconds() default -1;

  /** Whether a failing batch is split in two and each half retried. Default {@code false}. */
  boolean bisectBatchOnFunctionError() default false;

  /**
   * How many batches of one shard are processed at once: 1 (the default) to 10. Records with the
   * same partition key stay in order.
   */
  int parallelizationFactor() default 1;

  /**
   * The length of a tumbling aggregation window in seconds: 0 (the default: no window) to 900.
   * A window needs a handler of {@code DynamodbTimeWindowEvent} that returns {@code
   * TimeWindowEventResponse}.
   */
  int tumblingWindowInSeconds() default 0;

  /**
   * Where records go when they are discarded after the retry policy: the ARN of an SQS queue, an
   * SNS topic or an S3 bucket, or {@code ${Name}} for a template parameter. Laconic grants the
   * function the permission to send there. Default: none.
   */
  String onFailure() default "";

  /**
   * What {@link #onFailure()} is when it is a {@code ${Name}} parameter, so the role gets only
   * that service's permission: {@link DestinationKind#SQS}, {@code SNS} or {@code S3}. Default
   * {@link DestinationKind#AUTO}: known from a literal ARN or a base-template resource; for a
   * parameter, all three permissions on that ARN, with a warning.
   */
  DestinationKind onFailureKind() default DestinationKind.AUTO;

  /**
   * Event filter patterns (Lambda's JSON filter rules), for example
   * {@code {"eventName": ["INSERT"]}}. A record is delivered when it matches any pattern. Each must
   * be a JSON object of at most 4096 characters; at most 20 patterns, and more than 5 exceed
   * Lambda's default quota (a warning). Default: none, every record is delivered.
   *
   * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/invocation-eventfiltering.html">Lambda
   *     event filtering</a>
   */
  String[] filters() default {};

  /** Optional CloudWatch metrics for the mapping. Default: none. */
  MappingMetric[] metrics() default {};
}
