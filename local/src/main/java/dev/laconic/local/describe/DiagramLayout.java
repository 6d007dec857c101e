package dev.laconic.local.describe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays the description out in columns, left to right as things flow: each node one column after
 * everything that feeds it (the longest path from a source, the classic first step of a layered
 * drawing), so that a table, the mapping that reads it, its function and the queue of its failed
 * batches follow each other, and a queue that is both a destination and a source sits between
 * the two. In a column, each box goes as near the average height of what feeds it as the boxes
 * above leave room for, which keeps most arrows short and straight.
 *
 * <p>Everything is decided by the template's order and integer arithmetic: the same description
 * is always the same picture, to the pixel.
 */
final class DiagramLayout {

  static final int MARGIN = 20;
  static final int BOX_WIDTH = 250;
  static final int COLUMN_GAP = 70;
  static final int ROW_GAP = 22;
  static final int PADDING = 10;
  static final int TITLE_HEIGHT = 18;
  static final int LINE_HEIGHT = 15;
  /** Past this, a box says how many more settings the text below lists. */
  static final int MAX_LINES = 7;
  /** The width of a line in characters, at the page's 12 px monospace. */
  static final int LINE_CHARACTERS = 31;
  /** The distance between two lanes of the arrows that run around the boxes. */
  static final int LANE_STEP = 12;

  private DiagramLayout() {}

  static Diagram of(Description description) {
    List<Node> nodes = description.nodes();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    List<Link> links = description.links().stream()
        .filter(l -> index.containsKey(l.from()) && index.containsKey(l.to())).toList();
    List<List<Integer>> successors = new ArrayList<>();
    nodes.forEach(n -> successors.add(new ArrayList<>()));
    for (Link link : links) {
      successors.get(index.get(link.from())).add(index.get(link.to()));
    }
    int[] column = columns(nodes, successors);

    List<List<Integer>> predecessors = new ArrayList<>();
    nodes.forEach(n -> predecessors.add(new ArrayList<>()));
    for (Link link : links) {
      int from = index.get(link.from());
      int to = index.get(link.to());
      if (column[from] < column[to]) {
        predecessors.get(to).add(from);
      }
    }

    int lanesAbove = (int) links.stream()
        .filter(l -> column[index.get(l.to())] - column[index.get(l.from())] > 1).count();
    int top = MARGIN + lanesAbove * LANE_STEP;
    Box[] boxes = new Box[nodes.size()];
    int columns = 0;
    for (int c : column) {
      columns = Math.max(columns, c + 1);
    }
    int bottom = top;
    for (int c = 0; c < columns; c++) {
      placeColumn(c, top, nodes, column, predecessors, null, boxes);
    }
    // Once more, what nothing feeds now beside what it feeds: the first pass stacked it in
    // template order, which crosses the arrows of a template that lists its sources apart.
    int[] beside = new int[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      long sum = 0;
      int count = 0;
      for (int to : successors.get(i)) {
        if (column[to] > column[i]) {
          sum += boxes[to].centerY();
          count++;
        }
      }
      beside[i] = count == 0 ? boxes[i].centerY() : (int) (sum / count);
    }
    for (int c = 0; c < columns; c++) {
      bottom = Math.max(bottom, placeColumn(c, top, nodes, column, predecessors, beside, boxes));
    }
    // Up again by what the highest box was pushed down, a source beside what it feeds.
    int shift = Integer.MAX_VALUE;
    for (Box box : boxes) {
      shift = Math.min(shift, box.placed.y() - top);
    }
    for (Box box : boxes) {
      Diagram.Box b = box.placed;
      box.placed = new Diagram.Box(b.node(), b.column(), b.x(), b.y() - shift, b.width(),
          b.height(), b.lines(), b.hidden());
    }
    bottom -= nodes.isEmpty() ? 0 : shift;

    int width = 2 * MARGIN + columns * BOX_WIDTH + Math.max(0, columns - 1) * COLUMN_GAP;
    List<Diagram.Arrow> arrows = arrows(links, index, boxes, bottom);
    int lanesBelow = (int) arrows.stream()
        .filter(a -> a.route() == Diagram.Route.BELOW).count();
    int height = bottom + MARGIN + lanesBelow * LANE_STEP;
    List<Diagram.Box> placed = new ArrayList<>();
    for (Box box : boxes) {
      placed.add(box.placed);
    }
    return new Diagram(placed, arrows, width, height);
  }

  /**
   * Each node's column: the longest path to it from a node nothing feeds, through the links
   * that are not backward (those that close a circle, found by a depth-first search in node
   * order). A mapping is never left of column 1 nor a function of column 2, so that a function
   * with no mapping still stands among the functions.
   */
  private static int[] columns(List<Node> nodes, List<List<Integer>> successors) {
    int n = nodes.size();
    int[] state = new int[n]; // 0 unseen, 1 on the path being searched, 2 done
    List<Integer> finished = new ArrayList<>();
    boolean[][] backward = new boolean[n][];
    for (int i = 0; i < n; i++) {
      backward[i] = new boolean[successors.get(i).size()];
    }
    for (int start = 0; start < n; start++) {
      if (state[start] == 0) {
        search(start, successors, state, backward, finished);
      }
    }
    int[] column = new int[n];
    for (int i = 0; i < n; i++) {
      Node node = nodes.get(i);
      column[i] = node instanceof FunctionNode ? 2 : node instanceof MappingNode ? 1 : 0;
    }
    for (int k = finished.size() - 1; k >= 0; k--) { // topological order
      int from = finished.get(k);
      List<Integer> next = successors.get(from);
      for (int j = 0; j < next.size(); j++) {
        if (!backward[from][j]) {
          column[next.get(j)] = Math.max(column[next.get(j)], column[from] + 1);
        }
      }
    }
    return column;
  }

  /** Depth-first, without recursion (a template may have hundreds of nodes in a chain). */
  private static void search(int start, List<List<Integer>> successors, int[] state,
      boolean[][] backward, List<Integer> finished) {
    List<int[]> stack = new ArrayList<>(); // {node, next successor to visit}
    stack.add(new int[] {start, 0});
    state[start] = 1;
    while (!stack.isEmpty()) {
      int[] top = stack.get(stack.size() - 1);
      List<Integer> next = successors.get(top[0]);
      if (top[1] == next.size()) {
        state[top[0]] = 2;
        finished.add(top[0]);
        stack.remove(stack.size() - 1);
        continue;
      }
      int j = top[1]++;
      int to = next.get(j);
      if (state[to] == 1) {
        backward[top[0]][j] = true;
      } else if (state[to] == 0) {
        state[to] = 1;
        stack.add(new int[] {to, 0});
      }
    }
  }

  /** A node's box while its column is placed. */
  private static final class Box {
    final Node node;
    Diagram.Box placed;

    Box(Node node) {
      this.node = node;
    }

    int centerY() {
      return placed.y() + placed.height() / 2;
    }
  }

  /**
   * Places column {@code c}; returns its bottom.
   *
   * @param beside where to put what nothing feeds (its center), or null for below the rest
   */
  private static int placeColumn(int c, int columnTop, List<Node> nodes, int[] column,
      List<List<Integer>> predecessors, int[] beside, Box[] boxes) {
    Map<Integer, Integer> wanted = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      if (column[i] == c) {
        List<Integer> feeding = predecessors.get(i);
        // Nothing feeds it: after those that are fed, in node order.
        int center = beside == null ? Integer.MAX_VALUE : beside[i];
        if (!feeding.isEmpty()) {
          long sum = 0;
          for (int from : feeding) {
            sum += boxes[from].centerY();
          }
          center = (int) (sum / feeding.size());
        }
        wanted.put(i, center);
      }
    }
    List<Integer> order = new ArrayList<>(wanted.keySet());
    order.sort(Comparator.comparingInt((Integer i) -> wanted.get(i))
        .thenComparingInt(i -> i));
    int x = MARGIN + c * (BOX_WIDTH + COLUMN_GAP);
    int top = columnTop;
    for (int i : order) {
      Node node = nodes.get(i);
      List<Setting> shown = shownSettings(node);
      List<String> lines = new ArrayList<>();
      for (Setting setting : shown.subList(0, Math.min(shown.size(), MAX_LINES))) {
        lines.add(setting.toString());
      }
      if (node instanceof MappingNode mapping) {
        mapping.filters().forEach(filter -> lines.add("Filter: " + filter));
      }
      int hidden = node.settings().size() - Math.min(shown.size(), MAX_LINES);
      int height = 2 * PADDING + TITLE_HEIGHT + LINE_HEIGHT * (1 + lines.size()
          + (hidden > 0 ? 1 : 0));
      int y = Math.max(top, wanted.get(i) == Integer.MAX_VALUE ? top : wanted.get(i) - height / 2);
      Box box = new Box(node);
      box.placed = new Diagram.Box(node, c, x, y, BOX_WIDTH, height, lines, hidden);
      boxes[i] = box;
      top = y + height + ROW_GAP;
    }
    return top - ROW_GAP;
  }

  /**
   * What a box shows: what the template chose rather than a default; a function's runtime,
   * memory and timeout and a mapping's batch size even when they are the defaults, since those
   * are what one looks for; never the long or repeated ones (handler, role, log group, layers,
   * subnets, security groups, KMS key, description; the handler method is the box's second
   * line).
   */
  static List<Setting> shownSettings(Node node) {
    List<String> always = List.of("Runtime", "Memory", "Timeout", "Batch size");
    List<String> never = List.of("Handler method", "Handler", "Role", "Log group", "Layers",
        "Subnets", "Security groups", "KMS key", "Description");
    return node.settings().stream()
        .filter(s -> !never.contains(s.name()))
        .filter(s -> always.contains(s.name()) || !s.value().endsWith("(default)"))
        .toList();
  }

  /**
   * The arrows, each leaving and entering its boxes at its own height: the arrows of one side
   * of a box spread evenly over its middle, in the order of the boxes at their other end.
   */
  private static List<Diagram.Arrow> arrows(List<Link> links, Map<String, Integer> index,
      Box[] boxes, int bottom) {
    Map<Integer, List<Link>> leaving = new HashMap<>();
    Map<Integer, List<Link>> entering = new HashMap<>();
    for (Link link : links) {
      leaving.computeIfAbsent(index.get(link.from()), k -> new ArrayList<>()).add(link);
      entering.computeIfAbsent(index.get(link.to()), k -> new ArrayList<>()).add(link);
    }
    Comparator<Link> byTarget = Comparator.comparingInt(l -> boxes[index.get(l.to())].centerY());
    Comparator<Link> bySource =
        Comparator.comparingInt(l -> boxes[index.get(l.from())].centerY());
    leaving.values().forEach(list -> list.sort(byTarget));
    entering.values().forEach(list -> list.sort(bySource));
    List<Diagram.Arrow> arrows = new ArrayList<>();
    int above = 0;
    int below = 0;
    for (Link link : links) {
      int from = index.get(link.from());
      int to = index.get(link.to());
      Diagram.Box source = boxes[from].placed;
      Diagram.Box target = boxes[to].placed;
      int fromY = port(source, leaving.get(from).indexOf(link), leaving.get(from).size());
      int toY = port(target, entering.get(to).indexOf(link), entering.get(to).size());
      int fromX = source.x() + source.width();
      Diagram.Arrow arrow;
      if (target.column() == source.column() + 1) {
        arrow = new Diagram.Arrow(link, fromX, fromY, target.x(), toY,
            Diagram.Route.NEXT_COLUMN, 0, 0);
      } else if (target.column() > source.column()) {
        above++;
        arrow = new Diagram.Arrow(link, fromX, fromY, target.x(), toY, Diagram.Route.ABOVE,
            MARGIN + (above - 1) * LANE_STEP, laneOffset(above));
      } else {
        below++;
        arrow = new Diagram.Arrow(link, fromX, fromY, target.x(), toY, Diagram.Route.BELOW,
            bottom + MARGIN + (below - 1) * LANE_STEP, laneOffset(below));
      }
      arrows.add(arrow);
    }
    return arrows;
  }

  /** Lanes turn at distances from the boxes that repeat, well inside the gap between columns. */
  private static int laneOffset(int lane) {
    return 12 + 8 * ((lane - 1) % ((COLUMN_GAP / 2 - 12) / 8));
  }

  /** The height of the {@code k}th of {@code count} arrows on one side of {@code box}. */
  private static int port(Diagram.Box box, int k, int count) {
    int span = Math.min(box.height() / 2, 18 * (count - 1));
    return box.y() + box.height() / 2 - span / 2 + (count == 1 ? 0 : span * k / (count - 1));
  }
}
