package org.doppel.sdk.study;

import java.util.List;
import java.util.Objects;

/**
 * A chart a study asks for; the framework draws it. Described as data so a domain bundle
 * needs no plotting library.
 */
public sealed interface Chart permits Chart.Lines, Chart.Bars, Chart.Heatmap {

  String title();

  /**
   * Line chart over a shared x axis.
   *
   * @param series lines (or points) to draw, each the length of {@code x}; {@code NaN} leaves
   *     a gap
   * @param bands horizontal bands such as a therapeutic window, drawn behind the lines
   */
  record Lines(String title, String xLabel, String yLabel, double[] x, List<Series> series,
      List<Band> bands) implements Chart {

    public Lines {
      Objects.requireNonNull(title, "title");
      x = x.clone();
      series = List.copyOf(series);
      bands = List.copyOf(bands);
      for (Series s : series) {
        if (s.y().length != x.length) {
          throw new IllegalArgumentException("series " + s.name() + " has " + s.y().length
              + " values for " + x.length + " x values");
        }
      }
    }
  }

  /**
   * One line; {@code points} draws markers without a line (observed samples).
   */
  record Series(String name, double[] y, boolean points) {

    public Series {
      Objects.requireNonNull(name, "name");
      y = y.clone();
    }

    public static Series line(String name, double[] y) {
      return new Series(name, y, false);
    }

    public static Series points(String name, double[] y) {
      return new Series(name, y, true);
    }
  }

  /** A horizontal band from {@code low} to {@code high}. */
  record Band(String name, double low, double high) {
  }

  /**
   * Grouped bars: one group per category, one bar per series.
   *
   * @param values {@code [series][category]}
   */
  record Bars(String title, String yLabel, List<String> categories, List<String> seriesNames,
      double[][] values) implements Chart {

    public Bars {
      Objects.requireNonNull(title, "title");
      categories = List.copyOf(categories);
      seriesNames = List.copyOf(seriesNames);
      if (values.length != seriesNames.size()) {
        throw new IllegalArgumentException(values.length + " value rows for "
            + seriesNames.size() + " series");
      }
      for (double[] row : values) {
        if (row.length != categories.size()) {
          throw new IllegalArgumentException(row.length + " values for " + categories.size()
              + " categories");
        }
      }
      values = java.util.Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }
  }

  /**
   * A grid of coloured cells: attention weights over tokens, or a map-like grid of a network
   * coloured by queue or error. {@code NaN} cells are left blank.
   *
   * @param values {@code [row][column]}
   */
  record Heatmap(String title, String xLabel, String yLabel, List<String> columns,
      List<String> rows, double[][] values) implements Chart {

    public Heatmap {
      Objects.requireNonNull(title, "title");
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      if (values.length != rows.size()) {
        throw new IllegalArgumentException(values.length + " value rows for " + rows.size()
            + " row labels");
      }
      for (double[] row : values) {
        if (row.length != columns.size()) {
          throw new IllegalArgumentException(row.length + " values for " + columns.size()
              + " columns");
        }
      }
      values = java.util.Arrays.stream(values).map(double[]::clone).toArray(double[][]::new);
    }
  }
}
