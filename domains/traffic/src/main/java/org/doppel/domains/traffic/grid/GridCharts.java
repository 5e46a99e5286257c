package org.doppel.domains.traffic.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.study.Chart;

/** Charts of the grid part, built from its figures. Stateless. */
final class GridCharts {

  private static final List<String> COLUMNS = List.of("A", "B", "C", "D");

  private GridCharts() {
  }

  /**
   * A map-like 4 × 4 heatmap: one cell per junction, laid out as the network (north up),
   * valued by the sum over the junction's approaches of {@code perApproach}.
   */
  static Chart.Heatmap junctionMap(String title, GridNetwork network, double[] perApproach) {
    int rows = 1 + network.junctions().stream().mapToInt(j -> GridNetwork.gridPosition(j)[1])
        .max().orElse(0);
    int columns = 1 + network.junctions().stream()
        .mapToInt(j -> GridNetwork.gridPosition(j)[0]).max().orElse(0);
    double[][] values = new double[rows][columns];
    for (double[] row : values) {
      Arrays.fill(row, Double.NaN);
    }
    for (Approach a : network.approaches()) {
      int[] at = GridNetwork.gridPosition(a.junction());
      int row = rows - 1 - at[1];
      values[row][at[0]] = (Double.isNaN(values[row][at[0]]) ? 0 : values[row][at[0]])
          + perApproach[a.index()];
    }
    List<String> rowNames = new ArrayList<>();
    for (int r = rows - 1; r >= 0; r--) {
      rowNames.add("row " + r);
    }
    return new Chart.Heatmap(title, "junction column (west to east)",
        "junction row (north at the top)", COLUMNS.subList(0, columns), rowNames, values);
  }

  /** The mean of {@code perLoop} over each approach's loops. */
  static double[] perApproach(GridNetwork network, double[] perLoop) {
    double[] values = new double[network.approaches().size()];
    for (Approach a : network.approaches()) {
      for (String d : a.detectors()) {
        values[a.index()] += perLoop[network.detectors().indexOf(d)] / a.detectors().size();
      }
    }
    return values;
  }

  /** A line chart over the cycles of several runs of one quantity. */
  static Chart.Lines overCycles(String title, String yLabel, GridModel model,
      List<String> names, List<double[]> values) {
    int cycles = values.get(0).length;
    double[] hours = new double[cycles];
    for (int k = 0; k < cycles; k++) {
      hours[k] = (model.startSeconds() + (k + 1) * model.timing().cycleSeconds()) / 3600;
    }
    List<Chart.Series> series = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      series.add(Chart.Series.line(names.get(i), values.get(i)));
    }
    return new Chart.Lines(title, "simulated time of day [h]", yLabel, hours, series,
        List.of());
  }
}
