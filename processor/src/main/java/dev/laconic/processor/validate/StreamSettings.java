package dev.laconic.processor.validate;

import dev.laconic.annotations.DestinationKind;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FailureDestination;
import dev.laconic.processor.model.HandlerShape;
import dev.laconic.processor.model.StreamTrigger;
import java.util.Set;

/**
 * Checks the settings stream mappings share (DynamoDB streams and Kinesis) against Lambda's
 * limits: batching, retries, record age, parallelism, windows, the on-failure destination and
 * the filters.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html">
 *     CreateEventSourceMapping</a>
 */
public final class StreamSettings {

  private static final Set<String> DESTINATION_TYPES =
      Set.of("AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::S3::Bucket");

  private StreamSettings() {}

  /**
   * Checks {@code trigger}'s shared settings, its filters against {@code record}, and that a
   * window setting and a window handler come together.
   *
   * @param windowShape the handler signature that takes a window, spelled out for messages
   */
  public static ValidationReport validate(StreamTrigger trigger, HandlerShape shape,
      FilterPatterns.RecordShape record, String windowShape) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = trigger.origin();
    report.range(trigger.batchSize(), 1, 10_000, Diagnostic.BATCH_SIZE_RANGE,
        at.at("batchSize"));
    report.range(trigger.maximumBatchingWindowInSeconds(), 0, 300,
        Diagnostic.BATCHING_WINDOW_RANGE, at.at("maximumBatchingWindowInSeconds"));
    report.range(trigger.maximumRetryAttempts(), -1, 10_000, Diagnostic.RETRY_ATTEMPTS_RANGE,
        at.at("maximumRetryAttempts"));
    int age = trigger.maximumRecordAgeInSeconds();
    if (age != -1 && (age < 60 || age > 604_800)) {
      report.report(Diagnostic.RECORD_AGE_RANGE, at.at("maximumRecordAgeInSeconds"), age);
    }
    report.range(trigger.parallelizationFactor(), 1, 10, Diagnostic.PARALLELIZATION_RANGE,
        at.at("parallelizationFactor"));
    int window = trigger.tumblingWindowInSeconds();
    report.range(window, 0, 900, Diagnostic.TUMBLING_WINDOW_RANGE,
        at.at("tumblingWindowInSeconds"));
    if (shape != null && window > 0 && window <= 900
        && shape.input() != HandlerShape.Input.WINDOW) {
      report.report(Diagnostic.WINDOW_WITHOUT_WINDOW_HANDLER, at.at("tumblingWindowInSeconds"),
          window, windowShape);
    } else if (shape != null && window == 0 && shape.input() == HandlerShape.Input.WINDOW) {
      report.report(Diagnostic.WINDOW_HANDLER_WITHOUT_WINDOW, at.at("tumblingWindowInSeconds"));
    }
    trigger.failureDestination().ifPresent(destination -> report.add(validate(destination,
        trigger)));
    report.add(FilterPatterns.validate(trigger.filters(), trigger.origin(), record));
    return report.build();
  }

  private static ValidationReport validate(FailureDestination destination,
      StreamTrigger trigger) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = trigger.origin().at("onFailure");
    ArnRef arn = destination.arn();
    if (arn instanceof ArnRef.Resource resource) {
      if (resource.type() == null) {
        report.report(Diagnostic.RESOURCE_NOT_FOUND, at, "onFailure", resource.source(),
            resource.logicalId());
      } else if (!DESTINATION_TYPES.contains(resource.type())) {
        report.report(Diagnostic.RESOURCE_WRONG_TYPE, at, "onFailure", resource.source(),
            resource.type(), "an AWS::SQS::Queue, an AWS::SNS::Topic or an AWS::S3::Bucket");
      }
    }
    if (arn instanceof ArnRef.Literal literal
        && !ArnKind.FAILURE_DESTINATION.matches(literal.arn())) {
      report.report(Diagnostic.ON_FAILURE_INVALID, at, literal.arn());
    }
    DestinationKind declared = destination.kind();
    DestinationKind known = new FailureDestination(arn, DestinationKind.AUTO).resolvedKind();
    if (declared != DestinationKind.AUTO && known != DestinationKind.AUTO && declared != known) {
      report.report(Diagnostic.ON_FAILURE_KIND_MISMATCH, trigger.origin().at("onFailureKind"),
          declared, arn.source(), known);
    } else if (arn instanceof ArnRef.Parameter && declared == DestinationKind.AUTO) {
      report.report(Diagnostic.ON_FAILURE_KIND_UNKNOWN, at, arn.source());
    }
    return report.build();
  }
}
