package dev.laconic.annotations;

/**
 * Which of the JVM's just-in-time compilers a function's code reaches, written as the
 * function's {@code JAVA_TOOL_OPTIONS}
 * (<a href="https://docs.aws.amazon.com/lambda/latest/dg/java-customization.html">Customize Java
 * runtime startup behavior</a>). C1 compiles quickly and starts fast; C2 compiles later and
 * slower, to faster code.
 */
public enum TieredCompilation {
  /**
   * Lambda's own choice, no {@code JAVA_TOOL_OPTIONS} written. The default. Lambda stops at C1 on
   * {@code java17} and {@code java21}, and on {@code java25} unless SnapStart or provisioned
   * concurrency compiles the code before the first invocation; {@code java11} runs the JVM's own
   * tiers, C1 then C2.
   */
  RUNTIME_DEFAULT(""),
  /**
   * C1 only ({@code -XX:+TieredCompilation -XX:TieredStopAtLevel=1}): AWS's advice for the cold
   * starts of short invocations, what {@code java17} and {@code java21} do by default; for
   * {@code java11}, or to keep it whatever the runtime's default becomes.
   */
  C1_ONLY("-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
  /**
   * C1, then C2 for code that runs often ({@code -XX:+TieredCompilation
   * -XX:TieredStopAtLevel=4}): slower cold starts, more memory, faster code once warm; for
   * functions that stay warm and are busy for long.
   */
  C1_AND_C2("-XX:+TieredCompilation -XX:TieredStopAtLevel=4");

  private final String javaToolOptions;

  TieredCompilation(String javaToolOptions) {
    this.javaToolOptions = javaToolOptions;
  }

  /** The JVM options this choice writes as {@code JAVA_TOOL_OPTIONS}; empty for none. */
  public String javaToolOptions() {
    return javaToolOptions;
  }
}
