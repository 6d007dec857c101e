package dev.laconic.local.describe;

import static dev.laconic.local.describe.DiagramLayout.LINE_CHARACTERS;
import static dev.laconic.local.describe.DiagramLayout.LINE_HEIGHT;
import static dev.laconic.local.describe.DiagramLayout.PADDING;
import static dev.laconic.local.describe.DiagramLayout.TITLE_HEIGHT;

import java.util.List;

/**
 * Draws a {@link Diagram} as inline SVG: boxes colored by kind, arrows styled by what they mean,
 * each box and arrow with a tooltip ({@code <title>}) that has what the box leaves out. Every
 * box carries its node's id as {@code data-resource}, {@code data-mapping} or
 * {@code data-function}, and every arrow its ends, for whoever reads the page by program.
 */
final class DiagramSvg {

  private DiagramSvg() {}

  static String of(Diagram diagram, String label) {
    Html svg = new Html();
    svg.raw("<svg id=\"picture\" class=\"picture\" role=\"img\"")
        .attribute("width", String.valueOf(diagram.width()))
        .attribute("height", String.valueOf(diagram.height()))
        .attribute("viewBox", "0 0 " + diagram.width() + " " + diagram.height())
        .attribute("aria-label", label).raw(">\n<defs>\n");
    for (Link.Kind kind : Link.Kind.values()) {
      // One arrowhead per kind: a marker's fill does not follow the line that uses it.
      svg.raw("<marker id=\"head-" + kind.cssClass() + "\" viewBox=\"0 0 10 10\" refX=\"9\""
          + " refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
          + "<path class=\"head " + kind.cssClass() + "\" d=\"M0,0 L10,5 L0,10 z\"/></marker>\n");
    }
    svg.raw("</defs>\n");
    for (Diagram.Arrow arrow : diagram.arrows()) {
      arrow(svg, arrow);
    }
    Html.Ids ids = new Html.Ids();
    for (Diagram.Box box : diagram.boxes()) {
      box(svg, box, ids.of("node-", box.node().id()));
    }
    return svg.raw("</svg>").toString();
  }

  private static void arrow(Html svg, Diagram.Arrow arrow) {
    Link link = arrow.link();
    svg.raw("<g class=\"arrow " + link.kind().cssClass() + "\"")
        .attribute("data-from", link.from()).attribute("data-to", link.to())
        .attribute("data-link", link.kind().label()).raw(">")
        .element("title", "", link.from() + " \u2192 " + link.to() + ": " + link.kind().label())
        .raw("<path").attribute("d", path(arrow))
        .attribute("marker-end", "url(#head-" + link.kind().cssClass() + ")").raw("/>");
    if (link.kind() != Link.Kind.READS && link.kind() != Link.Kind.INVOKES) {
      boolean curve = arrow.route() == Diagram.Route.NEXT_COLUMN;
      int x = (arrow.fromX() + arrow.toX()) / 2;
      int y = (curve ? (arrow.fromY() + arrow.toY()) / 2 : arrow.laneY()) - 4;
      svg.raw("<text class=\"arrow-label\" text-anchor=\"middle\"")
          .attribute("x", String.valueOf(x)).attribute("y", String.valueOf(y)).raw(">")
          .text(link.kind().label()).raw("</text>");
    }
    svg.raw("</g>\n");
  }

  /**
   * To the next column, one S-curve; else out to the side, along the lane, and in from the
   * other side.
   */
  private static String path(Diagram.Arrow a) {
    if (a.route() == Diagram.Route.NEXT_COLUMN) {
      int bend = Math.max(30, (a.toX() - a.fromX()) / 2);
      return "M" + a.fromX() + "," + a.fromY() + " C" + (a.fromX() + bend) + "," + a.fromY()
          + " " + (a.toX() - bend) + "," + a.toY() + " " + a.toX() + "," + a.toY();
    }
    return "M" + a.fromX() + "," + a.fromY() + " H" + (a.fromX() + a.laneOffset())
        + " V" + a.laneY() + " H" + (a.toX() - a.laneOffset()) + " V" + a.toY()
        + " H" + a.toX();
  }

  private static void box(Html svg, Diagram.Box box, String elementId) {
    Node node = box.node();
    String css;
    String dataAttribute;
    if (node instanceof ResourceNode resource) {
      css = "node resource " + resource.service().cssClass()
          + (resource.external() ? " external" : "");
      dataAttribute = "data-resource";
    } else if (node instanceof MappingNode) {
      css = "node mapping";
      dataAttribute = "data-mapping";
    } else {
      css = "node function" + (((FunctionNode) node).generated() ? " generated" : "");
      dataAttribute = "data-function";
    }
    svg.raw("<g class=\"" + css + "\"").attribute("id", elementId)
        .attribute(dataAttribute, node.id()).raw(">");
    svg.element("title", "", tooltip(node));
    svg.raw("<rect rx=\"6\"").attribute("x", String.valueOf(box.x()))
        .attribute("y", String.valueOf(box.y())).attribute("width", String.valueOf(box.width()))
        .attribute("height", String.valueOf(box.height())).raw("/>");
    int x = box.x() + PADDING;
    int y = box.y() + PADDING + TITLE_HEIGHT - 5;
    svg.raw("<text class=\"node-id\"").attribute("x", String.valueOf(x))
        .attribute("y", String.valueOf(y));
    if (title(node).length() > LINE_CHARACTERS - 3) {
      // Squeezed to the box rather than cut: the id is what one looks for.
      svg.attribute("textLength", String.valueOf(box.width() - 2 * PADDING))
          .attribute("lengthAdjust", "spacingAndGlyphs");
    }
    svg.raw(">").text(title(node)).raw("</text>");
    y += LINE_HEIGHT;
    line(svg, "node-kind", x, y,
        node instanceof FunctionNode function ? function.displayName() : node.kindLabel());
    for (String text : box.lines()) {
      y += LINE_HEIGHT;
      line(svg, "node-line", x, y, text);
    }
    if (box.hidden() > 0) {
      y += LINE_HEIGHT;
      line(svg, "node-more", x, y, "+ " + box.hidden() + " more below");
    }
    svg.raw("</g>\n");
  }

  private static void line(Html svg, String css, int x, int y, String text) {
    String shown = text.length() > LINE_CHARACTERS
        ? text.substring(0, LINE_CHARACTERS - 1) + "\u2026" : text;
    svg.raw("<text class=\"" + css + "\"").attribute("x", String.valueOf(x))
        .attribute("y", String.valueOf(y)).raw(">").text(shown).raw("</text>");
  }

  /**
   * The box's first line: the node's id, but for an ARN only its resource part (such as
   * {@code stream/clicks}): the service is the box's second line, the whole ARN its third.
   */
  static String title(Node node) {
    String[] arn = node.id().split(":", 6);
    return node instanceof ResourceNode && arn.length == 6 && arn[0].equals("arn")
        ? arn[5] : node.id();
  }

  /** Everything about the node, for the tooltip: its kind and every setting, filters too. */
  private static String tooltip(Node node) {
    StringBuilder text = new StringBuilder(node.id()).append(" (").append(node.kindLabel())
        .append(')');
    for (Setting setting : node.settings()) {
      text.append('\n').append(setting);
    }
    List<String> filters = node instanceof MappingNode mapping ? mapping.filters() : List.of();
    filters.forEach(filter -> text.append("\nFilter: ").append(filter));
    return text.toString();
  }
}
