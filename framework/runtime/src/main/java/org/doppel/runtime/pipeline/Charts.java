package org.doppel.runtime.pipeline;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart and returned as PNG images encoded for an
 * HTML {@code img} element, so the report is one self-contained file. Stateless.
 */
final class Charts {

  static final int WIDTH = 960;
  static final int HEIGHT = 380;

  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728),
      new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b),
      new Color(0x7f7f7f)};

  private Charts() {
  }

  /** One named line: x and y values of equal length. */
  record Line(String name, double[] x, double[] y) {
  }

  /** Lines over a time axis (x in epoch milliseconds). */
  static String timeLines(String title, String yLabel, List<Line> lines) {
    XYPlot plot = linePlot(lines, false);
    DateAxis time = new DateAxis("time");
    time.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
    plot.setDomainAxis(time);
    plot.setRangeAxis(numberAxis(yLabel, false));
    return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  /** Lines over a numeric axis; {@code markers} draws a point at every value. */
  static String lines(String title, String xLabel, String yLabel, List<Line> lines,
      boolean markers) {
    XYPlot plot = linePlot(lines, markers);
    plot.setDomainAxis(new NumberAxis(xLabel));
    plot.setRangeAxis(numberAxis(yLabel, false));
    return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  /** Labelled points, one series per point, such as models by size and error. */
  static String scatter(String title, String xLabel, String yLabel, Map<String, double[]> points,
      boolean logX) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Map.Entry<String, double[]> point : points.entrySet()) {
      XYSeries series = new XYSeries(point.getKey());
      series.add(point.getValue()[0], point.getValue()[1]);
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    colour(renderer, points.size());
    for (int i = 0; i < points.size(); i++) {
      renderer.setSeriesShape(i, scatterShape(i));
    }
    XYPlot plot = new XYPlot(data, logX ? new LogAxis(xLabel) : new NumberAxis(xLabel),
        numberAxis(yLabel, false), renderer);
    style(plot);
    return png(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
  }

  /**
   * A heat map of {@code values[row][column]} with named columns (for attention: queries
   * as rows, input tokens as columns), darker for more weight.
   */
  static String heatmap(String title, String rowLabel, String[] columnNames,
      double[][] values) {
    int rows = values.length;
    int columns = values[0].length;
    double[][] xyz = new double[3][rows * columns];
    double max = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        int i = r * columns + c;
        xyz[0][i] = c;
        xyz[1][i] = r;
        xyz[2][i] = values[r][c];
        max = Math.max(max, values[r][c]);
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("weights", xyz);

    XYBlockRenderer renderer = new XYBlockRenderer();
    LookupPaintScale scale = new LookupPaintScale(0, Math.max(max, 1e-12), Color.WHITE);
    GrayPaintScale gray = new GrayPaintScale(0, Math.max(max, 1e-12));
    for (int level = 0; level <= 50; level++) {
      double value = level * Math.max(max, 1e-12) / 50;
      java.awt.Paint shade = gray.getPaint(Math.max(max, 1e-12) - value);
      scale.add(value, level == 0 ? Color.WHITE : blend((Color) shade));
    }
    renderer.setPaintScale(scale);

    SymbolAxis tokens = new SymbolAxis("input token (oldest left)", columnNames);
    tokens.setVerticalTickLabels(true);
    tokens.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
    NumberAxis queryAxis = new NumberAxis(rowLabel);
    // rows are whole queries: one query must not get ticks at -0.5, -0.45, ...
    queryAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    queryAxis.setInverted(true);
    queryAxis.setRange(-0.5, rows - 0.5);
    tokens.setRange(-0.5, columns - 0.5);
    XYPlot plot = new XYPlot(data, tokens, queryAxis, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
    NumberAxis legendAxis = new NumberAxis("weight");
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    chart.addSubtitle(legend);
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart, WIDTH, 560);
  }

  /** Bars as a line of markers per category index, labelled below. */
  static String bars(String title, String yLabel, String[] names, double[] values) {
    org.jfree.data.category.DefaultCategoryDataset data =
        new org.jfree.data.category.DefaultCategoryDataset();
    for (int i = 0; i < names.length; i++) {
      data.addValue(values[i], yLabel, names[i]);
    }
    JFreeChart chart = org.jfree.chart.ChartFactory.createBarChart(title, null, yLabel, data,
        PlotOrientation.VERTICAL, false, false, false);
    var plot = chart.getCategoryPlot();
    // a few short names read level, some more slanted; dozens (input tokens) only fit
    // upright and small
    int longest = java.util.Arrays.stream(names).mapToInt(String::length).max().orElse(0);
    var axis = plot.getDomainAxis();
    if (names.length * Math.max(longest, 6) <= 110) {
      axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.STANDARD);
      axis.setMaximumCategoryLabelLines(2);
      axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    } else if (names.length <= 16) {
      axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
      axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    } else {
      axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_90);
      axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
    }
    plot.getRenderer().setSeriesPaint(0, PALETTE[0]);
    ((org.jfree.chart.renderer.category.BarRenderer) plot.getRenderer())
        .setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart, WIDTH, 520);
  }

  static double epochMillis(LocalDateTime time) {
    return time.toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static XYPlot linePlot(List<Line> lines, boolean markers) {
    XYSeriesCollection data = new XYSeriesCollection();
    for (Line line : lines) {
      XYSeries series = new XYSeries(line.name(), false, true);
      for (int i = 0; i < line.x().length; i++) {
        series.add(line.x()[i], line.y()[i], false);
      }
      data.addSeries(series);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
    colour(renderer, lines.size());
    for (int i = 0; i < lines.size(); i++) {
      renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 1.6f : 1.2f));
    }
    XYPlot plot = new XYPlot();
    plot.setDataset(data);
    plot.setRenderer(renderer);
    style(plot);
    return plot;
  }

  private static NumberAxis numberAxis(String label, boolean includeZero) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(includeZero);
    return axis;
  }

  /**
   * The marker of the {@code index}th point of a scatter: each point its own shape, each a
   * little smaller than the one before, so a model that lands on an earlier one (int8 on
   * the model it quantised, say) shows inside it rather than hiding it.
   */
  static Shape scatterShape(int index) {
    Shape[] shapes = DefaultDrawingSupplier.createStandardSeriesShapes();
    double size = Math.max(5, 15 - 1.5 * index);
    Shape shape = shapes[index % shapes.length];
    Rectangle2D bounds = shape.getBounds2D();
    AffineTransform scale = AffineTransform.getScaleInstance(size / bounds.getWidth(),
        size / bounds.getHeight());
    Shape scaled = scale.createTransformedShape(shape);
    Rectangle2D moved = scaled.getBounds2D();
    return AffineTransform.getTranslateInstance(-moved.getCenterX(), -moved.getCenterY())
        .createTransformedShape(scaled);
  }

  private static void colour(XYLineAndShapeRenderer renderer, int series) {
    for (int i = 0; i < series; i++) {
      renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
    }
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
  }

  private static Color blend(Color gray) {
    // Blue shades read better than gray for weights; keep the gray's lightness.
    float lightness = gray.getRed() / 255f;
    return new Color(lightness * 0.85f, lightness * 0.9f, 0.35f + 0.65f * lightness);
  }

  private static String png(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    return png(chart, WIDTH, HEIGHT);
  }

  private static String png(JFreeChart chart, int width, int height) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      ChartUtils.writeChartAsPNG(bytes, chart, width, height);
      return "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart '" + chart.getTitle().getText() + "'",
          e);
    }
  }
}
