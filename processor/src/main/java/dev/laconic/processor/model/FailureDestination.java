package dev.laconic.processor.model;

import dev.laconic.annotations.DestinationKind;

/**
 * Where a stream mapping sends the records it discards, and what kind of resource that is.
 *
 * @param kind as the user declared it; {@link DestinationKind#AUTO} to infer it from {@code arn}
 */
public record FailureDestination(ArnRef arn, DestinationKind kind) {

  /**
   * The kind of the destination: the declared one, else the service of a literal ARN or the type
   * of a base-template resource; {@link DestinationKind#AUTO} when only deploy time knows (a
   * parameter).
   */
  public DestinationKind resolvedKind() {
    if (kind != DestinationKind.AUTO) {
      return kind;
    }
    String service = arn instanceof ArnRef.Literal literal ? ArnKind.serviceOf(literal.arn())
        : arn instanceof ArnRef.Resource resource && resource.type() != null
            ? serviceOf(resource.type()) : "";
    return switch (service) {
      case "sqs" -> DestinationKind.SQS;
      case "sns" -> DestinationKind.SNS;
      case "s3" -> DestinationKind.S3;
      default -> DestinationKind.AUTO;
    };
  }

  /**
   * The service of a resource type, {@code sqs} for {@code AWS::SQS::Queue}; "" for a type of
   * the user's template that names none, such as {@code Thing}.
   */
  private static String serviceOf(String type) {
    String[] parts = type.split("::");
    return parts.length > 1 ? parts[1].toLowerCase(java.util.Locale.ROOT) : "";
  }

  /** What a {@code ${Name}} parameter holding this destination must match. */
  public ArnKind parameterKind() {
    return switch (kind) {
      case SQS -> ArnKind.SQS_QUEUE;
      case SNS -> ArnKind.SNS_TOPIC;
      case S3 -> ArnKind.S3_BUCKET;
      case AUTO -> ArnKind.FAILURE_DESTINATION;
    };
  }
}
