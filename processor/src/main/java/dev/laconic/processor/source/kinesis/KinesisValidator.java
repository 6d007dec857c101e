package dev.laconic.processor.source.kinesis;

import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.HandlerShape;
import dev.laconic.processor.model.KinesisTriggerModel;
import dev.laconic.processor.validate.FilterPatterns;
import dev.laconic.processor.validate.StreamSettings;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code @KinesisTrigger}s against what Lambda accepts for Kinesis mappings: the stream
 * and consumer ARNs, the starting position and its timestamp, the shared stream settings, and one
 * mapping per stream or consumer.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html">
 *     CreateEventSourceMapping</a>
 */
final class KinesisValidator {

  /**
   * A Kinesis record as Lambda's filters see it: "Kinesis event source mappings only support
   * filtering on the data key", decoded from JSON, whose keys are the producer's own.
   */
  static final FilterPatterns.RecordShape RECORD = new FilterPatterns.RecordShape(
      "a Kinesis record as Lambda filters it (only its data)", List.of("data"), Map.of(),
      Set.of("data"));

  static final String WINDOW_SHAPE = "TimeWindowEventResponse m(KinesisTimeWindowEvent window"
      + "[, Context context])";

  private KinesisValidator() {}

  static ValidationReport validate(List<KinesisTriggerModel> triggers, HandlerShape shape) {
    ValidationReport.Builder report = ValidationReport.builder();
    Set<String> sources = new HashSet<>();
    for (KinesisTriggerModel trigger : triggers) {
      report.add(validate(trigger, shape));
      String attribute = trigger.consumerArn().isPresent() ? "consumerArn" : "streamArn";
      if (!sources.add(trigger.sourceArn().source())) {
        report.report(Diagnostic.DUPLICATE_KINESIS_SOURCE, trigger.origin().at(attribute),
            attribute, trigger.sourceArn().source());
      }
    }
    return report.build();
  }

  private static ValidationReport validate(KinesisTriggerModel trigger, HandlerShape shape) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = trigger.origin();
    ArnRef stream = trigger.streamArn();
    if (stream instanceof ArnRef.Literal literal && !ArnKind.KINESIS_STREAM.matches(literal.arn())) {
      report.report(Diagnostic.KINESIS_STREAM_ARN_INVALID, at.at("streamArn"), literal.arn(),
          streamArnHint(literal.arn()));
    }
    checkResource(stream, "streamArn", "AWS::Kinesis::Stream", "an AWS::Kinesis::Stream",
        trigger, report);
    trigger.consumerArn().ifPresent(consumer -> {
      if (consumer instanceof ArnRef.Literal literal
          && !ArnKind.KINESIS_CONSUMER.matches(literal.arn())) {
        report.report(Diagnostic.KINESIS_CONSUMER_ARN_INVALID, at.at("consumerArn"),
            literal.arn());
      }
      checkResource(consumer, "consumerArn", "AWS::Kinesis::StreamConsumer",
          "an AWS::Kinesis::StreamConsumer", trigger, report);
    });
    String timestamp = trigger.startingPositionTimestamp();
    if (trigger.startingPosition() == StartingPosition.AT_TIMESTAMP && timestamp.isEmpty()) {
      report.report(Diagnostic.STARTING_TIMESTAMP_MISSING, at.at("startingPosition"));
    } else if (trigger.startingPosition() != StartingPosition.AT_TIMESTAMP
        && !timestamp.isEmpty()) {
      report.report(Diagnostic.STARTING_TIMESTAMP_UNUSED, at.at("startingPositionTimestamp"),
          timestamp, trigger.startingPosition());
    } else if (!timestamp.isEmpty() && epochSeconds(timestamp) == null) {
      report.report(Diagnostic.STARTING_TIMESTAMP_INVALID, at.at("startingPositionTimestamp"),
          timestamp);
    }
    report.add(StreamSettings.validate(trigger, shape, RECORD, WINDOW_SHAPE));
    return report.build();
  }

  /** The instant as Unix seconds, as the mapping's StartingPositionTimestamp wants it; or null. */
  static Instant epochSeconds(String timestamp) {
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static void checkResource(ArnRef ref, String attribute, String type, String expected,
      KinesisTriggerModel trigger, ValidationReport.Builder report) {
    if (ref instanceof ArnRef.Resource resource) {
      if (resource.type() == null) {
        report.report(Diagnostic.RESOURCE_NOT_FOUND, trigger.origin().at(attribute), attribute,
            resource.source(), resource.logicalId());
      } else if (!resource.type().equals(type)) {
        report.report(Diagnostic.RESOURCE_WRONG_TYPE, trigger.origin().at(attribute), attribute,
            resource.source(), resource.type(), expected);
      }
    }
  }

  private static String streamArnHint(String arn) {
    if (ArnKind.KINESIS_CONSUMER.matches(arn)) {
      return " This is a consumer's ARN: name the stream here and the consumer in consumerArn.";
    }
    if (ArnKind.DYNAMODB_STREAM.matches(arn)) {
      return " This is a DynamoDB stream: read it with @DynamoStreamTrigger.";
    }
    if (arn.startsWith("$")) {
      return " A parameter is written ${Name}, with braces.";
    }
    return "";
  }
}
