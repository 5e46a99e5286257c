package org.doppel.runtime.cli;

import java.io.PrintWriter;
import java.util.List;

/** Plain-text tables for the terminal, columns padded to their widest cell. */
final class Tables {

  private Tables() {
  }

  static void print(PrintWriter out, String[] headers, List<String[]> rows) {
    int[] widths = new int[headers.length];
    for (int i = 0; i < headers.length; i++) {
      widths[i] = headers[i].length();
    }
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    printRow(out, headers, widths);
    for (String[] row : rows) {
      printRow(out, row, widths);
    }
  }

  private static void printRow(PrintWriter out, String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      boolean last = i == cells.length - 1;
      line.append(last ? cells[i] : String.format("%-" + widths[i] + "s  ", cells[i]));
    }
    out.println(line.toString().stripTrailing());
  }
}
