package dev.laconic.local.describe;

import java.util.List;
import java.util.Optional;

/**
 * The text below the picture: every setting of every node, in tables one can read, search and
 * copy from. Each row or section carries its node's id as {@code data-resource},
 * {@code data-mapping} or {@code data-function}, as the picture's boxes do.
 */
final class SummaryHtml {

  private final Description description;
  private final Html html = new Html();
  private final Html.Ids ids = new Html.Ids();

  private SummaryHtml(Description description) {
    this.description = description;
  }

  static String of(Description description) {
    SummaryHtml summary = new SummaryHtml(description);
    summary.functions();
    summary.mappings();
    summary.resources();
    summary.parameters();
    return summary.html.toString();
  }

  private void functions() {
    html.raw("<section id=\"functions\">\n").element("h2", "", "Functions");
    if (description.functions().isEmpty()) {
      html.element("p", "", "The template has no function.");
    }
    for (FunctionNode function : description.functions()) {
      html.raw("<section class=\"function\"")
          .attribute("id", ids.of("function-", function.id()))
          .attribute("data-function", function.id()).raw(">\n")
          .raw("<h3>").element("code", "", function.id()).text(" " + function.displayName())
          .raw("</h3>\n");
      settings(function.settings());
      List<MappingNode> mappings = description.mappingsOf(function.id());
      html.raw("<p>").text(mappings.isEmpty() ? "Invoked by no mapping." : "Invoked by ");
      for (int i = 0; i < mappings.size(); i++) {
        html.text(i == 0 ? "" : ", ").element("code", "", mappings.get(i).id())
            .text(" reading ").element("code", "", mappings.get(i).source());
      }
      html.text(mappings.isEmpty() ? "" : ".").raw("</p>\n");
      if (!function.otherEvents().isEmpty()) {
        html.element("p", "", "Other events (not drawn): "
            + String.join(", ", function.otherEvents()) + ".");
      }
      html.element("p", "", function.environment().isEmpty() ? "No environment variables."
          : "Environment variables (names only): " + String.join(", ", function.environment())
          + ".");
      statements(function.statements());
      html.raw("</section>\n");
    }
    html.raw("</section>\n");
  }

  private void statements(List<PolicyStatement> statements) {
    if (statements.isEmpty()) {
      html.element("p", "", "No policy of the template gives its role permissions.");
      return;
    }
    html.raw("<table class=\"statements\">\n<thead><tr><th>Policy</th><th>Effect</th>"
        + "<th>Actions</th><th>Resources</th></tr></thead>\n<tbody>\n");
    for (PolicyStatement statement : statements) {
      html.raw("<tr><td>").text(statement.policy()
          + (statement.sid().isEmpty() ? "" : " / " + statement.sid())).raw("</td><td>")
          .text(statement.effect().isEmpty() ? "managed" : statement.effect()).raw("</td><td>");
      list(statement.actions());
      html.raw("</td><td>");
      list(statement.resources());
      if (!statement.condition().isEmpty()) {
        html.raw("<br>").text("when ").element("code", "", statement.condition());
      }
      html.raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n");
  }

  private void mappings() {
    html.raw("<section id=\"mappings\">\n").element("h2", "", "Mappings");
    if (description.mappings().isEmpty()) {
      html.element("p", "", "The template has no event source mapping.");
      html.raw("</section>\n");
      return;
    }
    html.raw("<table class=\"mappings\">\n<thead><tr><th>Mapping</th><th>Reads</th>"
        + "<th>Invokes</th><th>Settings</th><th>Filters</th><th>On failure</th></tr></thead>\n"
        + "<tbody>\n");
    for (MappingNode mapping : description.mappings()) {
      html.raw("<tr").attribute("id", ids.of("mapping-", mapping.id()))
          .attribute("data-mapping", mapping.id()).raw("><td>")
          .element("code", "", mapping.id()).raw("</td><td>")
          .element("code", "", mapping.source()).raw("</td><td>")
          .element("code", "", mapping.function()).raw("</td><td>");
      for (Setting setting : mapping.settings()) {
        html.text(setting.toString()).raw("<br>");
      }
      html.raw("</td><td>");
      if (mapping.filters().isEmpty()) {
        html.text("none: every record");
      }
      for (String filter : mapping.filters()) {
        html.element("pre", "", filter);
      }
      html.raw("</td><td>");
      Optional<String> onFailure = mapping.onFailure();
      if (onFailure.isPresent()) {
        html.element("code", "", onFailure.get());
      } else {
        html.text("none");
      }
      html.raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
  }

  private void resources() {
    html.raw("<section id=\"resources\">\n").element("h2", "", "Sources and destinations");
    if (description.resources().isEmpty()) {
      html.element("p", "", "The template has no table, stream, queue or topic.");
      html.raw("</section>\n");
      return;
    }
    html.raw("<table class=\"resources\">\n<thead><tr><th>Resource</th><th>Kind</th>"
        + "<th>Settings</th><th>Read by</th><th>Failures of</th></tr></thead>\n<tbody>\n");
    for (ResourceNode resource : description.resources()) {
      html.raw("<tr").attribute("id", ids.of("resource-", resource.id()))
          .attribute("data-resource", resource.id()).raw("><td>")
          .element("code", "", resource.id()).raw("</td><td>")
          .text(resource.kindLabel()).raw("</td><td>");
      for (Setting setting : resource.settings()) {
        html.text(setting.toString()).raw("<br>");
      }
      html.raw("</td><td>");
      list(description.mappings().stream().filter(m -> m.source().equals(resource.id()))
          .map(MappingNode::id).toList());
      html.raw("</td><td>");
      list(description.mappings().stream()
          .filter(m -> m.onFailure().filter(resource.id()::equals).isPresent())
          .map(MappingNode::id).toList());
      html.raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n</section>\n");
  }

  private void parameters() {
    if (description.parameters().isEmpty()) {
      return;
    }
    html.raw("<section id=\"parameters\">\n").element("h2", "", "Parameters");
    settings(description.parameters());
    html.raw("</section>\n");
  }

  private void settings(List<Setting> settings) {
    html.raw("<table class=\"settings\">\n<tbody>\n");
    for (Setting setting : settings) {
      html.raw("<tr><th>").text(setting.name()).raw("</th><td>").text(setting.value())
          .raw("</td></tr>\n");
    }
    html.raw("</tbody>\n</table>\n");
  }

  private void list(List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      html.raw(i == 0 ? "" : "<br>").element("code", "", values.get(i));
    }
  }
}
