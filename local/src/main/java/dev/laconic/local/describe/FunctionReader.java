package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A function's settings: what Lambda runs it with (runtime, memory, timeout, architecture,
 * SnapStart, reserved concurrency, tracing), where it logs, its environment's names and what its
 * role allows.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html">AWS::Lambda::Function</a>
 */
final class FunctionReader {

  private final JsonNode resources;
  private final Application application;
  private final PolicyReader policies;
  private final References references;

  FunctionReader(JsonNode resources, Application application, References references) {
    this.resources = resources;
    this.application = application;
    this.policies = new PolicyReader(resources);
    this.references = references;
  }

  /**
   * @param properties the function's properties, a SAM function's over its template's
   *     {@code Globals}
   * @param otherEvents its SAM events that are no mapping
   */
  FunctionNode read(String id, JsonNode properties, List<String> otherEvents) {
    Optional<FunctionDefinition> definition = application.function(id);
    String handler = properties.path("Handler").asText();
    Settings settings = new Settings(properties);
    definition.ifPresent(d -> settings.add("Handler method", d.displayName()));
    if (properties.path("PackageType").asText().equals("Image")) {
      settings.add("Runtime", "container image");
    } else {
      settings.addOrDefault("Runtime", "Runtime", "?");
    }
    settings.addWithUnit("Memory", "MemorySize", " MB", "128 MB");
    settings.addSeconds("Timeout", "Timeout", "3 s");
    JsonNode architectures = properties.path("Architectures");
    settings.add("Architecture", architectures.isMissingNode() ? "x86_64 (default)"
        : String.join(", ", TemplateText.each(architectures)));
    JsonNode snapStart = properties.path("SnapStart").path("ApplyOn");
    if (!snapStart.isMissingNode()) {
      settings.add("SnapStart", TemplateText.of(snapStart));
    }
    settings.addIfSet("Reserved concurrency", "ReservedConcurrentExecutions");
    JsonNode tracing = properties.has("Tracing") ? properties.path("Tracing")
        : properties.path("TracingConfig").path("Mode");
    if (!tracing.isMissingNode()) {
      settings.add("Tracing", TemplateText.of(tracing));
    }
    settings.addIfSet("Alias", "AutoPublishAlias");
    settings.addIfSet("Function name", "FunctionName");
    settings.add("Log group", logGroup(properties));
    Optional<String> role = references.resourceId(properties.path("Role"));
    settings.add("Role", role.orElseGet(() -> properties.has("Role")
        ? TemplateText.of(properties.get("Role")) : "made by SAM"));
    settings.addIfSet("Description", "Description");
    settings.add("Handler", handler);
    List<String> environment = new ArrayList<>();
    for (Iterator<String> it = properties.path("Environment").path("Variables").fieldNames();
        it.hasNext(); ) {
      environment.add(it.next());
    }
    return new FunctionNode(id, handler,
        definition.map(FunctionDefinition::displayName).orElse(handler),
        definition.map(FunctionDefinition::generated).orElse(false), settings.list(),
        environment, policies.statements(properties, role), otherEvents);
  }

  /**
   * The function's log group: the one {@code LoggingConfig} names, with its retention, or
   * Lambda's own {@code /aws/lambda/<name>}, kept forever.
   */
  private String logGroup(JsonNode properties) {
    JsonNode named = properties.path("LoggingConfig").path("LogGroup");
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

  /** The function's properties with a SAM template's {@code Globals.Function} beneath them. */
  static JsonNode withGlobals(JsonNode properties, JsonNode globals) {
    if (!globals.isObject()) {
      return properties;
    }
    ObjectNode merged = ((ObjectNode) globals).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      merged.set(property.getKey(), property.getValue());
    }
    return merged;
  }
}
