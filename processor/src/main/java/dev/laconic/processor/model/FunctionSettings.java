package dev.laconic.processor.model;

import dev.laconic.annotations.Architecture;
import dev.laconic.annotations.JavaRuntime;
import dev.laconic.annotations.Tracing;
import dev.laconic.processor.diag.Origin;
import java.util.List;

/**
 * The settings of {@code @LambdaFunction}, or their defaults when the method has none.
 *
 * @param name the explicit physical name, or empty for a CloudFormation-generated one
 * @param environment {@code KEY=value} entries as written, in source order
 * @param reservedConcurrency -1 when not reserved
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
        false, origin);
  }

  /** The environment as an ordered list of key and value; entries without '=' are skipped. */
  public List<EnvironmentVariable> variables() {
    return environment.stream()
        .filter(entry -> entry.indexOf('=') > 0)
        .map(entry -> new EnvironmentVariable(
            entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1)))
        .toList();
  }

  /** One environment variable. */
  public record EnvironmentVariable(String key, String value) {}
}
