package org.doppel.sdk.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyReport;

/**
 * A {@link StudyReport} that keeps everything a study reports in memory, for unit tests of a
 * study without the framework. It refuses what the framework's report refuses, with the same
 * rules: names are lower-case words (a-z, 0-9) joined by single {@code _ - . /}; a metric is
 * reported once and is never also the group of other metrics ({@code a} and {@code a/b});
 * a table, chart or file is reported once; CSV and other files do not take the framework's
 * own names ({@code metrics.json}, {@code report.html}, {@code scenario.yaml},
 * {@code error.txt}, {@code tables/}, {@code charts/}); every row has one cell per column
 * and a cell is a number, text, a boolean, an enum, a date-time or {@code null}.
 *
 * <p>Charts are kept as the study described them, not drawn. Not thread-safe.
 */
public final class RecordingReport implements StudyReport {

  private static final Pattern NAME = Pattern.compile("[a-z0-9]+([_./-][a-z0-9]+)*");

  private static final Set<String> RESERVED = Set.of("metrics.json", "report.html",
      "scenario.yaml", "error.txt");

  private static final Set<String> FRAMEWORK_FOLDERS = Set.of("tables", "charts");

  private final List<String> headings = new ArrayList<>();
  private final List<String> paragraphs = new ArrayList<>();
  private final List<String> text = new ArrayList<>();
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final Set<String> metricGroups = new HashSet<>();
  private final Map<String, List<String>> columns = new LinkedHashMap<>();
  private final Map<String, String> titles = new LinkedHashMap<>();
  private final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
  private final Map<String, Chart> charts = new LinkedHashMap<>();
  private final Map<String, List<String>> csvColumns = new LinkedHashMap<>();
  private final Map<String, List<List<Object>>> csvs = new LinkedHashMap<>();
  private final Map<String, byte[]> files = new LinkedHashMap<>();
  private final Set<String> written = new HashSet<>();

  @Override
  public void heading(String title) {
    Objects.requireNonNull(title, "title");
    headings.add(title);
    text.add(title);
  }

  @Override
  public void paragraph(String paragraph) {
    Objects.requireNonNull(paragraph, "text");
    paragraphs.add(paragraph);
    text.add(paragraph);
  }

  @Override
  public void metric(String name, double value) {
    check("metric", name);
    if (metrics.containsKey(name)) {
      throw new IllegalArgumentException("metric '" + name + "' is reported twice");
    }
    if (metricGroups.contains(name)) {
      throw new IllegalArgumentException("metric '" + name + "' is already the group of"
          + " other metrics (" + name + "/...); choose another name");
    }
    List<String> groups = new ArrayList<>();
    for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
      String group = name.substring(0, slash);
      if (metrics.containsKey(group)) {
        throw new IllegalArgumentException("metric '" + name + "' would make metric '" + group
            + "' a group; choose another name");
      }
      groups.add(group);
    }
    metrics.put(name, value);
    metricGroups.addAll(groups);
  }

  @Override
  public void table(String name, String title, List<String> columns,
      List<List<Object>> rows) {
    check("table", name);
    Objects.requireNonNull(title, "title");
    checkRows("table '" + name + "'", columns, rows);
    claim("tables/" + name + ".csv");
    this.columns.put(name, List.copyOf(columns));
    titles.put(name, title);
    tables.put(name, copy(rows));
  }

  @Override
  public void chart(String name, Chart chart) {
    check("chart", name);
    Objects.requireNonNull(chart, "chart");
    if (!written.add("charts/" + name + ".png")) {
      throw new IllegalArgumentException("chart '" + name + "' is reported twice");
    }
    charts.put(name, chart);
  }

  @Override
  public void csv(String fileName, List<String> columns, List<List<Object>> rows) {
    checkFile("CSV file", fileName);
    checkRows("CSV file '" + fileName + "'", columns, rows);
    claim(fileName);
    csvColumns.put(fileName, List.copyOf(columns));
    csvs.put(fileName, copy(rows));
  }

  @Override
  public void file(String fileName, byte[] content) {
    checkFile("file", fileName);
    byte[] kept = Objects.requireNonNull(content, "content").clone();
    claim(fileName);
    files.put(fileName, kept);
  }

  /** The headings in the order reported. */
  public List<String> headings() {
    return List.copyOf(headings);
  }

  /** The paragraphs in the order reported. */
  public List<String> paragraphs() {
    return List.copyOf(paragraphs);
  }

  /** Headings and paragraphs together, in the order reported: the report's prose. */
  public List<String> text() {
    return List.copyOf(text);
  }

  /** The metrics by full name, in the order reported; a non-finite value is kept as is. */
  public Map<String, Double> metrics() {
    return new LinkedHashMap<>(metrics);
  }

  /** The tables' rows by table name, in the order reported. */
  public Map<String, List<List<Object>>> tables() {
    return new LinkedHashMap<>(tables);
  }

  /**
   * A table's columns.
   *
   * @throws IllegalArgumentException when no table has that name
   */
  public List<String> columns(String table) {
    return known("table", columns, table);
  }

  /**
   * A table's title.
   *
   * @throws IllegalArgumentException when no table has that name
   */
  public String title(String table) {
    return known("table", titles, table);
  }

  /** The charts by name, as the study described them, in the order reported. */
  public Map<String, Chart> charts() {
    return new LinkedHashMap<>(charts);
  }

  /** The CSV files' rows by file name, in the order reported. */
  public Map<String, List<List<Object>>> csvs() {
    return new LinkedHashMap<>(csvs);
  }

  /**
   * A CSV file's columns.
   *
   * @throws IllegalArgumentException when no CSV file has that name
   */
  public List<String> csvColumns(String fileName) {
    return known("CSV file", csvColumns, fileName);
  }

  /** The other files' contents by file name, in the order reported. */
  public Map<String, byte[]> files() {
    Map<String, byte[]> copy = new LinkedHashMap<>();
    files.forEach((name, content) -> copy.put(name, content.clone()));
    return copy;
  }

  private static <V> V known(String kind, Map<String, V> values, String name) {
    V value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no " + kind + " '" + name + "' was reported;"
          + " reported: " + values.keySet());
    }
    return value;
  }

  private void claim(String file) {
    if (!written.add(file)) {
      throw new IllegalArgumentException(file + " is reported twice");
    }
  }

  private static List<List<Object>> copy(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
    }
    return java.util.Collections.unmodifiableList(copy);
  }

  private static void check(String kind, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(kind + " name '" + name + "' is not allowed: use"
          + " lower-case words (a-z, 0-9) joined by single '_', '-', '.' or '/', such as"
          + " motorway/alinea/total_time_spent_veh_h");
    }
  }

  private static void checkFile(String kind, String name) {
    check(kind, name);
    int slash = name.indexOf('/');
    String top = slash < 0 ? name : name.substring(0, slash);
    if (RESERVED.contains(name) || FRAMEWORK_FOLDERS.contains(top)) {
      throw new IllegalArgumentException(kind + " name '" + name + "' is taken by the"
          + " framework's own output (" + RESERVED + ", tables/, charts/)");
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
}
