package dev.laconic.processor.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which resources of a template each resource waits for, as CloudFormation orders them: those it
 * names with {@code DependsOn}, {@code Ref}, {@code Fn::GetAtt} or a {@code ${Name}} of
 * {@code Fn::Sub}. CloudFormation refuses a template whose resources wait for each other in a
 * circle ("Circular dependency between resources"), which Laconic reports at compile time instead:
 * a base template's resource can name a generated function while a generated policy names it.
 */
public final class ResourceDependencies {

  /** {@code ${Name}} or {@code ${Name.Attribute}}; {@code ${!Literal}} is text. */
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  /** Per resource, in template order, what it waits for, in the order it names them. */
  private final Map<String, Set<String>> waitsFor = new LinkedHashMap<>();

  private ResourceDependencies(JsonNode resources) {
    resources.fieldNames().forEachRemaining(id -> waitsFor.put(id, new LinkedHashSet<>()));
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      Set<String> targets = waitsFor.get(resource.getKey());
      JsonNode dependsOn = resource.getValue().path("DependsOn");
      for (JsonNode name : dependsOn.isArray() ? dependsOn : List.of(dependsOn)) {
        add(targets, name.asText(""));
      }
      collect(resource.getValue().path("Properties"), targets);
      collect(resource.getValue().path("Metadata"), targets);
    }
  }

  /** The dependencies between the resources of {@code template}. */
  public static ResourceDependencies of(JsonNode template) {
    return new ResourceDependencies(template.path("Resources"));
  }

  /** Whether CloudFormation creates {@code other} before {@code id}: {@code id} waits for it. */
  public boolean waitsFor(String id, String other) {
    Set<String> seen = new HashSet<>();
    List<String> next = new ArrayList<>(waitsFor.getOrDefault(id, Set.of()));
    while (!next.isEmpty()) {
      String candidate = next.remove(next.size() - 1);
      if (candidate.equals(other)) {
        return true;
      }
      if (seen.add(candidate)) {
        next.addAll(waitsFor.get(candidate));
      }
    }
    return false;
  }

  /**
   * A circle of resources that wait for each other, starting and ending with the same id
   * ({@code [A, B, A]}); empty when there is none. The first circle a walk in template order
   * meets, so the same template always gives the same one.
   */
  public List<String> cycle() {
    Map<String, Integer> state = new HashMap<>(); // absent: unseen; 1: on the path; 2: done
    List<String> path = new ArrayList<>();
    for (String id : waitsFor.keySet()) {
      List<String> found = walk(id, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private List<String> walk(String id, Map<String, Integer> state, List<String> path) {
    Integer seen = state.get(id);
    if (seen != null) {
      if (seen == 2) {
        return List.of();
      }
      List<String> circle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      circle.add(id);
      return circle;
    }
    state.put(id, 1);
    path.add(id);
    for (String next : waitsFor.get(id)) {
      List<String> found = walk(next, state, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
    return List.of();
  }

  private void collect(JsonNode node, Set<String> targets) {
    if (node.isArray()) {
      node.forEach(element -> collect(element, targets));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      switch (entry.getKey()) {
        case "Ref" -> add(targets, value.asText(""));
        case "Fn::GetAtt" -> add(targets, value.isArray() ? value.path(0).asText("")
            : value.asText(""));
        case "Fn::Sub" -> {
          JsonNode text = value.isArray() ? value.path(0) : value;
          JsonNode variables = value.path(1);
          Matcher matcher = SUB_VARIABLE.matcher(text.asText(""));
          while (matcher.find()) {
            if (!variables.has(matcher.group(1))) {
              add(targets, matcher.group(1));
            }
          }
        }
        default -> { }
      }
      collect(value, targets);
    }
  }

  /**
   * Adds the resource {@code name} stands for, if it is one: {@code Orders}, the resource of
   * {@code Orders.Arn}, and SAM's {@code Fn.Alias} and {@code Fn.Version}, which stand for
   * resources that SAM's function {@code Fn} generates and so wait for what it waits for.
   */
  private void add(Set<String> targets, String name) {
    if (waitsFor.containsKey(name)) {
      targets.add(name);
      return;
    }
    int dot = name.indexOf('.');
    if (dot > 0 && waitsFor.containsKey(name.substring(0, dot))) {
      targets.add(name.substring(0, dot));
    }
  }
}
