package org.doppel.domains.logistics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * A study context for unit tests: the shipped scenario with overrides, the real ingest
 * service and controller plugins, a given forecasting service, and a report that records.
 */
final class FakeStudyContext implements StudyContext {

  final Map<String, Object> scenario;
  final RecordingReport report = new RecordingReport();
  private final boolean quick;
  private final SequenceForecasting forecasting;

  FakeStudyContext(boolean quick, SequenceForecasting forecasting) {
    this.quick = quick;
    this.forecasting = forecasting;
    this.scenario = shippedScenario();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> shippedScenario() {
    try (InputStream in = new LogisticsDomain().defaultScenario().openStream()) {
      return new LinkedHashMap<>(new ObjectMapper(new YAMLFactory()).readValue(in, Map.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets {@code section.key} (a copy of the section is changed). */
  @SuppressWarnings("unchecked")
  FakeStudyContext set(String section, String key, Object value) {
    Object current = scenario.get(section);
    Map<String, Object> copy = current instanceof Map<?, ?> map
        ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    copy.put(key, value);
    scenario.put(section, copy);
    return this;
  }

  @Override
  public String runId() {
    return "test-run";
  }

  @Override
  public long seed() {
    return ((Number) scenario.get("seed")).longValue();
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
      return Parameters.of(name, (Map<String, Object>) map);
    }
    return Parameters.of(name, Map.of("id", value));
  }

  @Override
  public TimeSeriesIngest ingest() {
    return new CsvTimeSeriesIngest();
  }

  @Override
  public SequenceForecasting forecasting() {
    return forecasting;
  }

  @Override
  public <T extends Plugin> T plugin(Class<T> type, String id) {
    Plugin plugin = switch (id) {
      case "mpc" -> new MpcController();
      case "lqr" -> new LqrController();
      default -> throw new PluginException("no " + type.getSimpleName() + " '" + id
          + "'; installed: [lqr, mpc]");
    };
    return type.cast(plugin);
  }

  @Override
  public <T extends Plugin> List<String> installed(Class<T> type) {
    return List.of("lqr", "mpc");
  }

  @Override
  public StudyReport report() {
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

  /**
   * Keeps everything reported, by name; refuses names the framework's report refuses
   * (lower-case words joined by one of {@code _ . / -}).
   */
  static final class RecordingReport implements StudyReport {
    private static final java.util.regex.Pattern NAME =
        java.util.regex.Pattern.compile("[a-z0-9]+([_./-][a-z0-9]+)*");

    final List<String> headings = new ArrayList<>();
    final List<String> paragraphs = new ArrayList<>();
    final Map<String, Double> metrics = new LinkedHashMap<>();
    final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
    final Map<String, Chart> charts = new LinkedHashMap<>();
    final Map<String, List<List<Object>>> csvs = new LinkedHashMap<>();

    @Override
    public void heading(String title) {
      headings.add(title);
    }

    @Override
    public void paragraph(String text) {
      paragraphs.add(text);
    }

    @Override
    public void metric(String name, double value) {
      checkName(name);
      if (metrics.put(name, value) != null) {
        throw new IllegalArgumentException("metric " + name + " reported twice");
      }
    }

    @Override
    public void table(String name, String title, List<String> columns,
        List<List<Object>> rows) {
      checkName(name);
      for (List<Object> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException("table " + name + ": a row of " + row.size()
              + " cells for " + columns.size() + " columns");
        }
      }
      tables.put(name, rows);
    }

    @Override
    public void chart(String name, Chart chart) {
      checkName(name);
      charts.put(name, chart);
    }

    @Override
    public void csv(String fileName, List<String> columns, List<List<Object>> rows) {
      checkName(fileName);
      csvs.put(fileName, rows);
    }

    @Override
    public void file(String fileName, byte[] content) {
      checkName(fileName);
    }

    private static void checkName(String name) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("the report refuses the name '" + name + "'");
      }
    }
  }
}
