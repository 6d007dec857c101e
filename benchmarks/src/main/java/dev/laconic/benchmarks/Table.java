package dev.laconic.benchmarks;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with right-aligned columns, for the benchmarks' reports. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  Table(String... header) {
    rows.add(header);
  }

  Table row(Object... cells) {
    String[] text = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      text[i] = String.valueOf(cells[i]);
    }
    rows.add(text);
    return this;
  }

  /** The table as Markdown, which also reads well as plain text. */
  @Override
  public String toString() {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      out.append('|');
      for (int i = 0; i < columns; i++) {
        String cell = rows.get(r)[i];
        String pad = " ".repeat(widths[i] - cell.length());
        out.append(' ').append(i == 0 ? cell + pad : pad + cell).append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int i = 0; i < columns; i++) {
          out.append(i == 0 ? "-" : "").append("-".repeat(widths[i] + 1))
              .append(i == 0 ? "|" : ":|");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
