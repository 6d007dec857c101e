package dev.laconic.annotations;

/**
 * What kind of resource an on-failure destination is, which decides the one permission the
 * function's role gets on it.
 */
public enum DestinationKind {
  /**
   * Known from the value: the service of a literal ARN, the type of an {@code @Name} resource. A
   * {@code ${Name}} parameter could be any of the three, so it gets the permission of each, scoped
   * to that ARN, and a warning asks to say which.
   */
  AUTO,
  /** An SQS queue: {@code sqs:SendMessage}. */
  SQS,
  /** An SNS topic: {@code sns:Publish}. */
  SNS,
  /** An S3 bucket: {@code s3:PutObject} on its objects and {@code s3:ListBucket}. */
  S3
}
