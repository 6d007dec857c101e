package dev.laconic.local.describe;

import java.util.List;

/** A box of the picture: a source or destination, a mapping, or a function. */
public sealed interface Node permits ResourceNode, MappingNode, FunctionNode {

  /** Unique among the nodes: the logical id, or for what lies outside the template its value. */
  String id();

  /** What kind of box, in words, such as {@code DynamoDB table} or {@code Mapping}. */
  String kindLabel();

  /** What the box shows below its id and kind, most telling first. */
  List<Setting> settings();
}
