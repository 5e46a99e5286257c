package org.doppel.domains.medical;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.plugins.controllers.PidController;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * A study context for tests: the scenario from a YAML document, the real mpc and pid
 * controllers, a given forecasting service, and a report that records what it is told.
 */
public final class RecordingStudyContext implements StudyContext {

  private final Map<String, Object> scenario;
  private final boolean quick;
  private final SequenceForecasting forecasting;
  private final Recording report = new Recording();

  public RecordingStudyContext(Map<String, Object> scenario, boolean quick,
      SequenceForecasting forecasting) {
    this.scenario = scenario;
    this.quick = quick;
    this.forecasting = forecasting;
  }

  /** The shipped scenario as a map. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> shippedScenario() throws IOException {
    try (InputStream in = new MedicalDomain().defaultScenario().openStream()) {
      return new ObjectMapper(new YAMLFactory()).readValue(in, LinkedHashMap.class);
    }
  }

  @Override
  public String runId() {
    return "test-run";
  }

  @Override
  public long seed() {
    return ((Number) scenario.getOrDefault("seed", 42)).longValue();
  }

  @Override
  public boolean quick() {
    return quick;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Parameters section(String name) {
    Object value = scenario.get(name);
    if (value == null) {
      return Parameters.of(name, Map.of());
    }
    if (value instanceof Map<?, ?> map) {
      return Parameters.of(name, (Map<String, ?>) map);
    }
    return Parameters.of(name, Map.of("id", value));
  }

  @Override
  public TimeSeriesIngest ingest() {
    throw new UnsupportedOperationException("the medical study reads its own CSV");
  }

  @Override
  public SequenceForecasting forecasting() {
    return forecasting;
  }

  @Override
  public <T extends Plugin> T plugin(Class<T> type, String id) {
    Map<String, Controller> controllers = Map.of("mpc", new MpcController(), "pid",
        new PidController());
    if (type == Controller.class && controllers.containsKey(id)) {
      return type.cast(controllers.get(id));
    }
    throw new PluginException("no " + type.getSimpleName() + " '" + id + "' installed;"
        + " installed: " + controllers.keySet());
  }

  @Override
  public <T extends Plugin> List<String> installed(Class<T> type) {
    if (type == Controller.class) {
      return List.of("mpc", "pid");
    }
    return type == org.doppel.sdk.attention.AttentionVariant.class
        ? List.of("multi-head", "none") : List.of();
  }

  @Override
  public Recording report() {
    return report;
  }

  @Override
  public Progress progress(String task, long total, String unit) {
    return new Progress() {
      @Override
      public void step(String message) {
      }

      @Override
      public void close() {
      }
    };
  }

  /** What a study reported. */
  public static final class Recording implements StudyReport {
    public final List<String> headings = new ArrayList<>();
    public final Map<String, Double> metrics = new LinkedHashMap<>();
    public final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    public final Map<String, List<String>> columns = new LinkedHashMap<>();
    public final Map<String, Chart> charts = new LinkedHashMap<>();
    public final Map<String, List<List<Object>>> csvs = new LinkedHashMap<>();

    @Override
    public void heading(String title) {
      headings.add(title);
    }

    @Override
    public void paragraph(String text) {
    }

    @Override
    public void metric(String name, double value) {
      check(name);
      metrics.put(name, value);
    }

    @Override
    public void table(String name, String title, List<String> columns,
        List<List<Object>> rows) {
      check(name);
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells for "
              + columns.size() + " columns");
        }
      }
      tables.put(name, rows);
      this.columns.put(name, columns);
    }

    @Override
    public void chart(String name, Chart chart) {
      check(name);
      charts.put(name, chart);
    }

    @Override
    public void csv(String fileName, List<String> columns, List<List<Object>> rows) {
      check(fileName);
      csvs.put(fileName, rows);
    }

    @Override
    public void file(String fileName, byte[] content) {
      check(fileName);
    }

    /** The rule of {@link StudyReport}: lower-case words joined by _ - . or /. */
    private static void check(String name) {
      if (!name.matches("[a-z0-9]+([_\\-./][a-z0-9]+)*") || name.contains("..")) {
        throw new IllegalArgumentException("bad report name '" + name + "'");
      }
    }
  }
}
