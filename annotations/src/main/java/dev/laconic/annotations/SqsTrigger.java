package dev.laconic.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Triggers the annotated method with the messages of an SQS queue: Laconic generates an
 * {@code AWS::Lambda::EventSourceMapping} for it, the IAM permissions to receive and delete the
 * queue's messages (and to decrypt them, when the queue of your base template names a KMS key),
 * and a handler adapter that calls the method.
 *
 * <p>Accepted methods are public and non-static, in a public top-level or static nested class with
 * a public no-argument constructor, with one of these shapes ({@code Context} may follow the first
 * parameter in each):
 *
 * <pre>
 * void             m(SQSEvent event)
 * SQSBatchResponse m(SQSEvent event)
 * void             m(SQSEvent.SQSMessage message)
 * void             m(T body)
 * void             m(StreamFailure failure)
 * </pre>
 *
 * <p>{@code T} is a record or class of your own, read from each message's JSON body by a
 * generated reader. {@code StreamFailure} ({@code dev.laconic.sqs}) is the record a DynamoDB
 * stream or Kinesis mapping sends to its on-failure queue, so the consumer of that queue is a few
 * lines. Per-message methods report partial batch failures: on a standard queue every message
 * that threw, on a FIFO queue the first that threw and every later one (unhandled), so order
 * holds. {@code ReportBatchItemFailures} is set automatically.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">Using Lambda with
 *     Amazon SQS</a>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
@Repeatable(SqsTriggers.class)
public @interface SqsTrigger {

  /**
   * The queue to read: a literal queue ARN such as
   * {@code arn:aws:sqs:us-west-2:000000000000:orders}, {@code ${Name}} for a template parameter,
   * or {@code @Name} for an {@code AWS::SQS::Queue} of your base template, whose visibility
   * timeout and FIFO setting are then checked too. Required.
   */
  String queueArn();

  /**
   * The most messages Lambda sends in one invocation: 1 to 10000, at most 10 for a FIFO queue,
   * and more than 10 only with {@link #maximumBatchingWindowInSeconds()} of at least 1. Default
   * 10.
   */
  int batchSize() default 10;

  /**
   * How long Lambda gathers messages before invoking, in seconds: 0 (the default) to 300. Not for
   * FIFO queues.
   */
  int maximumBatchingWindowInSeconds() default 0;

  /**
   * The most concurrent invocations this mapping starts: 2 to 1000, or 0 (the default) for no
   * limit but the function's own.
   */
  int maximumConcurrency() default 0;

  /** Whether the mapping polls. Default {@code true}; {@code false} creates it paused. */
  boolean enabled() default true;

  /**
   * Event filter patterns. Lambda matches a message's fields, and its {@code body} when the body
   * is JSON, for example {@code {"body": {"status": ["SHIPPED"]}}}. A message that matches no
   * pattern is deleted without invoking the function. At most 20 patterns of at most 4096
   * characters each.
   *
   * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs-filtering.html">
   *     Filtering SQS events</a>
   */
  String[] filters() default {};

  /** Optional CloudWatch metrics for the mapping. Default: none. */
  MappingMetric[] metrics() default {};
}
