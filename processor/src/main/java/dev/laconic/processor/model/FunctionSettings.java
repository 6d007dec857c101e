package dev.laconic.processor.model;

import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.TieredCompilation;
import dev.laconic.annotations.Tracing;
import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of {@code @LambdaFunction}, or their defaults when the method has none.
 *
 * @param name the explicit physical name, or empty for a CloudFormation-generated one
 * @param environment {@code KEY=value} entries as written, in source order
 * @param reservedConcurrency -1 when not reserved
 * @param tieredCompilation the JIT compilers, written as {@code JAVA_TOOL_OPTIONS} unless
 *     {@link TieredCompilation#RUNTIME_DEFAULT}
 * @param layers layer versions in source order
 * @param ephemeralStorage the size of {@code /tmp} in MB
 * @param kmsKey the key that encrypts the environment, when not Lambda's own
 */
public record FunctionSettings(
    String name,
    int memorySize,
    int timeout,
    JavaRuntime runtime,
    Architecture architecture,
    List<String> environment,
    String description,
    int reservedConcurrency,
    int logRetentionDays,
    Tracing tracing,
    boolean snapStart,
    TieredCompilation tieredCompilation,
    LoggingSettings logging,
    VpcSettings vpc,
    List<ArnRef> layers,
    int ephemeralStorage,
    Optional<ArnRef> kmsKey,
    Origin origin) {

  public static final int DEFAULT_MEMORY_SIZE = 512;
  public static final int DEFAULT_TIMEOUT = 30;
  public static final int DEFAULT_LOG_RETENTION_DAYS = 14;
  /** Lambda's own size of {@code /tmp}, in MB: not written. */
  public static final int DEFAULT_EPHEMERAL_STORAGE = 512;

  public FunctionSettings {
    environment = List.copyOf(environment);
    layers = List.copyOf(layers);
  }

  /** The settings of a method without {@code @LambdaFunction}. */
  public static FunctionSettings defaults(Origin origin) {
    return new FunctionSettings("", DEFAULT_MEMORY_SIZE, DEFAULT_TIMEOUT, JavaRuntime.JAVA21,
        Architecture.X86_64, List.of(), "", -1, DEFAULT_LOG_RETENTION_DAYS, Tracing.PASS_THROUGH,
        false, TieredCompilation.RUNTIME_DEFAULT, LoggingSettings.DEFAULT, VpcSettings.NONE,
        List.of(), DEFAULT_EPHEMERAL_STORAGE, Optional.empty(), origin);
  }

  /**
   * A setting's value that names something outside the function, of the kind it must be.
   *
   * @param attribute the annotation attribute: {@code subnetIds}, {@code layers}, {@code kmsKey}
   * @param at where the value is written: the list element, or the attribute of a single value
   */
  public record Reference(String attribute, ArnKind kind, ArnRef value, Origin.Location at) {}

  /**
   * The values of {@code subnetIds}, {@code securityGroupIds}, {@code layers} and {@code kmsKey},
   * in that order, each list in source order.
   */
  public List<Reference> references() {
    List<Reference> references = new ArrayList<>();
    addReferences(references, "subnetIds", ArnKind.SUBNET_IDS, vpc.subnetIds());
    addReferences(references, "securityGroupIds", ArnKind.SECURITY_GROUP_IDS,
        vpc.securityGroupIds());
    addReferences(references, "layers", ArnKind.LAYER_VERSION, layers);
    kmsKey.ifPresent(key -> references.add(
        new Reference("kmsKey", ArnKind.KMS_KEY, key, origin.at("kmsKey"))));
    return references;
  }

  private void addReferences(List<Reference> references, String attribute, ArnKind kind,
      List<ArnRef> values) {
    for (int i = 0; i < values.size(); i++) {
      references.add(new Reference(attribute, kind, values.get(i), origin.at(attribute, i)));
    }
  }

  /** The variable {@code tieredCompilation} writes, unless it leaves the runtime's default. */
  public static final String JAVA_TOOL_OPTIONS = "JAVA_TOOL_OPTIONS";

  /**
   * The function's environment variables in order: the entries as written (those without '='
   * skipped), then {@code JAVA_TOOL_OPTIONS} when {@code tieredCompilation} sets it.
   */
  public List<EnvironmentVariable> variables() {
    List<EnvironmentVariable> variables = new ArrayList<>();
    for (String entry : environment) {
      int equals = entry.indexOf('=');
      if (equals > 0) {
        variables.add(new EnvironmentVariable(entry.substring(0, equals),
            entry.substring(equals + 1)));
      }
    }
    if (!tieredCompilation.javaToolOptions().isEmpty()) {
      variables.add(new EnvironmentVariable(JAVA_TOOL_OPTIONS,
          tieredCompilation.javaToolOptions()));
    }
    return List.copyOf(variables);
  }

  /** One environment variable. */
  public record EnvironmentVariable(String key, String value) {}
}
