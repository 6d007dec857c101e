package dev.laconic.annotations;

/** AWS X-Ray tracing mode of a function (CloudFormation {@code TracingConfig.Mode}). */
public enum Tracing {
  /** Trace only requests that arrive with a sampled trace header. The default. */
  PASS_THROUGH("PassThrough"),
  /** Sample and trace requests; Laconic grants the X-Ray write permissions this needs. */
  ACTIVE("Active");

  private final String identifier;

  Tracing(String identifier) {
    this.identifier = identifier;
  }

  /** The identifier CloudFormation uses. */
  public String identifier() {
    return identifier;
  }
}
