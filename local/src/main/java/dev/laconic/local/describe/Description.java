package dev.laconic.local.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a template deploys, as the describe page shows it: the nodes of the picture in template
 * order and the arrows between them.
 *
 * @param summary the template's {@code Description}, if it has one
 * @param resources the sources and destinations: the template's tables, Kinesis streams, queues
 *     and topics, then what the mappings name outside the template, in the order they name it
 * @param parameters the template's parameters, as {@code Name: Description}
 */
public record Description(Optional<String> summary, List<ResourceNode> resources,
    List<MappingNode> mappings, List<FunctionNode> functions, List<Link> links,
    List<Setting> parameters) {

  public Description {
    resources = List.copyOf(resources);
    mappings = List.copyOf(mappings);
    functions = List.copyOf(functions);
    links = List.copyOf(links);
    parameters = List.copyOf(parameters);
  }

  /** The description of a parsed template (JSON or YAML, as CloudFormation reads it). */
  public static Description of(JsonNode template) {
    return new DescriptionReader(template).read();
  }

  /** Every node: resources, mappings, functions, in that order. */
  public List<Node> nodes() {
    List<Node> nodes = new ArrayList<>(resources);
    nodes.addAll(mappings);
    nodes.addAll(functions);
    return nodes;
  }

  /** The node with id {@code id}. */
  public Optional<Node> node(String id) {
    return nodes().stream().filter(n -> n.id().equals(id)).findFirst();
  }

  /** The mappings that invoke the function {@code functionId}, in template order. */
  public List<MappingNode> mappingsOf(String functionId) {
    return mappings.stream().filter(m -> m.function().equals(functionId)).toList();
  }
}
