package dev.laconic.processor.model;

import java.util.regex.Pattern;

/**
 * What a value naming AWS resources must name: an ARN of some kind, or a list of EC2 ids. It
 * decides the value's syntax check, the type and {@code AllowedPattern} of a template parameter
 * that holds it, and the permissions granted on it.
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
  ANY("an ARN", "arn:aws[a-zA-Z-]*:[a-zA-Z0-9*?-]+:[a-z0-9*?-]*:([0-9]{12}|[*?]*)?:.+"),
  /** A version of a Lambda layer (CloudFormation's own pattern, of the function's Layers). */
  LAYER_VERSION("a Lambda layer version ARN",
      "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:[0-9]{12}:layer:[a-zA-Z0-9_-]+:[0-9]+"),
  /** A KMS key by its key id: a UUID, or {@code mrk-} and 32 hex digits for a multi-Region key. */
  KMS_KEY("a KMS key ARN", "arn:aws[a-zA-Z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/"
      + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})"),
  /**
   * Subnets a function's network interfaces are placed in; a parameter is a list CloudFormation
   * checks against the account's subnets. The regex is one id: {@code subnet-} and 8 or 17 hex
   * digits.
   */
  SUBNET_IDS("a list of subnet ids", "subnet-([0-9a-f]{8}|[0-9a-f]{17})",
      "List<AWS::EC2::Subnet::Id>"),
  /** Security groups of a function's network interfaces; as {@link #SUBNET_IDS}. */
  SECURITY_GROUP_IDS("a list of security group ids", "sg-([0-9a-f]{8}|[0-9a-f]{17})",
      "List<AWS::EC2::SecurityGroup::Id>");

  private final String description;
  private final String regex;
  private final Pattern pattern;
  private final String parameterType;

  ArnKind(String description, String regex) {
    this(description, regex, "String");
  }

  ArnKind(String description, String regex, String parameterType) {
    this.description = description;
    this.regex = regex;
    this.pattern = Pattern.compile(regex);
    this.parameterType = parameterType;
  }

  /**
   * The longest value CloudFormation takes where this kind is written, as a parameter's {@code
   * MaxLength}; 0 when the pattern bounds it or CloudFormation sets no limit.
   */
  public int maxLength() {
    return this == LAYER_VERSION ? 140 : 0;
  }

  /**
   * The type of a template parameter holding it: {@code String}, or an AWS-specific list type,
   * whose values CloudFormation checks against the account's resources (and which takes no
   * {@code AllowedPattern}).
   */
  public String parameterType() {
    return parameterType;
  }

  /** Whether a parameter of this kind is a list, which must be a whole property's value. */
  public boolean isList() {
    return !parameterType.equals("String");
  }

  /**
   * Whether one parameter may be used as both: the same kind, or an IAM statement's resource
   * (any ARN) and a kind of ARN.
   */
  public boolean compatibleWith(ArnKind other) {
    return this == other || (this == ANY && !other.isList()) || (other == ANY && !isList());
  }

  /** For messages: "a DynamoDB stream ARN". */
  public String description() {
    return description;
  }

  /**
   * The whole-value regex, also written as a parameter's {@code AllowedPattern}; of a list kind,
   * one element's.
   */
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
