package dev.laconic.annotations;

/**
 * The Lambda Java runtime a function runs on (CloudFormation {@code AWS::Lambda::Function.Runtime}).
 * Laconic rejects a runtime older than the Java release the handler is compiled for.
 */
public enum JavaRuntime {
  /** {@code java11}: Java 11 on Amazon Linux 2. */
  JAVA11("java11", 11),
  /** {@code java17}: Java 17 on Amazon Linux 2. */
  JAVA17("java17", 17),
  /** {@code java21}: Java 21 on Amazon Linux 2023. The default. */
  JAVA21("java21", 21),
  /** {@code java25}: Java 25 on Amazon Linux 2023. */
  JAVA25("java25", 25);

  private final String identifier;
  private final int javaVersion;

  JavaRuntime(String identifier, int javaVersion) {
    this.identifier = identifier;
    this.javaVersion = javaVersion;
  }

  /** The identifier CloudFormation and the Lambda API use, such as {@code java21}. */
  public String identifier() {
    return identifier;
  }

  /** The Java feature release the runtime runs, such as 21. */
  public int javaVersion() {
    return javaVersion;
  }
}
