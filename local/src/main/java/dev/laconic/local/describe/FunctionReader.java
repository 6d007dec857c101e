package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.laconic.local.app.Application;
import dev.laconic.local.app.FunctionDefinition;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A function's settings: what Lambda runs it with (runtime, memory, ephemeral storage, timeout,
 * architecture, SnapStart, layers, reserved concurrency, tracing), where and how it logs, the
 * subnets and security groups it reaches a VPC through, the key its environment is encrypted
 * with, its environment's names and what its role allows.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html">AWS::Lambda::Function</a>
 */
final class FunctionReader {

  private final Application application;
  private final PolicyReader policies;
  private final LoggingReader logging;
  private final References references;

  FunctionReader(JsonNode resources, Application application, References references) {
    this.application = application;
    this.policies = new PolicyReader(resources);
    this.logging = new LoggingReader(resources, references);
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
    // 512 MB of /tmp unless set; shown only when set, as most functions never write there.
    JsonNode storage = properties.path("EphemeralStorage").path("Size");
    if (Settings.set(storage)) {
      settings.add("Ephemeral storage", TemplateText.of(storage) + " MB");
    }
    settings.addSeconds("Timeout", "Timeout", "3 s");
    JsonNode architectures = properties.path("Architectures");
    settings.add("Architecture", architectures.isMissingNode() ? "x86_64 (default)"
        : String.join(", ", TemplateText.each(architectures)));
    JsonNode snapStart = properties.path("SnapStart").path("ApplyOn");
    if (!snapStart.isMissingNode()) {
      settings.add("SnapStart", TemplateText.of(snapStart));
    }
    addNamed(settings, "Layers", properties.path("Layers"));
    settings.addIfSet("Reserved concurrency", "ReservedConcurrentExecutions");
    JsonNode tracing = properties.has("Tracing") ? properties.path("Tracing")
        : properties.path("TracingConfig").path("Mode");
    if (!tracing.isMissingNode()) {
      settings.add("Tracing", TemplateText.of(tracing));
    }
    settings.addIfSet("Alias", "AutoPublishAlias");
    settings.addIfSet("Function name", "FunctionName");
    logging.read(properties.path("LoggingConfig"), settings);
    JsonNode vpc = properties.path("VpcConfig");
    addNamed(settings, "Subnets", vpc.path("SubnetIds"));
    addNamed(settings, "Security groups", vpc.path("SecurityGroupIds"));
    if (vpc.path("Ipv6AllowedForDualStack").asBoolean(false)) {
      settings.add("IPv6 (dual stack)", "yes");
    }
    addNamed(settings, "KMS key", properties.path("KmsKeyArn"));
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
   * {@code name}: each value of a list (or the one value, a parameter of a list type) by
   * {@link #named}, only if set.
   */
  private void addNamed(Settings settings, String name, JsonNode values) {
    if (!Settings.set(values) || values.isTextual() && values.asText().isEmpty()) {
      return; // An empty KmsKeyArn, as an empty property elsewhere, is Lambda's default.
    }
    List<String> names = new ArrayList<>();
    if (values.isArray()) {
      values.forEach(value -> names.add(named(value)));
    } else {
      names.add(named(values));
    }
    settings.add(name, names.isEmpty() ? "none" : String.join(", ", names));
  }

  /**
   * A resource of the template by its logical id, as the role is named; anything else (an id,
   * an ARN, a parameter's {@code !Ref}) as the template writes it.
   */
  private String named(JsonNode value) {
    return references.resourceId(value).orElseGet(() -> TemplateText.of(value));
  }
}
