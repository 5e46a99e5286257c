package org.doppel.domains.medical.glucose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * A study context for unit tests, until the runtime's lands: a recording report, a forecaster
 * that returns its baseline with uniform attention, and the controllers it is given.
 */
final class FakeStudyContext implements StudyContext {

  final Recorder report = new Recorder();
  final Map<String, Controller> controllers = new LinkedHashMap<>();
  final List<WindowSet> trained = new ArrayList<>();
  final List<ForecasterSettings> settings = new ArrayList<>();
  final Map<String, Parameters> sections = new LinkedHashMap<>();
  /** A real forecasting service to use instead of the baseline-returning fake. */
  SequenceForecasting service;
  private final boolean quick;

  FakeStudyContext(boolean quick) {
    this.quick = quick;
  }

  @Override
  public String runId() {
    return "test";
  }

  @Override
  public long seed() {
    return 42;
  }

  @Override
  public boolean quick() {
    return quick;
  }

  @Override
  public Parameters section(String name) {
    return sections.getOrDefault(name, Parameters.of(name, Map.of()));
  }

  @Override
  public TimeSeriesIngest ingest() {
    throw new UnsupportedOperationException("no ingest in this test");
  }

  @Override
  public SequenceForecasting forecasting() {
    if (service != null) {
      return service;
    }
    return (training, settings, listener) -> {
      trained.add(training);
      this.settings.add(settings);
      for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
        listener.epoch(epoch, settings.epochs(), 1.0 / epoch, Double.NaN);
      }
      return new BaselineForecaster();
    };
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends Plugin> T plugin(Class<T> type, String id) {
    if (type == Controller.class && controllers.containsKey(id)) {
      return (T) controllers.get(id);
    }
    throw new PluginException("no " + type.getSimpleName() + " '" + id + "' installed");
  }

  @Override
  public <T extends Plugin> List<String> installed(Class<T> type) {
    if (type == AttentionVariant.class) {
      return List.of("multi-head", "none");
    }
    if (type == Controller.class) {
      return List.copyOf(controllers.keySet());
    }
    return List.of();
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

  /** Forecasts its baseline (persistence), with uniform attention. */
  static final class BaselineForecaster implements SequenceForecaster {

    @Override
    public double[][] predict(WindowSet windows) {
      return windows.baseline();
    }

    @Override
    public double[][][] attentionWeights(WindowSet windows) {
      double[][][] weights = new double[windows.size()][windows.tokens()][windows.tokens()];
      for (double[][] window : weights) {
        for (double[] query : window) {
          java.util.Arrays.fill(query, 1.0 / windows.tokens());
        }
      }
      return weights;
    }

    @Override
    public long parameterCount() {
      return 0;
    }

    @Override
    public List<Double> trainingLoss() {
      return List.of();
    }

    @Override
    public List<Double> validationLoss() {
      return List.of();
    }

    @Override
    public double trainingSeconds() {
      return 0;
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }
  }

  /** Keeps what a study reports. */
  static final class Recorder implements StudyReport {

    final List<String> headings = new ArrayList<>();
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
          throw new IllegalArgumentException(name + ": row of " + row.size() + " cells for "
              + columns.size() + " columns");
        }
      }
      tables.put(name, rows);
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

    private static void check(String name) {
      if (!name.matches("[a-z0-9]+([_./-][a-z0-9]+)*")) {
        throw new IllegalArgumentException("bad report name " + name);
      }
    }
  }
}
