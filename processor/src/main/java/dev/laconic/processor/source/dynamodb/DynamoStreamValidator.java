package dev.laconic.processor.source.dynamodb;

import dev.laconic.annotations.StartingPosition;
import dev.laconic.filters.Matcher.Value;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.DynamoStreamTriggerModel;
import dev.laconic.processor.model.HandlerShape;
import dev.laconic.processor.validate.FilterPatterns;
import dev.laconic.processor.validate.StreamSettings;
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
      Set.of("Keys", "NewImage", "OldImage", "userIdentity"),
      Set.of("Keys", "NewImage", "OldImage"),
      Map.ofEntries(Map.entry("eventID", Value.STRING), Map.entry("eventName", Value.STRING),
          Map.entry("eventVersion", Value.STRING), Map.entry("eventSource", Value.STRING),
          Map.entry("awsRegion", Value.STRING), Map.entry("eventSourceARN", Value.STRING),
          Map.entry("dynamodb.ApproximateCreationDateTime", Value.NUMBER),
          Map.entry("dynamodb.SizeBytes", Value.NUMBER),
          Map.entry("dynamodb.SequenceNumber", Value.STRING),
          Map.entry("dynamodb.StreamViewType", Value.STRING),
          Map.entry("userIdentity.*", Value.STRING)));

  static final String WINDOW_SHAPE = "TimeWindowEventResponse m(DynamodbTimeWindowEvent window"
      + "[, Context context])";

  private DynamoStreamValidator() {}

  /** Checks each trigger of a function, and that no stream is read twice. */
  static ValidationReport validate(List<DynamoStreamTriggerModel> triggers, HandlerShape shape) {
    ValidationReport.Builder report = ValidationReport.builder();
    Set<String> streams = new HashSet<>();
    for (DynamoStreamTriggerModel trigger : triggers) {
      report.add(validate(trigger, shape));
      if (!streams.add(trigger.streamArn().source())) {
        report.report(Diagnostic.DUPLICATE_STREAM, trigger.origin().at("streamArn"),
            trigger.streamArn().source());
      }
    }
    return report.build();
  }

  private static ValidationReport validate(DynamoStreamTriggerModel trigger,
      HandlerShape shape) {
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
    report.add(StreamSettings.validate(trigger, shape, RECORD, WINDOW_SHAPE));
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
