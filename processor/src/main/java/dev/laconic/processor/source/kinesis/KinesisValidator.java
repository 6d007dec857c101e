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
      Set.of("data"), Set.of(), Map.of());

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
      String consumed = streamOf(consumer);
      String named = streamNamed(stream);
      if (consumed != null && named != null && !consumed.equals(named)) {
        report.report(Diagnostic.CONSUMER_OF_ANOTHER_STREAM, at.at("consumerArn"),
            consumer.source(), consumed, stream.source());
      }
    });
    String timestamp = trigger.startingPositionTimestamp();
    if (trigger.startingPosition() == StartingPosition.AT_TIMESTAMP && timestamp.isEmpty()) {
      report.report(Diagnostic.STARTING_TIMESTAMP_MISSING, at.at("startingPosition"));
    } else if (trigger.startingPosition() != StartingPosition.AT_TIMESTAMP
        && !timestamp.isEmpty()) {
      report.report(Diagnostic.STARTING_TIMESTAMP_UNUSED, at.at("startingPositionTimestamp"),
          timestamp, trigger.startingPosition());
    } else if (!timestamp.isEmpty() && startingInstant(timestamp) == null) {
      report.report(Diagnostic.STARTING_TIMESTAMP_INVALID, at.at("startingPositionTimestamp"),
          timestamp);
    }
    report.add(StreamSettings.validate(trigger, shape, RECORD, WINDOW_SHAPE));
    return report.build();
  }

  /**
   * The instant of {@code timestamp}, or null when it is not one Lambda accepts: "cannot be in
   * the future" (CreateEventSourceMapping), and Unix time, so not before 1970. Only this check
   * reads the clock; the template holds the instant as written.
   */
  static Instant startingInstant(String timestamp) {
    try {
      Instant at = Instant.parse(timestamp);
      return at.isBefore(Instant.EPOCH) || at.isAfter(Instant.now()) ? null : at;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * The stream a consumer belongs to, when the sources say: the stream part of a literal
   * consumer ARN, or the {@code StreamARN} of a consumer resource of the base template as
   * written ({@code arn:...} or {@code @Stream} for {@code GetAtt [Stream, Arn]}); else null.
   */
  private static String streamOf(ArnRef consumer) {
    if (consumer instanceof ArnRef.Literal literal && ArnKind.KINESIS_CONSUMER.matches(
        literal.arn())) {
      return literal.arn().substring(0, literal.arn().indexOf("/consumer/"));
    }
    if (consumer instanceof ArnRef.Resource resource) {
      var streamArn = resource.properties().path("StreamARN");
      if (streamArn.isTextual()) {
        return streamArn.asText();
      }
      var getAtt = streamArn.path("Fn::GetAtt");
      if (getAtt.isArray() && getAtt.size() == 2 && getAtt.get(1).asText().equals("Arn")) {
        return "@" + getAtt.get(0).asText();
      }
    }
    return null;
  }

  /** The stream as {@link #streamOf} writes it: a literal ARN, or {@code @Name}; else null. */
  private static String streamNamed(ArnRef stream) {
    return stream instanceof ArnRef.Literal || stream instanceof ArnRef.Resource
        ? stream.source() : null;
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
