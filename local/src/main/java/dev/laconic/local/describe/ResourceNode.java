package dev.laconic.local.describe;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something mappings read or send failures to: a table of the template (with its stream), a
 * Kinesis stream, a queue, a topic; or a source or destination outside the template, given as a
 * parameter or an ARN.
 *
 * @param id the logical id; for what is outside the template, the value as the template writes
 *     it ({@code !Ref OrdersStreamArn}, or the ARN)
 * @param service what AWS service it belongs to, as far as the template tells
 * @param type the CloudFormation type, such as {@code AWS::DynamoDB::Table}; empty outside the
 *     template
 */
public record ResourceNode(String id, Service service, String type, List<Setting> settings)
    implements Node {

  /** The services a mapping reads from or sends to, and the boxes that stand for them. */
  public enum Service {
    DYNAMODB("DynamoDB table", "DynamoDB stream"),
    KINESIS("Kinesis stream", "Kinesis stream"),
    SQS("SQS queue", "SQS queue"),
    SNS("SNS topic", "SNS topic"),
    S3("S3 bucket", "S3 bucket"),
    /** A resource of another type, or a value that does not tell. */
    OTHER("Resource", "Outside the template");

    private static final Pattern ARN_SERVICE =
        Pattern.compile("arn:aws[^:]*:(dynamodb|kinesis|sqs|sns|s3):");

    private final String resourceLabel;
    private final String externalLabel;

    Service(String resourceLabel, String externalLabel) {
      this.resourceLabel = resourceLabel;
      this.externalLabel = externalLabel;
    }

    /** The service that an ARN or an ARN's pattern names, such as {@code arn:aws:sqs:...}. */
    static Service ofArn(String text) {
      Matcher service = ARN_SERVICE.matcher(text);
      return service.find() ? valueOf(service.group(1).toUpperCase(Locale.ROOT)) : OTHER;
    }

    /** The CSS class of its boxes. */
    String cssClass() {
      return "service-" + name().toLowerCase(Locale.ROOT);
    }
  }

  public ResourceNode {
    settings = List.copyOf(settings);
  }

  /** Whether the template only names it (a parameter or an ARN) instead of declaring it. */
  public boolean external() {
    return type.isEmpty();
  }

  @Override
  public String kindLabel() {
    if (external()) {
      return service.externalLabel;
    }
    return service == Service.OTHER ? type : service.resourceLabel;
  }
}
