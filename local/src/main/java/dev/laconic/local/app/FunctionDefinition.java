package dev.laconic.local.app;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code AWS::Lambda::Function} of the template with the mappings that invoke it.
 *
 * @param logicalId such as {@code OrderEventsEchoFunction}
 * @param handler the {@code Handler} setting as Lambda reads it, such as
 *     {@code com.example.orders.Laconic_OrderEvents_echo::handleRequest}
 * @param functionName the physical {@code FunctionName}, when the template sets one
 * @param timeoutSeconds the function's {@code Timeout}, for {@code getRemainingTimeInMillis}
 * @param environment {@code Environment.Variables}, in template order; a value that is not a
 *     plain string (an intrinsic function) is kept as its JSON text
 * @param generated whether Laconic generated the function (its handler is a {@code Laconic_}
 *     adapter), rather than the application's own template
 * @param logging its {@code LoggingConfig}: the format and level of the records it logs
 */
public record FunctionDefinition(String logicalId, String handler, Optional<String> functionName,
    int timeoutSeconds, int memorySize, Map<String, String> environment, boolean generated,
    List<MappingDefinition> mappings, LoggingConfig logging) {

  /** The prefix of every adapter class Laconic generates. */
  static final String ADAPTER_PREFIX = "Laconic_";

  public FunctionDefinition {
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(logging, "logging");
    environment = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    mappings = List.copyOf(mappings);
  }

  /**
   * The handler class, {@code Handler} without its {@code ::method}, such as
   * {@code com.example.orders.Laconic_OrderEvents_echo}.
   */
  public String handlerClass() {
    int separator = handler.lastIndexOf("::");
    return separator < 0 ? handler : handler.substring(0, separator);
  }

  /**
   * The name Lambda gives the function: its {@code FunctionName}, or else (locally, where there
   * is no stack name to prefix) its logical id.
   */
  public String name() {
    return functionName.orElse(logicalId);
  }

  /**
   * The handler method the way a person names it: {@code OrderEvents.echo} for Laconic's adapter
   * {@code Laconic_OrderEvents_echo}, {@code Handler.handleRequest} for a handler of the
   * application's own template.
   */
  public String displayName() {
    String simpleName = simpleName(handlerClass());
    if (generated) {
      return simpleName.substring(ADAPTER_PREFIX.length()).replace('_', '.');
    }
    int separator = handler.lastIndexOf("::");
    return simpleName + "." + (separator < 0 ? "handleRequest" : handler.substring(separator + 2));
  }

  /**
   * Whether {@code name} names this function: its logical id, its {@code FunctionName}, its
   * {@code Handler} or handler class, or its {@link #displayName() display name}, with or without
   * the package ({@code OrderEvents.echo}, {@code com.example.orders.OrderEvents.echo}).
   */
  public boolean isNamed(String name) {
    if (name.equals(logicalId) || name.equals(functionName.orElse(null))
        || name.equals(handler) || name.equals(handlerClass())) {
      return true;
    }
    String packagePrefix = packagePrefix(handlerClass());
    String unqualified = !packagePrefix.isEmpty() && name.startsWith(packagePrefix)
        ? name.substring(packagePrefix.length()) : name;
    if (generated) {
      // Laconic_<Class>_<Nested>_<method>: compare with the dots of the name made underscores, so
      // that a class or method name with an underscore of its own still matches.
      return (ADAPTER_PREFIX + unqualified.replace('.', '_')).equals(simpleName(handlerClass()));
    }
    return unqualified.equals(displayName());
  }

  /**
   * The names of the template's environment variables that this JVM's environment lacks or
   * holds with another value: a running JVM cannot change its own environment, so a local
   * invocation sees the environment it was started with.
   */
  public List<String> environmentNotApplied(Map<String, String> processEnvironment) {
    List<String> differing = new ArrayList<>();
    environment.forEach((key, value) -> {
      if (!value.equals(processEnvironment.get(key))) {
        differing.add(key);
      }
    });
    return differing;
  }

  private static String simpleName(String className) {
    String name = className.substring(className.lastIndexOf('.') + 1);
    return name.substring(name.lastIndexOf('$') + 1);
  }

  private static String packagePrefix(String className) {
    return className.substring(0, className.lastIndexOf('.') + 1);
  }
}
