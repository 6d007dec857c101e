package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.describe.ResourceNode.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A mapping's settings, as Lambda applies them: the stream settings (starting position, retries,
 * record age, bisection, parallelization, tumbling window) only for a stream, maximum concurrency
 * for a queue, and each default as the source's kind has it (a batch of 100 from a stream, of 10
 * from a queue).
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-eventsourcemapping.html">AWS::Lambda::EventSourceMapping</a>
 */
final class MappingReader {

  private MappingReader() {}

  /**
   * @param properties the mapping's properties (or a SAM event's, whose source is under its own
   *     name)
   * @param source the id of the node it reads, already made
   * @param invokes how it invokes the function, such as {@code alias live}, if not directly
   */
  static MappingNode read(String id, JsonNode properties, String function, String source,
      Service sourceService, Optional<String> invokes, References references) {
    boolean stream = sourceService == Service.DYNAMODB || sourceService == Service.KINESIS
        || properties.has("StartingPosition");
    boolean queue = !stream && sourceService == Service.SQS;
    Settings settings = new Settings(properties);
    if (properties.path("Enabled").asText().equals("false")) {
      settings.add("Enabled", "no: it reads nothing");
    }
    settings.addOrDefault("Batch size", "BatchSize", stream ? "100" : queue ? "10" : "?");
    settings.addSeconds("Batching window", "MaximumBatchingWindowInSeconds", "0 s");
    if (stream) {
      settings.addOrDefault("Starting position", "StartingPosition", "?");
      settings.addIfSet("Starting at", "StartingPositionTimestamp");
      settings.add("Retries", unlimitedOr(properties.path("MaximumRetryAttempts"), ""));
      settings.add("Record age limit",
          unlimitedOr(properties.path("MaximumRecordAgeInSeconds"), " s"));
      settings.addOrDefault("Split batch on error", "BisectBatchOnFunctionError", "false");
      settings.addIfSet("Parallelization", "ParallelizationFactor");
      settings.addSeconds("Tumbling window", "TumblingWindowInSeconds", null);
    }
    JsonNode concurrency = properties.path("ScalingConfig").path("MaximumConcurrency");
    if (!concurrency.isMissingNode()) {
      settings.add("Maximum concurrency", TemplateText.of(concurrency));
    }
    boolean reportsFailures = false;
    for (JsonNode type : properties.path("FunctionResponseTypes")) {
      reportsFailures |= type.asText().equals("ReportBatchItemFailures");
    }
    settings.add("Reports item failures", reportsFailures ? "yes" : "no");
    invokes.ifPresent(via -> settings.add("Invokes", via));
    List<String> metrics = TemplateText.each(properties.path("MetricsConfig").path("Metrics"));
    if (!metrics.isEmpty()) {
      settings.add("Metrics", String.join(", ", metrics));
    }
    List<String> filters = new ArrayList<>();
    for (JsonNode filter : properties.path("FilterCriteria").path("Filters")) {
      filters.add(TemplateText.of(filter.path("Pattern")));
    }
    JsonNode destination = properties.path("DestinationConfig").path("OnFailure")
        .path("Destination");
    Optional<String> onFailure = destination.isMissingNode() ? Optional.empty()
        : Optional.of(references.nodeOf(destination, Service.OTHER));
    return new MappingNode(id, function, source, settings.list(), filters, onFailure);
  }

  /** -1 or nothing is Lambda's default for streams: no limit. */
  private static String unlimitedOr(JsonNode value, String unit) {
    if (value.isMissingNode() || value.isNull()) {
      return "unlimited (default)";
    }
    if (value.asText().equals("-1")) {
      return "unlimited";
    }
    return unit.equals(" s") && value.canConvertToLong() ? Settings.seconds(value.asLong())
        : TemplateText.of(value) + unit;
  }
}
