package dev.laconic.processor.source.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.filters.Matcher.Value;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.FunctionModel;
import dev.laconic.processor.model.SqsTriggerModel;
import dev.laconic.processor.validate.FilterPatterns;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks {@code @SqsTrigger}s against what Lambda accepts for SQS mappings, including what it
 * would refuse at deploy time about a queue of the user's template: a visibility timeout shorter
 * than the function's timeout, a batch size or batching window a FIFO queue does not take.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-sqs.html">Using Lambda with
 *     Amazon SQS</a>
 */
final class SqsValidator {

  /** An SQS message as Lambda's filters see it; the body only when it is JSON. */
  static final FilterPatterns.RecordShape RECORD = new FilterPatterns.RecordShape(
      "an SQS message", List.of("messageId", "receiptHandle", "body", "attributes",
          "messageAttributes", "md5OfBody", "md5OfMessageAttributes", "eventSource",
          "eventSourceARN", "awsRegion"), Map.of(),
      Set.of("body", "attributes", "messageAttributes"), Set.of(),
      // Every attribute is a string, ApproximateReceiveCount too.
      Map.ofEntries(Map.entry("messageId", Value.STRING), Map.entry("receiptHandle", Value.STRING),
          Map.entry("md5OfBody", Value.STRING), Map.entry("eventSource", Value.STRING),
          Map.entry("eventSourceARN", Value.STRING), Map.entry("awsRegion", Value.STRING),
          Map.entry("attributes.*", Value.STRING)));

  /** SQS's default visibility timeout, in seconds, when the queue does not set one. */
  static final int DEFAULT_VISIBILITY_TIMEOUT = 30;

  private SqsValidator() {}

  static ValidationReport validate(List<SqsTriggerModel> triggers, FunctionModel function) {
    ValidationReport.Builder report = ValidationReport.builder();
    Set<String> queues = new HashSet<>();
    for (SqsTriggerModel trigger : triggers) {
      report.add(validate(trigger, function));
      if (!queues.add(trigger.queueArn().source())) {
        report.report(Diagnostic.DUPLICATE_QUEUE, trigger.origin().at("queueArn"),
            trigger.queueArn().source());
      }
    }
    return report.build();
  }

  private static ValidationReport validate(SqsTriggerModel trigger, FunctionModel function) {
    ValidationReport.Builder report = ValidationReport.builder();
    var at = trigger.origin();
    ArnRef queue = trigger.queueArn();
    if (queue instanceof ArnRef.Literal literal && !ArnKind.SQS_QUEUE.matches(literal.arn())) {
      report.report(Diagnostic.SQS_QUEUE_ARN_INVALID, at.at("queueArn"), literal.arn(),
          literal.arn().startsWith("https://")
              ? " This is the queue's URL; a mapping takes its ARN (CloudFormation:"
                  + " Fn::GetAtt [Queue, Arn])." : "");
    }
    if (queue instanceof ArnRef.Resource resource) {
      if (resource.type() == null) {
        report.report(Diagnostic.RESOURCE_NOT_FOUND, at.at("queueArn"), "queueArn",
            resource.source(), resource.logicalId());
      } else if (!resource.type().equals("AWS::SQS::Queue")) {
        report.report(Diagnostic.RESOURCE_WRONG_TYPE, at.at("queueArn"), "queueArn",
            resource.source(), resource.type(), "an AWS::SQS::Queue");
      } else {
        checkQueue(trigger, resource, function, report);
      }
    }
    boolean fifo = trigger.knownFifo();
    int batchSize = trigger.batchSize();
    int window = trigger.maximumBatchingWindowInSeconds();
    if (batchSize < 1 || batchSize > 10_000) {
      report.report(Diagnostic.SQS_BATCH_SIZE_RANGE, at.at("batchSize"), batchSize);
    } else if (fifo && batchSize > 10) {
      report.report(Diagnostic.SQS_FIFO_BATCH_SIZE, at.at("batchSize"), batchSize,
          queue.source());
    } else if (batchSize > 10 && window < 1) {
      report.report(Diagnostic.SQS_BATCH_SIZE_NEEDS_WINDOW, at.at("batchSize"), batchSize);
    }
    report.range(window, 0, 300, Diagnostic.BATCHING_WINDOW_RANGE,
        at.at("maximumBatchingWindowInSeconds"));
    if (fifo && window > 0 && window <= 300) {
      report.report(Diagnostic.SQS_FIFO_BATCHING_WINDOW, at.at("maximumBatchingWindowInSeconds"),
          window, queue.source());
    }
    int concurrency = trigger.maximumConcurrency();
    if (concurrency != 0 && (concurrency < 2 || concurrency > 1000)) {
      report.report(Diagnostic.SQS_MAXIMUM_CONCURRENCY_RANGE, at.at("maximumConcurrency"),
          concurrency);
    }
    report.add(FilterPatterns.validate(trigger.filters(), trigger.origin(), RECORD));
    return report.build();
  }

  /**
   * What Lambda checks when it creates the mapping: "the visibility timeout of the queue must be
   * at least the function's timeout"; and whether Laconic can grant decrypting the queue's key.
   */
  private static void checkQueue(SqsTriggerModel trigger, ArnRef.Resource queue,
      FunctionModel function, ValidationReport.Builder report) {
    JsonNode visibility = queue.properties().path("VisibilityTimeout");
    int timeout = function.settings().timeout();
    Integer seconds = visibility.isMissingNode() ? Integer.valueOf(DEFAULT_VISIBILITY_TIMEOUT)
        : visibility.isIntegralNumber() ? Integer.valueOf(visibility.asInt())
        : visibility.isTextual() && visibility.asText().matches("[0-9]{1,6}")
            ? Integer.valueOf(visibility.asText()) : null; // an intrinsic: known at deploy time
    if (seconds != null && seconds < timeout) {
      report.report(Diagnostic.SQS_VISIBILITY_TIMEOUT_TOO_SHORT, trigger.origin().at("queueArn"),
          queue.source(), seconds, timeout, timeout, Math.min(43_200, 6 * timeout));
    }
    if (!trigger.key().unresolved().isEmpty()) {
      report.report(Diagnostic.SQS_KMS_KEY_UNRESOLVED, trigger.origin().at("queueArn"),
          queue.source(), trigger.key().unresolved());
    }
  }
}
