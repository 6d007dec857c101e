package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Where a function logs and how, from its {@code LoggingConfig}: the log group with its
 * retention, the format, and for JSON the levels below which Lambda drops the function's and its
 * own records.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-loggingconfig.html">LoggingConfig</a>
 */
final class LoggingReader {

  private final JsonNode resources;
  private final References references;

  LoggingReader(JsonNode resources, References references) {
    this.resources = resources;
    this.references = references;
  }

  void read(JsonNode loggingConfig, Settings settings) {
    settings.add("Log group", logGroup(loggingConfig.path("LogGroup")));
    JsonNode format = loggingConfig.path("LogFormat");
    settings.addOrDefault("Log format", format, "Text");
    JsonNode application = loggingConfig.path("ApplicationLogLevel");
    JsonNode system = loggingConfig.path("SystemLogLevel");
    if (format.asText().equals("JSON")) {
      // Lambda filters by level only JSON logs, at INFO unless told otherwise.
      settings.addOrDefault("Application log level", application, "INFO");
      settings.addOrDefault("System log level", system, "INFO");
    } else if (Settings.set(format) && !format.isValueNode()) {
      // A parameter (or another function) chooses the format: the levels set count if it is JSON.
      settings.addIfSet("Application log level", application);
      settings.addIfSet("System log level", system);
    }
  }

  /**
   * The function's log group: the one {@code LoggingConfig} names, with its retention, or
   * Lambda's own {@code /aws/lambda/<name>}, kept forever.
   */
  private String logGroup(JsonNode named) {
    if (named.isMissingNode()) {
      return "/aws/lambda/<function name> (default), kept forever";
    }
    Optional<String> logicalId = references.resourceId(named);
    if (logicalId.isEmpty()) {
      return TemplateText.of(named);
    }
    JsonNode group = resources.path(logicalId.get()).path("Properties");
    String name = group.has("LogGroupName") ? TemplateText.of(group.get("LogGroupName"))
        : logicalId.get();
    return name + ", " + (group.has("RetentionInDays")
        ? group.get("RetentionInDays").asText() + " days" : "kept forever");
  }
}
