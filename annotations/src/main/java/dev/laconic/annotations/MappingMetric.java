package dev.laconic.annotations;

/**
 * Optional CloudWatch metrics of an event source mapping (CloudFormation
 * {@code MetricsConfig.Metrics}). Enabling a metric has a CloudWatch cost.
 */
public enum MappingMetric {
  /** {@code EventCount}: records received, filtered out, invoked, failed and dropped. */
  EVENT_COUNT("EventCount");

  private final String identifier;

  MappingMetric(String identifier) {
    this.identifier = identifier;
  }

  /** The identifier CloudFormation uses. */
  public String identifier() {
    return identifier;
  }
}
