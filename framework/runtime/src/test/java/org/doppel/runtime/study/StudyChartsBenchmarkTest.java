package org.doppel.runtime.study;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.doppel.sdk.study.Chart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time to draw a study's charts of the sizes the domains report (not run by default:
 * {@code -Ddoppel.benchmark=true}); median of 10 after 3 warm-up draws. The command and the
 * figures are in {@code docs/notes/study.md}.
 */
@EnabledIfSystemProperty(named = "doppel.benchmark", matches = "true")
class StudyChartsBenchmarkTest {

  private static final Logger LOG = LoggerFactory.getLogger(StudyChartsBenchmarkTest.class);

  private final Random random = new Random(20261204);

  @Test
  void drawsTheChartsOfADomainStudy() {
    measure("lines, 3 series x 10000 points, 1 band", () -> lines(3, 10_000));
    measure("lines, 6 series x 1000 points, 1 band", () -> lines(6, 1_000));
    measure("bars, 12 categories x 4 series", this::bars);
    measure("heatmap, 48 rows x 336 columns", () -> heatmap(48, 336));
    measure("heatmap, 42 rows x 42 columns", () -> heatmap(42, 42));
  }

  private void measure(String what, Supplier<Chart> chart) {
    Chart drawn = chart.get();
    double[] ms = new double[10];
    int bytes = 0;
    for (int i = -3; i < ms.length; i++) {
      long start = System.nanoTime();
      bytes = StudyCharts.png(drawn).length;
      if (i >= 0) {
        ms[i] = (System.nanoTime() - start) / 1e6;
      }
    }
    Arrays.sort(ms);
    LOG.info("{}: median {} ms (min {}, max {}), {} KiB", what,
        String.format(java.util.Locale.ROOT, "%.1f", (ms[4] + ms[5]) / 2),
        String.format(java.util.Locale.ROOT, "%.1f", ms[0]),
        String.format(java.util.Locale.ROOT, "%.1f", ms[9]), bytes / 1024);
    assertTrue(bytes > 1000, what + " drew " + bytes + " bytes");
  }

  private Chart lines(int seriesCount, int points) {
    double[] x = new double[points];
    for (int i = 0; i < points; i++) {
      x[i] = i * 0.1;
    }
    List<Chart.Series> series = new ArrayList<>();
    for (int s = 0; s < seriesCount; s++) {
      double[] y = new double[points];
      for (int i = 0; i < points; i++) {
        y[i] = Math.sin(x[i] / 10 + s) + 0.1 * random.nextGaussian();
      }
      series.add(s == 0 ? Chart.Series.points("observed", y) : Chart.Series.line("s" + s, y));
    }
    return new Chart.Lines("Lines", "time [h]", "value", x, series,
        List.of(new Chart.Band("window", -0.5, 0.5)));
  }

  private Chart bars() {
    List<String> categories = new ArrayList<>();
    for (int c = 0; c < 12; c++) {
      categories.add("case " + c);
    }
    double[][] values = new double[4][12];
    for (double[] row : values) {
      for (int c = 0; c < row.length; c++) {
        row[c] = 10 + 5 * random.nextDouble();
      }
    }
    return new Chart.Bars("Bars", "cost", categories, List.of("a", "b", "c", "d"), values);
  }

  private Chart heatmap(int rows, int columns) {
    List<String> rowNames = new ArrayList<>();
    List<String> columnNames = new ArrayList<>();
    double[][] values = new double[rows][columns];
    for (int r = 0; r < rows; r++) {
      rowNames.add("q" + r);
      for (int c = 0; c < columns; c++) {
        values[r][c] = random.nextDouble();
      }
    }
    for (int c = 0; c < columns; c++) {
      columnNames.add("t-" + (columns - c));
    }
    return new Chart.Heatmap("Heatmap", "token", "query", columnNames, rowNames, values);
  }
}
