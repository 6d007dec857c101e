package dev.laconic.processor.source.dynamodb;

import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.DynamoStreamTriggerModel;
import dev.laconic.processor.validate.FilterPatterns;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one {@code @DynamoStreamTrigger} against the limits of Lambda's event source mappings
 * for DynamoDB streams.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html">
 *     CreateEventSourceMapping</a>
 */
final class DynamoStreamValidator {

  /** A DynamoDB stream record as Lambda's filters see it. */
  static final FilterPatterns.RecordShape RECORD = new FilterPatterns.RecordShape(
      "a DynamoDB stream record",
      List.of("eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb",
          "userIdentity", "eventSourceARN"),
      Map.of("dynamodb", List.of("ApproximateCreationDateTime", "Keys", "NewImage", "OldImage",
          "SequenceNumber", "SizeBytes", "StreamViewType")),
      // Objects whose keys are the user's own attribute names, so any key is right.
      Set.of("Keys", "NewImage", "OldImage", "userIdentity"));

  private DynamoStreamValidator() {}

  /** Checks each trigger of a function, and that no stream is read twice. */
  static ValidationReport validate(List<DynamoStreamTriggerModel> triggers) {
    ValidationReport.Builder report = ValidationReport.builder();
    Set<String> streams = new HashSet<>();
    for (DynamoStreamTriggerModel trigger : triggers) {
      report.add(validate(trigger));
      if (!streams.add(trigger.streamArn().source())) {
        report.report(Diagnostic.DUPLICATE_STREAM, trigger.origin().at("streamArn"),
            trigger.streamArn().source());
      }
    }
    return report.build();
  }

  private static ValidationReport validate(DynamoStreamTriggerModel trigger) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = trigger.origin();
    if (trigger.streamArn() instanceof ArnRef.Literal literal
        && !ArnKind.DYNAMODB_STREAM.matches(literal.arn())) {
      report.report(Diagnostic.STREAM_ARN_INVALID, at.at("streamArn"), literal.arn(),
          streamArnHint(literal.arn()));
    }
    if (trigger.streamArn() instanceof ArnRef.Resource table) {
      if (table.type() == null) {
        report.report(Diagnostic.RESOURCE_NOT_FOUND, at.at("streamArn"), "streamArn",
            table.source(), table.logicalId());
      } else if (!table.type().equals("AWS::DynamoDB::Table")) {
        report.report(Diagnostic.RESOURCE_WRONG_TYPE, at.at("streamArn"), "streamArn",
            table.source(), table.type(), "an AWS::DynamoDB::Table with a stream");
      } else if (!table.hasStream()) {
        report.report(Diagnostic.TABLE_WITHOUT_STREAM, at.at("streamArn"), table.source(),
            table.logicalId());
      }
    }
    if (trigger.startingPosition() == StartingPosition.AT_TIMESTAMP) {
      report.report(Diagnostic.STARTING_POSITION_INVALID, at.at("startingPosition"),
          trigger.startingPosition());
    }
    report.range(trigger.batchSize(), 1, 10_000, Diagnostic.BATCH_SIZE_RANGE,
        at.at("batchSize"));
    report.range(trigger.maximumBatchingWindowInSeconds(), 0, 300, Diagnostic.BATCHING_WINDOW_RANGE,
        at.at("maximumBatchingWindowInSeconds"));
    report.range(trigger.maximumRetryAttempts(), -1, 10_000, Diagnostic.RETRY_ATTEMPTS_RANGE,
        at.at("maximumRetryAttempts"));
    int age = trigger.maximumRecordAgeInSeconds();
    if (age != -1 && (age < 60 || age > 604_800)) {
      report.report(Diagnostic.RECORD_AGE_RANGE, at.at("maximumRecordAgeInSeconds"), age);
    }
    report.range(trigger.parallelizationFactor(), 1, 10, Diagnostic.PARALLELIZATION_RANGE,
        at.at("parallelizationFactor"));
    report.range(trigger.tumblingWindowInSeconds(), 0, 900, Diagnostic.TUMBLING_WINDOW_RANGE,
        at.at("tumblingWindowInSeconds"));
    trigger.onFailure().ifPresent(destination -> {
      if (destination instanceof ArnRef.Resource resource) {
        if (resource.type() == null) {
          report.report(Diagnostic.RESOURCE_NOT_FOUND, at.at("onFailure"), "onFailure",
              resource.source(), resource.logicalId());
        } else if (!java.util.Set.of("AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::S3::Bucket")
            .contains(resource.type())) {
          report.report(Diagnostic.RESOURCE_WRONG_TYPE, at.at("onFailure"), "onFailure",
              resource.source(), resource.type(),
              "an AWS::SQS::Queue, an AWS::SNS::Topic or an AWS::S3::Bucket");
        }
      }
      if (destination instanceof ArnRef.Literal literal
          && !ArnKind.FAILURE_DESTINATION.matches(literal.arn())) {
        report.report(Diagnostic.ON_FAILURE_INVALID, at.at("onFailure"), literal.arn());
      }
    });
    report.add(FilterPatterns.validate(trigger.filters(), trigger.origin(), RECORD));
    return report.build();
  }

  private static String streamArnHint(String arn) {
    if (arn.matches("arn:aws[a-zA-Z-]*:dynamodb:[^:]+:[0-9]{12}:table/[^/]+")) {
      return " This is a table ARN: a trigger reads the table's stream, whose ARN ends in"
          + " /stream/<label> (CloudFormation: Fn::GetAtt [Table, StreamArn]).";
    }
    if (arn.startsWith("${") || arn.startsWith("$")) {
      return " A parameter is written ${Name}, with braces.";
    }
    return "";
  }
}
