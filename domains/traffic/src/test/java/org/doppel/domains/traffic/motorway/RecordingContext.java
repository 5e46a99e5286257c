package org.doppel.domains.traffic.motorway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/** A study context for tests: the mpc plugin, a given forecasting service, a recorded report. */
final class RecordingContext implements StudyContext {

  final Map<String, Double> metrics = new LinkedHashMap<>();
  final Map<String, List<List<Object>>> tables = new LinkedHashMap<>();
  final Map<String, Chart> charts = new LinkedHashMap<>();
  final Map<String, List<List<Object>>> files = new LinkedHashMap<>();
  final List<String> text = new ArrayList<>();
  private final Map<String, Parameters> sections;
  private final SequenceForecasting forecasting;
  private final boolean quick;

  RecordingContext(Map<String, Map<String, Object>> sections, SequenceForecasting forecasting,
      boolean quick) {
    this.sections = new LinkedHashMap<>();
    sections.forEach((name, values) -> this.sections.put(name, Parameters.of(name, values)));
    this.forecasting = forecasting;
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
    throw new UnsupportedOperationException("the motorway part reads its own CSV files");
  }

  @Override
  public SequenceForecasting forecasting() {
    return forecasting;
  }

  @Override
  public <T extends Plugin> T plugin(Class<T> type, String id) {
    if (type == Controller.class && id.equals("mpc")) {
      return type.cast(new MpcController());
    }
    throw new PluginException("no " + type.getSimpleName() + " '" + id + "'; installed: [mpc]");
  }

  @Override
  public <T extends Plugin> List<String> installed(Class<T> type) {
    return type == Controller.class ? List.of("mpc") : List.of();
  }

  @Override
  public StudyReport report() {
    return new StudyReport() {
      @Override
      public void heading(String title) {
        text.add(title);
      }

      @Override
      public void paragraph(String paragraph) {
        text.add(paragraph);
      }

      @Override
      public void metric(String name, double value) {
        metrics.put(name, value);
      }

      @Override
      public void table(String name, String title, List<String> columns,
          List<List<Object>> rows) {
        rows.forEach(row -> {
          if (row.size() != columns.size()) {
            throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells");
          }
        });
        tables.put(name, rows);
      }

      @Override
      public void chart(String name, Chart chart) {
        charts.put(name, chart);
      }

      @Override
      public void csv(String fileName, List<String> columns, List<List<Object>> rows) {
        files.put(fileName, rows);
      }

      @Override
      public void file(String fileName, byte[] content) {
        files.put(fileName, List.of());
      }
    };
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
}
