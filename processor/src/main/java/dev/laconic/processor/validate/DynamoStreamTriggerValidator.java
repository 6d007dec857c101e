package dev.laconic.processor.validate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.laconic.annotations.StartingPosition;
import dev.laconic.processor.diag.Diagnostic;
import dev.laconic.processor.diag.Origin;
import dev.laconic.processor.diag.ValidationReport;
import dev.laconic.processor.model.ArnKind;
import dev.laconic.processor.model.ArnRef;
import dev.laconic.processor.model.StreamTriggerModel;
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
final class DynamoStreamTriggerValidator {

  /** Lambda's hard limits on filter criteria, and the default quota (adjustable) of 5. */
  static final int MAX_FILTERS = 20;
  static final int DEFAULT_FILTER_QUOTA = 5;
  static final int MAX_FILTER_LENGTH = 4096;

  /** The fields of a DynamoDB stream record as Lambda filters see it. */
  static final List<String> RECORD_FIELDS = List.of("eventID", "eventName", "eventVersion",
      "eventSource", "awsRegion", "dynamodb", "userIdentity", "eventSourceARN");
  static final List<String> DYNAMODB_FIELDS = List.of("ApproximateCreationDateTime", "Keys",
      "NewImage", "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");
  private static final Map<String, List<String>> NESTED_FIELDS = Map.of("dynamodb", DYNAMODB_FIELDS);
  /** Objects whose keys are the user's own attribute names, so any key is right. */
  private static final Set<String> FREE_FORM = Set.of("Keys", "NewImage", "OldImage",
      "userIdentity");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  private DynamoStreamTriggerValidator() {}

  static ValidationReport validate(StreamTriggerModel trigger) {
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
    validateFilters(trigger, report);
    return report.build();
  }

  private static void validateFilters(StreamTriggerModel trigger,
      ValidationReport.Builder report) {
    List<String> filters = trigger.filters();
    var at = trigger.origin();
    if (filters.size() > MAX_FILTERS) {
      report.report(Diagnostic.TOO_MANY_FILTERS, at.at("filters"), filters.size());
    } else if (filters.size() > DEFAULT_FILTER_QUOTA) {
      report.report(Diagnostic.MANY_FILTERS, at.at("filters"), filters.size());
    }
    for (int i = 0; i < filters.size(); i++) {
      String filter = filters.get(i);
      if (filter.length() > MAX_FILTER_LENGTH) {
        report.report(Diagnostic.FILTER_TOO_LONG, at.at("filters", i), i, filter.length());
        continue;
      }
      JsonNode pattern;
      try {
        pattern = JSON.readTree(filter);
      } catch (JsonProcessingException e) {
        report.report(Diagnostic.FILTER_NOT_JSON, at.at("filters", i), i,
            e.getOriginalMessage());
        continue;
      }
      if (pattern == null || !pattern.isObject()) {
        report.report(Diagnostic.FILTER_NOT_OBJECT, at.at("filters", i), i,
            pattern == null || pattern.isMissingNode() ? "nothing" : typeOf(pattern));
        continue;
      }
      checkFields(trigger, i, pattern, RECORD_FIELDS, "", report);
    }
  }

  /** Walks a pattern: known field names where the record's shape is fixed, arrays at leaves. */
  private static void checkFields(StreamTriggerModel trigger, int index, JsonNode pattern,
      List<String> fields, String path, ValidationReport.Builder report) {
    for (Map.Entry<String, JsonNode> field : pattern.properties()) {
      String name = field.getKey();
      JsonNode value = field.getValue();
      var at = trigger.origin().at("filters", index);
      if (name.equals("$or") && value.isArray()) {
        for (JsonNode alternative : value) {
          if (alternative.isObject()) {
            checkFields(trigger, index, alternative, fields, path, report);
          }
        }
        continue;
      }
      if (fields != null && !fields.contains(name)) {
        String nearest = Suggestions.nearest(name, fields);
        report.report(Diagnostic.FILTER_UNKNOWN_FIELD, at, index, path + name,
            String.join(", ", fields), nearest == null ? "" : " Did you mean \"" + nearest + "\"?");
        continue;
      }
      if (value.isObject()) {
        List<String> nested = FREE_FORM.contains(name) || fields == null
            ? null : NESTED_FIELDS.get(name);
        checkFields(trigger, index, value, nested, path + name + ".", report);
      } else if (!value.isArray()) {
        report.report(Diagnostic.FILTER_VALUE_NOT_ARRAY, at, index, path + name,
            value.toString());
      }
    }
  }

  private static String typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> "number";
      case BOOLEAN -> "boolean";
      case NULL -> "null";
      default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    };
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
