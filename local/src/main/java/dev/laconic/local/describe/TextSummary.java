package dev.laconic.local.describe;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The description in a few lines of plain text, for a terminal or a build log: each function
 * with what runs it (and, when the template sets them, its /tmp size, layers, JSON logs, VPC and
 * KMS key) and what feeds it, then the sources and destinations. The page has the rest.
 *
 * <pre>
 * 2 functions, 2 mappings, 2 sources and destinations
 * OrderEventsEchoFunction (OrderEvents.echo): java21, 512 MB, 30 s
 *   &lt;- OrdersTable through OrderEventsEchoStreamMapping: batch size 10, TRIM_HORIZON
 * ...
 * </pre>
 */
public final class TextSummary {

  private static final List<String> FUNCTION_SETTINGS = List.of("Runtime", "Memory",
      "Ephemeral storage", "Timeout", "Architecture", "SnapStart", "Layers", "Log format",
      "Subnets", "KMS key");
  private static final List<String> MAPPING_SETTINGS =
      List.of("Enabled", "Batch size", "Batching window", "Starting position", "Invokes");

  private TextSummary() {}

  /** The lines of the summary, without line separators. */
  public static List<String> of(Description description) {
    List<String> lines = new ArrayList<>();
    lines.add(count(description.functions().size(), "function") + ", "
        + count(description.mappings().size(), "mapping") + ", "
        + count(description.resources().size(), "source and destination",
            "sources and destinations"));
    for (FunctionNode function : description.functions()) {
      lines.add(function.id() + " (" + function.displayName() + "): "
          + values(function.settings(), FUNCTION_SETTINGS));
      for (MappingNode mapping : description.mappingsOf(function.id())) {
        StringBuilder line = new StringBuilder("  <- ").append(mapping.source())
            .append(" through ").append(mapping.id()).append(": ")
            .append(values(mapping.settings(), MAPPING_SETTINGS));
        if (!mapping.filters().isEmpty()) {
          line.append(", ").append(count(mapping.filters().size(), "filter"));
        }
        mapping.onFailure().ifPresent(to -> line.append(", failures -> ").append(to));
        lines.add(line.toString());
      }
    }
    for (ResourceNode resource : description.resources()) {
      Optional<Setting> stream = resource.settings().stream()
          .filter(s -> s.name().equals("Stream")).findFirst();
      lines.add(resource.id() + ": " + resource.kindLabel()
          + stream.map(s -> ", stream " + s.value()).orElse(""));
    }
    return lines;
  }

  /** The values of {@code names}, in that order, defaults without their mark. */
  private static String values(List<Setting> settings, List<String> names) {
    List<String> values = new ArrayList<>();
    for (String name : names) {
      for (Setting setting : settings) {
        String value = setting.value().replace(" (default)", "");
        if (!setting.name().equals(name)
            || name.equals("Batching window") && value.equals("0 s")
            || name.equals("Log format") && value.equals("Text")
            || name.equals("Subnets") && value.equals("none")) {
          continue;
        }
        values.add(switch (name) {
          case "Batch size" -> "batch size " + value;
          case "Batching window" -> "window " + value;
          case "Invokes" -> "invokes " + value;
          case "Enabled" -> "DISABLED";
          case "SnapStart" -> "SnapStart";
          case "Ephemeral storage" -> value + " /tmp";
          case "Layers" -> "layers " + value;
          case "Log format" -> value.equals("JSON") ? "JSON logs" : "log format " + value;
          case "Subnets" -> "VPC";
          case "KMS key" -> "KMS key " + value;
          default -> value;
        });
      }
    }
    return String.join(", ", values);
  }

  private static String count(int n, String noun) {
    return count(n, noun, noun + "s");
  }

  private static String count(int n, String singular, String plural) {
    return n + " " + (n == 1 ? singular : plural);
  }
}
