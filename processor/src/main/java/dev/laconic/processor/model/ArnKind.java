package dev.laconic.processor.model;

import java.util.regex.Pattern;

/**
 * What an ARN value must name, which decides its syntax check, the {@code AllowedPattern} of a
 * template parameter that holds it, and the permissions granted on it.
 */
public enum ArnKind {
  /** A DynamoDB stream, read by an event source mapping. */
  DYNAMODB_STREAM("a DynamoDB stream ARN",
      "arn:aws[a-zA-Z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[a-zA-Z0-9_.-]{3,255}/stream/[0-9A-Za-z:._-]+"),
  /** A Kinesis data stream, read by an event source mapping. */
  KINESIS_STREAM("a Kinesis stream ARN",
      "arn:aws[a-zA-Z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}"),
  /** An enhanced fan-out consumer of a Kinesis data stream. */
  KINESIS_CONSUMER("a Kinesis stream consumer ARN",
      "arn:aws[a-zA-Z-]*:kinesis:[a-z0-9-]+:[0-9]{12}:stream/[a-zA-Z0-9_.-]{1,128}"
          + "/consumer/[a-zA-Z0-9_.-]{1,128}:[0-9]+"),
  /** An SQS queue, read by an event source mapping or sent discarded records. */
  SQS_QUEUE("an SQS queue ARN",
      "arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:[0-9]{12}:[a-zA-Z0-9_-]{1,80}(\\.fifo)?"),
  /** An SNS topic that discarded records are published to. */
  SNS_TOPIC("an SNS topic ARN",
      "arn:aws[a-zA-Z-]*:sns:[a-z0-9-]+:[0-9]{12}:[a-zA-Z0-9_-]{1,256}(\\.fifo)?"),
  /** An S3 bucket that discarded records are written to. */
  S3_BUCKET("an S3 bucket ARN", "arn:aws[a-zA-Z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]"),
  /** An on-failure destination: an SQS queue, an SNS topic or an S3 bucket. */
  FAILURE_DESTINATION("an SQS queue, SNS topic or S3 bucket ARN",
      "arn:aws[a-zA-Z-]*:(sqs:[a-z0-9-]+:[0-9]{12}:[a-zA-Z0-9_-]{1,80}(\\.fifo)?"
          + "|sns:[a-z0-9-]+:[0-9]{12}:[a-zA-Z0-9_-]{1,256}(\\.fifo)?"
          + "|s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])"),
  /** Any resource of an IAM statement. */
  ANY("an ARN", "arn:aws[a-zA-Z-]*:[a-zA-Z0-9*?-]+:[a-z0-9*?-]*:([0-9]{12}|[*?]*)?:.+");

  private final String description;
  private final String regex;
  private final Pattern pattern;

  ArnKind(String description, String regex) {
    this.description = description;
    this.regex = regex;
    this.pattern = Pattern.compile(regex);
  }

  /** For messages: "a DynamoDB stream ARN". */
  public String description() {
    return description;
  }

  /** The whole-value regex, also written as a parameter's {@code AllowedPattern}. */
  public String regex() {
    return regex;
  }

  /** Whether {@code value} is an ARN of this kind. */
  public boolean matches(String value) {
    return pattern.matcher(value).matches();
  }

  /** The service of a literal destination ARN: {@code sqs}, {@code sns} or {@code s3}. */
  public static String serviceOf(String arn) {
    String[] parts = arn.split(":", 4);
    return parts.length > 2 ? parts[2] : "";
  }
}
