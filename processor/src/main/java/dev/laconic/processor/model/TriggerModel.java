package dev.laconic.processor.model;

import dev.laconic.processor.diag.Origin;
import java.util.List;

/**
 * One trigger of a function: the event source a Lambda event source mapping reads, and how it
 * reads it. One record per kind of source; each source's package in {@code
 * dev.laconic.processor.source} reads, checks, writes and adapts its own record.
 */
public sealed interface TriggerModel
    permits DynamoStreamTriggerModel, KinesisTriggerModel, SqsTriggerModel {

  /** The resource the mapping reads: a stream or a queue. */
  ArnRef sourceArn();

  /** The template parameters this trigger's values name, in attribute order. */
  List<ParameterUse> parameterUses();

  /** The annotation this trigger was read from, and its values. */
  Origin origin();
}
