package dev.laconic.local.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * <p>Only what a local run needs is read: each function's handler, name, timeout, memory,
 * environment and logging config, and each mapping's settings; a SAM function's over its
 * template's {@code Globals.Function}, as SAM merges them ({@link SamGlobals}). Other resources
 * (roles, log groups) have no local meaning. Every function is read, those of the application's
 * own template too; the runner runs only the {@link #generatedFunctions() generated} ones, the
 * invoker any.
 */
public record Application(List<FunctionDefinition> functions) {

  /** Where Laconic writes the template, relative to the class output. */
  public static final String TEMPLATE = "laconic/template.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

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
    try (InputStream in = templateBeside(anyClass).openStream()) {
      return parse(JSON.readTree(in));
    } catch (java.io.FileNotFoundException e) {
      throw new IllegalStateException(TEMPLATE + " is not beside " + anyClass.getName()
          + ". Compile the application with the Laconic processor first.", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The place of the template of the application {@code anyClass} belongs to: in the same class
   * directory or jar. No file may be there.
   */
  public static java.net.URL templateBeside(Class<?> anyClass) {
    try {
      java.net.URL location = anyClass.getProtectionDomain().getCodeSource().getLocation();
      return location.getPath().endsWith(".jar")
          ? new java.net.URL("jar:" + location + "!/" + TEMPLATE)
          : new java.net.URL(location, TEMPLATE);
    } catch (java.net.MalformedURLException e) {
      throw new IllegalArgumentException(e);
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
        String function = invokedFunction(properties.path("FunctionName").path("Ref").asText(),
            resources);
        mappingsByFunction.computeIfAbsent(function, f -> new ArrayList<>())
            .add(mapping(resource.getKey(), properties, resources));
      } else if (type(resource.getValue()).equals(SERVERLESS_FUNCTION)) {
        // Added to what mappings elsewhere in the template already gave the function.
        mappingsByFunction.computeIfAbsent(resource.getKey(), f -> new ArrayList<>())
            .addAll(samEvents(resource.getKey(),
                resource.getValue().path("Properties").path("Events"), resources));
      }
    }
    List<FunctionDefinition> functions = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      if (type(resource.getValue()).equals("AWS::Lambda::Function")
          || type(resource.getValue()).equals(SERVERLESS_FUNCTION)) {
        boolean serverless = type(resource.getValue()).equals(SERVERLESS_FUNCTION);
        JsonNode properties = serverless
            ? SamGlobals.functionProperties(template, resource.getValue())
            : resource.getValue().path("Properties");
        String handler = properties.path("Handler").asText();
        int separator = handler.lastIndexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        JsonNode name = properties.path("FunctionName");
        functions.add(new FunctionDefinition(
            resource.getKey(),
            handler,
            name.isTextual() ? Optional.of(name.asText()) : Optional.empty(),
            properties.path("Timeout").asInt(3),
            properties.path("MemorySize").asInt(128),
            environment(properties.path("Environment").path("Variables")),
            handlerClass.substring(handlerClass.lastIndexOf('.') + 1)
                .startsWith(FunctionDefinition.ADAPTER_PREFIX),
            mappingsByFunction.getOrDefault(resource.getKey(), List.of()),
            LoggingConfig.of(properties.path("LoggingConfig"))));
      }
    }
    return new Application(functions);
  }

  /**
   * The logical id of the function that {@code invoked} runs: the function itself, or the
   * function of an alias or version (a SnapStart function's mappings invoke its alias). Locally
   * an alias runs the function's code as built, as a freshly published version would. A SAM
   * function's alias and version are {@code Ref: <Function>.Alias} and {@code <Function>.Version}.
   */
  private static String invokedFunction(String invoked, JsonNode resources) {
    for (String samSuffix : List.of(".Alias", ".Version")) {
      if (invoked.endsWith(samSuffix)) {
        return invoked.substring(0, invoked.length() - samSuffix.length());
      }
    }
    JsonNode target = resources.path(invoked);
    String type = type(target);
    if (type.equals("AWS::Lambda::Alias") || type.equals("AWS::Lambda::Version")) {
      return target.path("Properties").path("FunctionName").path("Ref").asText();
    }
    return invoked;
  }

  /** The function with logical id {@code logicalId}. */
  public Optional<FunctionDefinition> function(String logicalId) {
    return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  /** The functions Laconic generated, which the runner runs, in template order. */
  public List<FunctionDefinition> generatedFunctions() {
    return functions.stream().filter(FunctionDefinition::generated).toList();
  }

  /**
   * The one function {@code name} names: its logical id, else its {@code FunctionName}, handler
   * or display name (see {@link FunctionDefinition#isNamed}).
   *
   * @throws IllegalArgumentException when no function or more than one has that name; the
   *     message lists the candidates
   */
  public FunctionDefinition find(String name) {
    Optional<FunctionDefinition> byId = function(name);
    if (byId.isPresent()) {
      return byId.get();
    }
    List<FunctionDefinition> named = functions.stream().filter(f -> f.isNamed(name)).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.isEmpty()) {
      throw new IllegalArgumentException("No function " + name + " in the template. "
          + (functions.isEmpty() ? "It has none." : "It has:\n" + describe(functions)));
    }
    throw new IllegalArgumentException(name + " names " + named.size() + " functions; use a"
        + " logical id:\n" + describe(named));
  }

  private static String describe(List<FunctionDefinition> functions) {
    StringBuilder text = new StringBuilder();
    for (FunctionDefinition function : functions) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append("  ").append(function.logicalId()).append("  ").append(function.displayName());
      function.functionName().ifPresent(name -> text.append("  (FunctionName ").append(name)
          .append(')'));
    }
    return text.toString();
  }

  private static Map<String, String> environment(JsonNode variables) {
    Map<String, String> environment = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> variable = it.next();
      JsonNode value = variable.getValue();
      if (value.size() == 1 && value.path("Ref").asText().equals("AWS::NoValue")) {
        // CloudFormation leaves the variable out: how a SAM function drops one of the globals.
        continue;
      }
      environment.put(variable.getKey(), value.isValueNode() ? value.asText() : value.toString());
    }
    return environment;
  }

  /**
   * The mappings of a SAM function (the SAM variant of the template): its stream and queue
   * events, whose properties are a mapping's but for the source's ARN ({@code Stream},
   * {@code Queue}); named {@code <Function><Event>}, as SAM names the mappings it writes.
   */
  private static List<MappingDefinition> samEvents(String functionId, JsonNode events,
      JsonNode resources) {
    List<MappingDefinition> mappings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = events.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> event = it.next();
      JsonNode properties = event.getValue().path("Properties");
      String arn = switch (event.getValue().path("Type").asText()) {
        case "DynamoDB", "Kinesis" -> "Stream";
        case "SQS" -> "Queue";
        default -> null; // an event that is no mapping (an API, a schedule): not run here
      };
      if (arn != null && properties.isObject()) {
        ObjectNode mapping = properties.deepCopy();
        mapping.set("EventSourceArn", mapping.remove(arn));
        mappings.add(mapping(functionId + event.getKey(), mapping, resources));
      }
    }
    return mappings;
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
