package dev.laconic.local.describe;

import java.util.List;
import java.util.Optional;

/**
 * One event source mapping: an {@code AWS::Lambda::EventSourceMapping}, or a stream or queue
 * event of an {@code AWS::Serverless::Function} (named {@code <Function><Event>}, as SAM names
 * the mapping it writes).
 *
 * @param function the id of the function it invokes (through its alias or version, if so)
 * @param source the id of the node it reads
 * @param settings its settings, Lambda's defaults marked as such
 * @param filters its filter patterns, as the template writes them (JSON text)
 * @param onFailure the id of the node it sends failed batches to, if any
 */
public record MappingNode(String id, String function, String source, List<Setting> settings,
    List<String> filters, Optional<String> onFailure) implements Node {

  public MappingNode {
    settings = List.copyOf(settings);
    filters = List.copyOf(filters);
  }

  @Override
  public String kindLabel() {
    return "Mapping";
  }
}
