package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The functions of an application and their stream mappings, read from the
 * {@code laconic/template.json} that Laconic writes beside the compiled classes.
 *
 * <p>Only what a local run needs is read: each function's handler, timeout and memory, and each
 * mapping's settings. Other resources (roles, log groups) have no local meaning.
 */
public record Application(List<FunctionDefinition> functions) {

  /** Where Laconic writes the template, relative to the class output. */
  public static final String TEMPLATE = "laconic/template.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  public Application {
    functions = List.copyOf(functions);
  }

  /**
   * The application whose template is on {@code loader}'s class path.
   *
   * @throws IllegalStateException when there is none: the application was not compiled with
   *     Laconic, or the build had errors
   */
  public static Application fromClassPath(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException(TEMPLATE + " is not on the class path. Compile the"
            + " application with the Laconic processor first (a build with errors writes no"
            + " template).");
      }
      return parse(JSON.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The application {@code anyClass} belongs to: the template in the same class directory or jar,
   * even when other templates (of test classes, of libraries) are on the class path too.
   */
  public static Application fromClassOf(Class<?> anyClass) {
    try {
      java.net.URL location = anyClass.getProtectionDomain().getCodeSource().getLocation();
      java.net.URL template = location.getPath().endsWith(".jar")
          ? new java.net.URL("jar:" + location + "!/" + TEMPLATE)
          : new java.net.URL(location, TEMPLATE);
      try (InputStream in = template.openStream()) {
        return parse(JSON.readTree(in));
      }
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException(TEMPLATE + " is not beside " + anyClass.getName()
          + ". Compile the application with the Laconic processor first.", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application of the template file {@code template} (JSON, as Laconic writes it). */
  public static Application fromTemplate(Path template) {
    try {
      return parse(JSON.readTree(Files.readAllBytes(template)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The application of a parsed template. */
  public static Application parse(JsonNode template) {
    JsonNode resources = template.path("Resources");
    Map<String, List<MappingDefinition>> mappingsByFunction = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (type(resource.getValue()).equals("AWS::Lambda::EventSourceMapping")) {
        JsonNode properties = resource.getValue().path("Properties");
        String function = properties.path("FunctionName").path("Ref").asText();
        mappingsByFunction.computeIfAbsent(function, f -> new ArrayList<>())
            .add(mapping(resource.getKey(), properties, resources));
      }
    }
    List<FunctionDefinition> functions = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (type(resource.getValue()).equals("AWS::Lambda::Function")) {
        JsonNode properties = resource.getValue().path("Properties");
        String handler = properties.path("Handler").asText();
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        if (!handlerClass.substring(handlerClass.lastIndexOf('.') + 1).startsWith("Laconic_")) {
          continue; // a function of the user's own template, not one Laconic generated
        }
        functions.add(new FunctionDefinition(
            resource.getKey(),
            separator < 0 ? handler : handler.substring(0, separator),
            properties.path("Timeout").asInt(3),
            properties.path("MemorySize").asInt(128),
            mappingsByFunction.getOrDefault(resource.getKey(), List.of())));
      }
    }
    return new Application(functions);
  }

  /** The function with logical id {@code logicalId}. */
  public Optional<FunctionDefinition> function(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  private static String type(JsonNode resource) {
    return resource.path("Type").asText();
  }

  private static MappingDefinition mapping(String logicalId, JsonNode properties,
      JsonNode resources) {
    List<String> filters = new ArrayList<>();
    for (JsonNode filter : properties.path("FilterCriteria").path("Filters")) {
      filters.add(filter.path("Pattern").asText());
    }
    boolean reportsFailures = false;
    for (JsonNode responseType : properties.path("FunctionResponseTypes")) {
      reportsFailures |= responseType.asText().equals("ReportBatchItemFailures");
    }
    JsonNode destination = properties.path("DestinationConfig").path("OnFailure")
        .path("Destination");
    return new MappingDefinition(
        logicalId,
        TemplateValue.of(properties.get("EventSourceArn"), resources),
        properties.path("StartingPosition").asText("TRIM_HORIZON"),
        properties.path("BatchSize").asInt(100),
        properties.path("Enabled").asBoolean(true),
        properties.path("MaximumBatchingWindowInSeconds").asInt(0),
        properties.path("MaximumRetryAttempts").asInt(-1),
        properties.path("MaximumRecordAgeInSeconds").asInt(-1),
        properties.path("BisectBatchOnFunctionError").asBoolean(false),
        filters,
        reportsFailures,
        destination.isMissingNode() ? Optional.empty()
            : Optional.of(TemplateValue.of(destination, resources)));
  }
}
