package dev.laconic.processor.model;

import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.TieredCompilation;
import dev.laconic.annotations.Tracing;
import dev.laconic.processor.diag.Origin;
import java.util.ArrayList;
import java.util.List;

/**
 * The settings of {@code @LambdaFunction}, or their defaults when the method has none.
 *
 * @param name the explicit physical name, or empty for a CloudFormation-generated one
 * @param environment {@code KEY=value} entries as written, in source order
 * @param reservedConcurrency -1 when not reserved
 * @param tieredCompilation the JIT compilers, written as {@code JAVA_TOOL_OPTIONS} unless
 *     {@link TieredCompilation#RUNTIME_DEFAULT}
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
    Origin origin) {

  public static final int DEFAULT_MEMORY_SIZE = 512;
  public static final int DEFAULT_TIMEOUT = 30;
  public static final int DEFAULT_LOG_RETENTION_DAYS = 14;

  public FunctionSettings {
    environment = List.copyOf(environment);
  }

  /** The settings of a method without {@code @LambdaFunction}. */
  public static FunctionSettings defaults(Origin origin) {
    return new FunctionSettings("", DEFAULT_MEMORY_SIZE, DEFAULT_TIMEOUT, JavaRuntime.JAVA21,
        Architecture.X86_64, List.of(), "", -1, DEFAULT_LOG_RETENTION_DAYS, Tracing.PASS_THROUGH,
        false, TieredCompilation.RUNTIME_DEFAULT, origin);
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
