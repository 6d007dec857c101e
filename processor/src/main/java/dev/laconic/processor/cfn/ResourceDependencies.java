package dev.laconic.processor.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
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
 * {@code Fn::Sub}, in both branches of an {@code Fn::If}. CloudFormation refuses a template whose
 * resources wait for each other in a circle ("Circular dependency between resources"), which
 * Laconic reports at compile time instead: a base template's resource can name a generated
 * function while a generated policy names it.
 *
 * <p>A SAM function stands for what SAM generates from it: its alias, version and event mappings
 * ({@code Fn.Alias}, {@code FnAliaslive}, {@code FnVersion<hash>}, {@code Fn<Event>}) wait for
 * what the function waits for, and references to them are references to it. What its
 * {@code Events} refer to is left out of what the function waits for: after the transform the
 * mappings wait for it, and nothing waits for a mapping but through its id.
 */
public final class ResourceDependencies {

  /** {@code ${Name}} or {@code ${Name.Attribute}}; {@code ${!Literal}} is text. */
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^!}][^}]*)}");

  private static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  /** Per resource, in template order, what it waits for, in the order it names them. */
  private final Map<String, Set<String>> waitsFor = new LinkedHashMap<>();
  /** Each SAM function, with the ids SAM gives what it generates start with: its own, then these. */
  private final Map<String, List<String>> serverlessFunctions = new LinkedHashMap<>();

  private ResourceDependencies(JsonNode resources) {
    resources.fields().forEachRemaining(resource -> {
      waitsFor.put(resource.getKey(), new LinkedHashSet<>());
      if (resource.getValue().path("Type").asText().equals(SERVERLESS_FUNCTION)) {
        List<String> generated = new ArrayList<>(List.of("Alias", "Version"));
        resource.getValue().path("Properties").path("Events").fieldNames()
            .forEachRemaining(generated::add);
        serverlessFunctions.put(resource.getKey(), generated);
      }
    });
    for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> resource = it.next();
      Set<String> targets = waitsFor.get(resource.getKey());
      JsonNode dependsOn = resource.getValue().path("DependsOn");
      for (JsonNode name : dependsOn.isArray() ? dependsOn : List.of(dependsOn)) {
        add(targets, name.asText(""));
      }
      JsonNode properties = resource.getValue().path("Properties");
      boolean serverless = serverlessFunctions.containsKey(resource.getKey());
      properties.fields().forEachRemaining(property -> {
        if (!(serverless && property.getKey().equals("Events"))) {
          collect(property.getValue(), targets);
        }
      });
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
    Set<String> done = new HashSet<>();
    List<String> path = new ArrayList<>();
    for (String id : waitsFor.keySet()) {
      List<String> found = walk(id, done, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  /** Walks from {@code id}; {@code path} holds the resources being walked, {@code done} the rest. */
  private List<String> walk(String id, Set<String> done, List<String> path) {
    if (done.contains(id)) {
      return List.of();
    }
    int onPath = path.indexOf(id);
    if (onPath >= 0) {
      List<String> circle = new ArrayList<>(path.subList(onPath, path.size()));
      circle.add(id);
      return circle;
    }
    path.add(id);
    for (String next : waitsFor.get(id)) {
      List<String> found = walk(next, done, path);
      if (!found.isEmpty()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    done.add(id);
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
   * {@code Orders.Arn}, and the SAM function of what SAM generates from it.
   */
  private void add(Set<String> targets, String name) {
    int dot = name.indexOf('.');
    String id = dot > 0 && !waitsFor.containsKey(name) ? name.substring(0, dot) : name;
    if (waitsFor.containsKey(id)) {
      targets.add(id);
      return;
    }
    serverlessFunctions.forEach((function, generated) -> {
      for (String suffix : generated) {
        if (id.startsWith(function + suffix)) {
          targets.add(function);
        }
      }
    });
  }
}
