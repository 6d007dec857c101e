package dev.laconic.processor.model;

import dev.laconic.processor.diag.Origin;
import java.util.Comparator;
import java.util.List;

/**
 * One Lambda function: a handler method with its triggers, IAM statements and settings.
 *
 * @param triggers in source order, all of one event source
 * @param packageName the handler's package, where the adapter is generated ("" for none)
 * @param classNames the handler class's simple names from the outermost, e.g. [Outer, Inner]
 * @param methodName the handler method
 * @param policies class-level statements first, then the method's, each in source order
 * @param composites for typed handlers, how to build the item type and every type nested in it,
 *     the item type first; empty otherwise
 */
public record FunctionModel(
    String packageName,
    List<String> classNames,
    String methodName,
    HandlerShape shape,
    FunctionSettings settings,
    List<TriggerModel> triggers,
    List<PolicyModel> policies,
    List<CompositeType> composites,
    Origin origin) {

  /**
   * The order of functions in the template and in project-wide checks: by logical id, then by
   * class and method, so that it never depends on the order javac discovered the sources in.
   */
  public static final Comparator<FunctionModel> TEMPLATE_ORDER =
      Comparator.comparing(FunctionModel::logicalIdStem)
          .thenComparing(FunctionModel::qualifiedClassName)
          .thenComparing(FunctionModel::methodName)
          .thenComparing(f -> f.shape().toString());

  public FunctionModel {
    classNames = List.copyOf(classNames);
    triggers = List.copyOf(triggers);
    policies = List.copyOf(policies);
    composites = List.copyOf(composites);
  }

  /** A function whose handler takes raw stream types, so nothing is mapped. */
  public FunctionModel(String packageName, List<String> classNames, String methodName,
      HandlerShape shape, FunctionSettings settings, List<TriggerModel> triggers,
      List<PolicyModel> policies, Origin origin) {
    this(packageName, classNames, methodName, shape, settings, triggers, policies, List.of(),
        origin);
  }

  /** The handler class as written in Java, such as {@code com.example.Outer.Inner}. */
  public String qualifiedClassName() {
    String nested = String.join(".", classNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }

  /** {@code Class.method}, for messages. */
  public String displayName() {
    return String.join(".", classNames) + "." + methodName;
  }

  /**
   * The stem of every logical id of this function: class and method names only, capitalized and
   * stripped to letters and digits ({@code OrderEvents.echo} gives {@code OrderEventsEcho}), so ids
   * never depend on discovery order.
   */
  public String logicalIdStem() {
    StringBuilder stem = new StringBuilder();
    for (String part : classNames) {
      stem.append(capitalizedAlphanumeric(part));
    }
    return stem.append(capitalizedAlphanumeric(methodName)).toString();
  }

  /** The simple name of the generated adapter: {@code Laconic_OrderEvents_echo}. */
  public String adapterSimpleName() {
    return "Laconic_" + String.join("_", classNames) + "_" + methodName;
  }

  /** The adapter's binary name, as Lambda's {@code Handler} setting wants it. */
  public String adapterBinaryName() {
    return packageName.isEmpty() ? adapterSimpleName() : packageName + "." + adapterSimpleName();
  }

  private static String capitalizedAlphanumeric(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .filter(c -> c < 128 && Character.isLetterOrDigit(c))
        .forEach(out::appendCodePoint);
    if (out.length() > 0) {
      out.setCharAt(0, Character.toUpperCase(out.charAt(0)));
    }
    return out.toString();
  }
}
