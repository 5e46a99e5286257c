package org.doppel.runtime.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.doppel.sdk.study.Chart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws a study's {@link Chart} descriptions as PNG images with JFreeChart, in the look of
 * the day-ahead report's charts. Stateless.
 */
final class StudyCharts {

  static final int WIDTH = 960;
  static final int HEIGHT = 400;

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728),
      new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

  private static final Color[] BAND_COLOURS = {new Color(0x2ca02c), new Color(0xff7f0e),
      new Color(0x9467bd), new Color(0x17becf)};

  private StudyCharts() {
  }

  /**
   * The chart as PNG bytes.
   *
   * @throws IllegalArgumentException when the chart has nothing to draw
   */
  static byte[] png(Chart chart) {
    if (chart instanceof Chart.Lines lines) {
      return png(lines(lines), WIDTH, HEIGHT);
    }
    if (chart instanceof Chart.Bars bars) {
      return png(bars(bars), WIDTH, HEIGHT + 40);
    }
    Chart.Heatmap heatmap = (Chart.Heatmap) chart;
    int height = Math.max(320, Math.min(1400, 160 + 18 * heatmap.rows().size()));
    return png(heatmap(heatmap), WIDTH, height);
  }

  private static JFreeChart lines(Chart.Lines chart) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Chart.Series s : chart.series()) {
      // Duplicates allowed and no sorting: the x values are drawn in the order given.
      XYSeries series = new XYSeries(s.name(), false, true);
      for (int i = 0; i < chart.x().length; i++) {
        series.add(chart.x()[i], s.y()[i], false);
      }
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    for (int i = 0; i < chart.series().size(); i++) {
      boolean points = chart.series().get(i).points();
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
      renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.6f : 1.2f));
      renderer.setSeriesLinesVisible(i, !points);
      renderer.setSeriesShapesVisible(i, points);
    }
    NumberAxis x = new NumberAxis(chart.xLabel());
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(chart.yLabel());
    y.setAutoRangeIncludesZero(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    style(plot);

    double[] range = finiteRange(chart);
    for (int i = 0; i < chart.bands().size(); i++) {
      Chart.Band band = chart.bands().get(i);
      Color colour = BAND_COLOURS[i % BAND_COLOURS.length];
      IntervalMarker marker = new IntervalMarker(band.low(), band.high(),
          new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 40));
      marker.setLabel(band.name());
      marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
      marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      plot.addRangeMarker(marker, Layer.BACKGROUND);
    }
    // A band (a therapeutic window, a capacity) is part of what the chart says: keep it in
    // view even where the lines stay clear of it.
    if (!chart.bands().isEmpty() && range[0] <= range[1]) {
      double margin = range[1] > range[0] ? 0.05 * (range[1] - range[0])
          : Math.max(1, Math.abs(range[0])) * 0.05;
      y.setRange(range[0] - margin, range[1] + margin);
    }
    return titled(chart.title(), plot, !chart.series().isEmpty());
  }

  /** The lowest and highest finite value of the lines and the bands' finite edges. */
  private static double[] finiteRange(Chart.Lines chart) {
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (Chart.Series s : chart.series()) {
      for (double v : s.y()) {
        if (Double.isFinite(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
        }
      }
    }
    for (Chart.Band band : chart.bands()) {
      for (double edge : new double[] {band.low(), band.high()}) {
        if (Double.isFinite(edge)) {
          low = Math.min(low, edge);
          high = Math.max(high, edge);
        }
      }
    }
    return new double[] {low, high};
  }

  private static JFreeChart bars(Chart.Bars chart) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int s = 0; s < chart.seriesNames().size(); s++) {
      for (int c = 0; c < chart.categories().size(); c++) {
        double value = chart.values()[s][c];
        data.addValue(Double.isFinite(value) ? (Number) value : null,
            chart.seriesNames().get(s), chart.categories().get(c));
      }
    }
    boolean legend = chart.seriesNames().size() > 1;
    JFreeChart result = ChartFactory.createBarChart(chart.title(), null, chart.yLabel(), data,
        PlotOrientation.VERTICAL, legend, false, false);
    var plot = result.getCategoryPlot();
    if (chart.categories().size() > 12) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_90);
      plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    }
    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    for (int s = 0; s < chart.seriesNames().size(); s++) {
      renderer.setSeriesPaint(s, PALETTE[s % PALETTE.length]);
    }
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    result.setBackgroundPaint(Color.WHITE);
    return result;
  }

  private static JFreeChart heatmap(Chart.Heatmap chart) {
    int rows = chart.rows().size();
    int columns = chart.columns().size();
    if (rows == 0 || columns == 0) {
      throw new IllegalArgumentException("heatmap '" + chart.title() + "' has no cells ("
          + rows + " rows, " + columns + " columns)");
    }
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    int cells = 0;
    for (double[] row : chart.values()) {
      for (double v : row) {
        if (Double.isFinite(v)) {
          low = Math.min(low, v);
          high = Math.max(high, v);
          cells++;
        }
      }
    }
    // NaN cells are left out of the data set, so they stay blank.
    double[][] xyz = new double[3][cells];
    int i = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        double v = chart.values()[r][c];
        if (Double.isFinite(v)) {
          xyz[0][i] = c;
          xyz[1][i] = r;
          xyz[2][i] = v;
          i++;
        }
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("values", xyz);
    if (cells == 0) {
      low = 0;
      high = 1;
    } else if (high <= low) {
      high = low + Math.max(1e-12, Math.abs(low) * 1e-6);
    }

    XYBlockRenderer renderer = new XYBlockRenderer();
    LookupPaintScale scale = new LookupPaintScale(low, high, Color.WHITE);
    for (int level = 0; level <= 64; level++) {
      double fraction = level / 64.0;
      scale.add(low + fraction * (high - low), shade(fraction));
    }
    renderer.setPaintScale(scale);

    SymbolAxis x = new SymbolAxis(chart.xLabel(), thinned(chart.columns(), 48));
    x.setVerticalTickLabels(columns > 8);
    x.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, columns > 40 ? 7 : 9));
    x.setRange(-0.5, columns - 0.5);
    x.setGridBandsVisible(false);
    SymbolAxis y = new SymbolAxis(chart.yLabel(), thinned(chart.rows(), 40));
    y.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, rows > 40 ? 7 : 9));
    y.setInverted(true);
    y.setRange(-0.5, rows - 0.5);
    y.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);

    JFreeChart result = new JFreeChart(chart.title(), JFreeChart.DEFAULT_TITLE_FONT, plot,
        false);
    NumberAxis legendAxis = new NumberAxis();
    legendAxis.setRange(low, high);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 8, 4, 4);
    legend.setStripWidth(14);
    result.addSubtitle(legend);
    result.setBackgroundPaint(Color.WHITE);
    return result;
  }

  /**
   * The labels with only every k-th one kept, so that at most about {@code most} are drawn:
   * 336 tokens' labels side by side would overlap into a black bar.
   */
  static String[] thinned(java.util.List<String> labels, int most) {
    int step = (labels.size() + most - 1) / most;
    String[] kept = new String[labels.size()];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = i % Math.max(1, step) == 0 ? labels.get(i) : "";
    }
    return kept;
  }

  /**
   * From a light to a deep blue as {@code fraction} goes from 0 to 1; even the lowest value
   * is tinted, so it stays apart from a blank (NaN) cell.
   */
  private static Color shade(double fraction) {
    float f = (float) Math.max(0, Math.min(1, fraction));
    return new Color(0.85f - 0.77f * f, 0.90f - 0.64f * f, 0.98f - 0.44f * f);
  }

  private static JFreeChart titled(String title, XYPlot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, legend);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  private static byte[] png(JFreeChart chart, int width, int height) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(bytes, chart, width, height);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart '" + chart.getTitle().getText() + "'",
          e);
    }
  }
}
