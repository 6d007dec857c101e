package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.SamGlobals;
import dev.laconic.local.describe.ResourceNode.Service;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a template into its {@link Description}, in template order: first the sources and
 * destinations it declares (so that they keep their order whatever names them first), then its
 * mappings and functions, a SAM function's stream and queue events as the mappings SAM makes of
 * them.
 */
final class DescriptionReader {

  private static final String MAPPING = "AWS::Lambda::EventSourceMapping";
  private static final String FUNCTION = "AWS::Lambda::Function";
  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  private final JsonNode template;
  private final JsonNode resources;
  private final References references;
  private final FunctionReader functionReader;
  private final List<MappingNode> mappings = new ArrayList<>();
  private final List<FunctionNode> functions = new ArrayList<>();
  private final Set<Link> links = new LinkedHashSet<>();

  DescriptionReader(JsonNode template) {
    this.template = template;
    this.resources = template.path("Resources");
    this.references = new References(template);
    this.functionReader = new FunctionReader(resources, Application.parse(template), references);
  }

  Description read() {
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      String type = resource.getValue().path("Type").asText();
      if (ResourceReader.drawn(type)) {
        references.declare(ResourceReader.read(resource.getKey(), type,
            resource.getValue().path("Properties")));
      }
    }
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      String id = resource.getKey();
      JsonNode properties = resource.getValue().path("Properties");
      switch (resource.getValue().path("Type").asText()) {
        case MAPPING -> mapping(id, properties);
        case FUNCTION -> functions.add(functionReader.read(id, properties, List.of()));
        case SERVERLESS_FUNCTION -> serverlessFunction(id,
            SamGlobals.functionProperties(template, resource.getValue()));
        default -> links.addAll(ResourceReader.links(id, properties, references));
      }
    }
    List<Setting> parameters = new ArrayList<>();
    for (Map.Entry<String, JsonNode> parameter : entries(template.path("Parameters"))) {
      parameters.add(new Setting(parameter.getKey(),
          parameter.getValue().path("Description").asText("")));
    }
    JsonNode summary = template.path("Description");
    return new Description(
        summary.isTextual() ? Optional.of(summary.asText()) : Optional.empty(),
        references.nodes(), mappings, functions, new ArrayList<>(links), parameters);
  }

  private void mapping(String id, JsonNode properties) {
    List<String> via = new ArrayList<>();
    String function = invokedFunction(properties.path("FunctionName"), via);
    addMapping(id, properties, properties.path("EventSourceArn"), Service.OTHER, function,
        via.isEmpty() ? Optional.empty() : Optional.of(via.get(0)));
  }

  /** A SAM function, and the mapping SAM makes of each of its stream and queue events. */
  private void serverlessFunction(String id, JsonNode properties) {
    List<String> otherEvents = new ArrayList<>();
    JsonNode alias = properties.path("AutoPublishAlias");
    Optional<String> via = alias.isMissingNode() ? Optional.empty()
        : Optional.of("alias " + TemplateText.of(alias));
    for (Map.Entry<String, JsonNode> event : entries(properties.path("Events"))) {
      String type = event.getValue().path("Type").asText();
      JsonNode eventProperties = event.getValue().path("Properties");
      switch (type) {
        case "DynamoDB" -> addMapping(id + event.getKey(), eventProperties,
            eventProperties.path("Stream"), Service.DYNAMODB, id, via);
        case "Kinesis" -> addMapping(id + event.getKey(), eventProperties,
            eventProperties.path("Stream"), Service.KINESIS, id, via);
        case "SQS" -> addMapping(id + event.getKey(), eventProperties,
            eventProperties.path("Queue"), Service.SQS, id, via);
        default -> otherEvents.add(event.getKey() + " (" + type + ")");
      }
    }
    functions.add(functionReader.read(id, properties, otherEvents));
  }

  private void addMapping(String id, JsonNode properties, JsonNode sourceValue,
      Service sourceService, String function, Optional<String> via) {
    String source = references.nodeOf(sourceValue, sourceService);
    Service service = references.nodes().stream().filter(n -> n.id().equals(source))
        .findFirst().map(ResourceNode::service).orElse(sourceService);
    MappingNode mapping = MappingReader.read(id, properties, function, source, service, via,
        references);
    mappings.add(mapping);
    links.add(new Link(source, id, Link.Kind.READS));
    links.add(new Link(id, function, Link.Kind.INVOKES));
    mapping.onFailure().ifPresent(to -> links.add(new Link(id, to, Link.Kind.ON_FAILURE)));
  }

  /**
   * The logical id of the function a mapping's {@code FunctionName} runs: the function itself,
   * or the function of an alias or version (a SnapStart function's mappings invoke its alias;
   * SAM's are {@code <Function>.Alias}), which {@code via} is told; a name or ARN written out is
   * the function of that {@code FunctionName}, if the template has one.
   */
  private String invokedFunction(JsonNode functionName, List<String> via) {
    Optional<String> logicalId = references.resourceId(functionName);
    String named = functionName.path("Ref").asText(TemplateText.of(functionName));
    for (String samSuffix : List.of(".Alias", ".Version")) {
      if (named.endsWith(samSuffix)) {
        via.add(samSuffix.equals(".Alias") ? "alias" : "version");
        return named.substring(0, named.length() - samSuffix.length());
      }
    }
    if (logicalId.isPresent()) {
      JsonNode target = resources.path(logicalId.get());
      switch (target.path("Type").asText()) {
        case "AWS::Lambda::Alias" -> {
          via.add("alias " + TemplateText.of(target.path("Properties").path("Name")));
          return target.path("Properties").path("FunctionName").path("Ref").asText();
        }
        case "AWS::Lambda::Version" -> {
          via.add("version");
          return target.path("Properties").path("FunctionName").path("Ref").asText();
        }
        default -> {
          return logicalId.get();
        }
      }
    }
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      String type = resource.getValue().path("Type").asText();
      if ((type.equals(FUNCTION) || type.equals(SERVERLESS_FUNCTION))
          && resource.getValue().path("Properties").path("FunctionName").asText()
              .equals(named)) {
        return resource.getKey();
      }
    }
    return named;
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode object) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      entries.add(it.next());
    }
    return entries;
  }
}
