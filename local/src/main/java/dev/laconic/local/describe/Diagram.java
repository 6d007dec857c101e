package dev.laconic.local.describe;

import java.util.List;

/**
 * The picture laid out: where each node's box is and where each arrow runs, in pixels, the
 * origin at the top left. No SVG yet: {@link DiagramSvg} draws it.
 *
 * @param boxes one per node, in the description's node order
 * @param arrows one per link whose both ends are drawn, in the description's link order
 */
record Diagram(List<Box> boxes, List<Arrow> arrows, int width, int height) {

  /**
   * One node's box.
   *
   * @param column its layer, 0 for what nothing feeds
   * @param lines the settings it shows below its id and kind (the text below the picture has
   *     them all)
   * @param hidden how many of the node's settings it leaves out
   */
  record Box(Node node, int column, int x, int y, int width, int height, List<String> lines,
      int hidden) {

    Box {
      lines = List.copyOf(lines);
    }
  }

  /**
   * One arrow: from a point on the right edge of one box to a point on the left edge of
   * another. An arrow to the next column is one curve; any other runs around the boxes instead
   * of behind them, along a lane of its own: above them when it goes forward past a column,
   * below them when it goes back.
   *
   * @param laneY the height of its lane, if it has one
   * @param laneOffset how far from the boxes its lane turns up or down, to keep lanes apart
   */
  record Arrow(Link link, int fromX, int fromY, int toX, int toY, Route route, int laneY,
      int laneOffset) {}

  /** How an arrow runs. */
  enum Route {
    /** To the next column: one curve across the gap. */
    NEXT_COLUMN,
    /** Forward past one or more columns: over the boxes. */
    ABOVE,
    /** Back to its own column or one before it: under the boxes. */
    BELOW
  }
}
