package dev.laconic.annotations;

/**
 * Where an event source mapping starts reading a stream the first time it is created
 * (CloudFormation {@code AWS::Lambda::EventSourceMapping.StartingPosition}).
 */
public enum StartingPosition {
  /** The oldest record still in the stream (DynamoDB keeps 24 hours). Loses nothing. */
  TRIM_HORIZON,
  /** Only records written after the mapping is created. */
  LATEST,
  /**
   * A point in time. Valid for Kinesis and Kafka, <b>not for DynamoDB streams</b>: Laconic rejects
   * it at compile time on {@link DynamoStreamTrigger}.
   */
  AT_TIMESTAMP
}
