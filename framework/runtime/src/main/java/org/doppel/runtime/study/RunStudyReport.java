package org.doppel.runtime.study;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.doppel.runtime.io.AtomicFiles;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyReport;

/**
 * What one study reports, kept in the order reported. Tables, charts, CSV and other files
 * are written into the run folder as soon as they are reported (each atomically), so a run
 * that fails later keeps them; {@code metrics.json} and {@code report.html} are written by
 * {@link StudyRun} at the end, and also when the study fails.
 *
 * <p>Every name is checked by {@link StudyNames}; reporting the same table, chart, file or
 * metric twice is an error, as is a metric whose name is also a group of other metrics
 * ({@code a/b} beside {@code a/b/c}). Thread-safe, so a study may report from worker
 * threads; closed once the study returns, after which every call is an
 * {@link IllegalStateException}.
 */
final class RunStudyReport implements StudyReport {

  /** Rows of a table shown in the report; the CSV file always holds them all. */
  static final int ROWS_SHOWN = 200;

  private final Function<String, Path> folder;
  private final List<String> fragments = new ArrayList<>();
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final Set<String> metricGroups = new HashSet<>();
  private final Set<String> written = new HashSet<>();
  private int tables;
  private int charts;
  private boolean closed;

  /**
   * @param folder where a file of the run, named relative to its folder, is written
   */
  RunStudyReport(Function<String, Path> folder) {
    this.folder = folder;
  }

  @Override
  public synchronized void heading(String title) {
    open();
    fragments.add("<h2>" + StudyPage.esc(Objects.requireNonNull(title, "title")) + "</h2>\n");
  }

  @Override
  public synchronized void paragraph(String text) {
    open();
    fragments.add("<p>" + StudyPage.esc(Objects.requireNonNull(text, "text")) + "</p>\n");
  }

  @Override
  public synchronized void metric(String name, double value) {
    open();
    StudyNames.check("metric", name);
    if (metrics.containsKey(name)) {
      throw new IllegalArgumentException("metric '" + name + "' is reported twice");
    }
    if (metricGroups.contains(name)) {
      throw new IllegalArgumentException("metric '" + name + "' is already the group of"
          + " other metrics (" + name + "/...); choose another name");
    }
    List<String> groups = groups(name);
    for (String group : groups) {
      if (metrics.containsKey(group)) {
        throw new IllegalArgumentException("metric '" + name + "' would make metric '" + group
            + "' a group; choose another name");
      }
    }
    metrics.put(name, value);
    metricGroups.addAll(groups);
  }

  @Override
  public synchronized void table(String name, String title, List<String> columns,
      List<List<Object>> rows) {
    open();
    String file = "tables/" + StudyNames.check("table", name) + ".csv";
    checkRows("table '" + name + "'", columns, rows);
    claim(file);
    writeCsv(file, columns, rows);
    tables++;

    StringBuilder html = new StringBuilder();
    html.append("<h3>").append(StudyPage.esc(Objects.requireNonNull(title, "title")))
        .append("</h3>\n<table><tr>");
    columns.forEach(c -> html.append("<th>").append(StudyPage.esc(c)).append("</th>"));
    html.append("</tr>\n");
    for (List<Object> row : rows.subList(0, Math.min(rows.size(), ROWS_SHOWN))) {
      html.append("<tr>");
      row.forEach(cell -> html.append("<td>").append(StudyPage.esc(shown(cell)))
          .append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</table>\n<p class=\"note\">");
    if (rows.size() > ROWS_SHOWN) {
      html.append("The first ").append(ROWS_SHOWN).append(" of ").append(rows.size())
          .append(" rows; all of them are in ");
    } else {
      html.append("As CSV: ");
    }
    html.append("<a href=\"").append(file).append("\">").append(file).append("</a>.</p>\n");
    fragments.add(html.toString());
  }

  @Override
  public synchronized void chart(String name, Chart chart) {
    open();
    String file = "charts/" + StudyNames.check("chart", name) + ".png";
    Objects.requireNonNull(chart, "chart");
    if (written.contains(file)) {
      throw new IllegalArgumentException("chart '" + name + "' is reported twice");
    }
    byte[] png = StudyCharts.png(chart);
    claim(file);
    write(file, out -> out.write(png));
    charts++;
    fragments.add("<figure><img alt=\"" + StudyPage.esc(chart.title())
        + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png)
        + "\"><figcaption class=\"note\"><a href=\"" + file + "\">" + file
        + "</a></figcaption></figure>\n");
  }

  @Override
  public synchronized void csv(String fileName, List<String> columns,
      List<List<Object>> rows) {
    open();
    StudyNames.checkFile("CSV file", fileName);
    checkRows("CSV file '" + fileName + "'", columns, rows);
    claim(fileName);
    writeCsv(fileName, columns, rows);
  }

  @Override
  public synchronized void file(String fileName, byte[] content) {
    open();
    StudyNames.checkFile("file", fileName);
    byte[] copy = Objects.requireNonNull(content, "content").clone();
    claim(fileName);
    write(fileName, out -> out.write(copy));
  }

  /** Ends reporting: later calls fail. */
  synchronized void close() {
    closed = true;
  }

  synchronized List<String> fragments() {
    return List.copyOf(fragments);
  }

  /** The metrics in the order reported, by their full names. */
  synchronized Map<String, Double> metrics() {
    return new LinkedHashMap<>(metrics);
  }

  /**
   * The metrics as a tree: each {@code /} in a name opens a level, so
   * {@code motorway/alinea/tts_veh_h} is {@code {"motorway": {"alinea": {"tts_veh_h": ..}}}};
   * a non-finite value is {@code null}. Groups keep the order of their first metric.
   */
  synchronized Map<String, Object> metricTree() {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, Double> metric : metrics.entrySet()) {
      String[] parts = metric.getKey().split("/");
      Map<String, Object> level = root;
      for (int i = 0; i < parts.length - 1; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) level.computeIfAbsent(parts[i],
            k -> new LinkedHashMap<String, Object>());
        level = next;
      }
      double value = metric.getValue();
      level.put(parts[parts.length - 1], Double.isFinite(value) ? value : null);
    }
    return root;
  }

  synchronized int tableCount() {
    return tables;
  }

  synchronized int chartCount() {
    return charts;
  }

  /** Writes {@code metrics.json}: the run's header and the study's metrics. */
  static void writeMetrics(Path target, Map<String, Object> document) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    AtomicFiles.write(target, out -> json.writeValue(out, document));
  }

  private void open() {
    if (closed) {
      throw new IllegalStateException("the study's report is closed: the study has returned"
          + " (or failed), so nothing more can be reported");
    }
  }

  private static List<String> groups(String name) {
    List<String> groups = new ArrayList<>();
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      groups.add(name.substring(0, slash));
    }
    return groups;
  }

  private void claim(String file) {
    if (!written.add(file)) {
      throw new IllegalArgumentException(file + " is reported twice");
    }
  }

  private static void checkRows(String what, List<String> columns, List<List<Object>> rows) {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
    for (int r = 0; r < rows.size(); r++) {
      List<Object> row = rows.get(r);
      if (row == null || row.size() != columns.size()) {
        throw new IllegalArgumentException(what + ": row " + r + " has "
            + (row == null ? "no" : String.valueOf(row.size())) + " cells for "
            + columns.size() + " columns " + columns);
      }
      for (int c = 0; c < row.size(); c++) {
        Object cell = row.get(c);
        if (cell != null && !(cell instanceof Number || cell instanceof CharSequence
            || cell instanceof Boolean || cell instanceof Enum<?>
            || cell instanceof java.time.temporal.TemporalAccessor)) {
          throw new IllegalArgumentException(what + ": row " + r + ", column '"
              + columns.get(c) + "' holds a " + cell.getClass().getName()
              + "; a cell is a number, a string or null");
        }
      }
    }
  }

  private void writeCsv(String file, List<String> columns, List<List<Object>> rows) {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(columns.toArray(String[]::new))
        .setRecordSeparator("\n").build();
    write(file, out -> {
      OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (CSVPrinter csv = new CSVPrinter(writer, format)) {
        for (List<Object> row : rows) {
          csv.printRecord(row);
        }
      }
    });
  }

  private void write(String file, AtomicFiles.Writer writer) {
    try {
      AtomicFiles.write(folder.apply(file), writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + " into the run folder: " + e, e);
    }
  }

  /** A cell as the report shows it: numbers to four significant digits. */
  static String shown(Object cell) {
    if (cell == null) {
      return "";
    }
    if (cell instanceof Double || cell instanceof Float) {
      return number(((Number) cell).doubleValue());
    }
    return cell.toString();
  }

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(4));
    return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.stripTrailingZeros().toPlainString()
        : String.format(java.util.Locale.ROOT, "%.3e", value);
  }
}
