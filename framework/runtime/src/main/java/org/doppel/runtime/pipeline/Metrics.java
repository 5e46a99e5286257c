package org.doppel.runtime.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.evaluation.ForecastAccuracy;
import org.doppel.runtime.surrogate.EpochRecord;

/**
 * The run's figures as the tree written to {@code metrics.json}: plain maps, lists and
 * numbers, keys in snake case, in a stable order. Stateless.
 */
final class Metrics {

  private Metrics() {
  }

  static Map<String, Object> of(RunResults r) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("run", run(r));
    root.put("environment", environment(r));
    root.put("data", data(r));
    root.put("split", split(r));
    root.put("surrogate", surrogate(r));
    root.put("forecast", forecast(r));
    root.put("compression", compression(r));
    root.put("control", control(r));
    return root;
  }

  /** Forecaster names as metric keys: {@code seasonal-naive-day} → {@code seasonal_naive_day}. */
  static String key(String name) {
    return name.replace('-', '_');
  }

  private static Map<String, Object> run(RunResults r) {
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("id", r.runId());
    run.put("scenario", r.scenarioName());
    run.put("source", r.scenarioSource());
    run.put("domain", r.domainId());
    run.put("quick", r.quick());
    run.put("seed", r.seed());
    run.put("seconds", r.seconds());
    return run;
  }

  private static Map<String, Object> environment(RunResults r) {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("backend", r.compute() == null ? "unknown" : r.compute().backend());
    if (r.compute() != null) {
      env.put("devices", r.compute().devices());
      env.put("blas", r.compute().blasVendor());
      env.put("blas_threads", r.compute().blasThreads());
    }
    env.put("java", System.getProperty("java.version"));
    env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    env.put("cores", Runtime.getRuntime().availableProcessors());
    return env;
  }

  private static Map<String, Object> data(RunResults r) {
    Map<String, Object> data = new LinkedHashMap<>();
    var series = r.data().series();
    data.put("source", r.data().source());
    data.put("target", r.data().target());
    data.put("unit", r.data().unit());
    data.put("rows", series.size());
    data.put("first", series.timestamp(0).toString());
    data.put("last", series.timestamp(series.size() - 1).toString());
    data.put("interval", series.interval().toString());
    data.put("repairs", r.data().ingest().repairs());
    return data;
  }

  private static Map<String, Object> split(RunResults r) {
    Map<String, Object> split = new LinkedHashMap<>();
    split.put("train_points", r.split().testStart());
    split.put("test_start", r.split().testStart());
    split.put("test_end", r.split().testEnd());
    split.put("test_points", r.split().testEnd() - r.split().testStart());
    split.put("test_first", r.data().series().timestamp(r.split().testStart()).toString());
    split.put("origins", r.twin().origins().length);
    return split;
  }

  private static Map<String, Object> surrogate(RunResults r) {
    Map<String, Object> surrogate = new LinkedHashMap<>();
    surrogate.put("settings", r.settings().toMap());
    surrogate.put("attention", Map.of("id", r.attentionId(),
        "params", r.attentionParameters()));
    var history = r.forecast().surrogate().history();
    surrogate.put("epochs_run", history.size());
    surrogate.put("best_epoch", r.forecast().surrogate().bestEpoch());
    surrogate.put("training_seconds", r.forecast().trainingSeconds());
    surrogate.put("seconds_per_epoch", history.stream().mapToDouble(EpochRecord::seconds)
        .average().orElse(Double.NaN));
    List<Map<String, Object>> epochs = new ArrayList<>();
    for (EpochRecord e : history) {
      epochs.add(Map.of("epoch", e.epoch(), "train_loss", e.trainLoss(), "validation_loss",
          e.validationLoss(), "seconds", e.seconds()));
    }
    surrogate.put("history", epochs);
    CompressionStage.Measured uncompressed = r.compression().get(0);
    surrogate.put("parameters", uncompressed.parameterCount());
    surrogate.put("bytes", uncompressed.bytes());
    surrogate.put("latency_ms", Map.of("batch_1", uncompressed.latency().batch1Ms(),
        "batch_64", uncompressed.latency().batch64Ms()));
    return surrogate;
  }

  private static Map<String, Object> forecast(RunResults r) {
    Map<String, Object> forecast = new LinkedHashMap<>();
    forecast.put("protocol", "day-ahead: one forecast at each midnight of the test period, "
        + "its steps pooled");
    forecast.put("horizon", r.settings().horizon());
    Map<String, Object> models = new LinkedHashMap<>();
    Map<String, Object> byStep = new LinkedHashMap<>();
    Map<String, Object> byOrigin = new LinkedHashMap<>();
    for (Map.Entry<String, DayAheadEvaluation> e : r.forecast().evaluations().entrySet()) {
      models.put(key(e.getKey()), accuracy(e.getValue().pooled()));
      byStep.put(key(e.getKey()), mapes(e.getValue().byStep()));
      byOrigin.put(key(e.getKey()), mapes(e.getValue().byOrigin()));
    }
    forecast.put("models", models);
    forecast.put("mape_by_step", byStep);
    forecast.put("mape_by_origin", byOrigin);
    forecast.put("origins", java.util.Arrays.stream(r.twin().originTimes())
        .map(Object::toString).toList());
    return forecast;
  }

  static Map<String, Object> accuracy(ForecastAccuracy a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mape", a.mape());
    m.put("rmse", a.rmse());
    m.put("mae", a.mae());
    m.put("points", a.points());
    return m;
  }

  private static List<Double> mapes(ForecastAccuracy[] accuracies) {
    List<Double> list = new ArrayList<>();
    for (ForecastAccuracy a : accuracies) {
      list.add(a.mape());
    }
    return list;
  }

  private static List<Map<String, Object>> compression(RunResults r) {
    List<Map<String, Object>> entries = new ArrayList<>();
    double reference = r.compression().get(0).accuracy().mape();
    for (CompressionStage.Measured m : r.compression()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("strategy", m.strategy());
      entry.put("params", m.parameters());
      if (!m.ok()) {
        entry.put("error", m.error());
        entries.add(entry);
        continue;
      }
      entry.put("parameters", m.parameterCount());
      entry.put("nonzero_params", m.nonZeroParameters());
      entry.put("bytes", m.bytes());
      entry.put("latency_ms", m.latency().batch1Ms());
      entry.put("latency_ms_batch_64", m.latency().batch64Ms());
      entry.put("mape", m.accuracy().mape());
      entry.put("rmse", m.accuracy().rmse());
      entry.put("mae", m.accuracy().mae());
      entry.put("mape_change_points", m.accuracy().mape() - reference);
      entry.put("details", m.details());
      entry.put("note", m.note());
      entries.add(entry);
    }
    return entries;
  }

  private static Map<String, Object> control(RunResults r) {
    Map<String, Object> control = new LinkedHashMap<>();
    control.put("controller", r.controllerId());
    for (ControlStage.Loop loop : r.loops().values()) {
      Map<String, Object> entry = new LinkedHashMap<>(loop.kpis());
      entry.put("role", loop.controller().equals(r.controllerId()) ? "controller"
          : "baseline");
      entry.put("params", loop.parameters().asMap());
      entry.put("steps", loop.result().steps());
      entry.put("integration", loop.result().integration().toString());
      entry.put("simulation_seconds", loop.result().wallTime().toMillis() / 1000.0);
      entry.put("diagnostics", printable(loop.diagnostics()));
      control.put(key(loop.controller()), entry);
    }
    return control;
  }

  /** Diagnostics as JSON-friendly values: arrays become lists. */
  private static Map<String, Object> printable(Map<String, Object> diagnostics) {
    Map<String, Object> out = new LinkedHashMap<>();
    diagnostics.forEach((k, v) -> out.put(k, plain(v)));
    return out;
  }

  private static Object plain(Object value) {
    if (value instanceof double[] array) {
      return java.util.Arrays.stream(array).boxed().toList();
    }
    if (value instanceof double[][] matrix) {
      return java.util.Arrays.stream(matrix).map(Metrics::plain).toList();
    }
    if (value instanceof int[] array) {
      return java.util.Arrays.stream(array).boxed().toList();
    }
    return value;
  }
}
