package org.doppel.domains.traffic.motorway;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model twin's forecast on the corridor: trains the attention surrogate through the
 * study's forecasting service for each horizon and reports it against persistence and the
 * training-period mean on the held-out test hour, per station and corridor-wide. Stateless.
 */
final class MotorwayForecast {

  private static final Logger LOG = LoggerFactory.getLogger(MotorwayForecast.class);

  /** Epochs at most in a quick run. */
  static final int QUICK_EPOCHS = 3;

  /** Minutes per input block: every input minute is its own feature. */
  private static final int BLOCK = 1;

  private MotorwayForecast() {
  }

  /** The forecaster settings from the scenario's shared {@code surrogate} and {@code attention}. */
  static ForecasterSettings settings(StudyContext context) {
    Parameters surrogate = context.section("surrogate");
    Parameters attention = context.section("attention");
    String id = attention.getString("id", "multi-head");
    Map<String, Object> variant = new LinkedHashMap<>(attention.asMap());
    variant.remove("id");
    if (!attention.has("id")) {
      variant.put("heads", 2);
    }

    // Keys other parts of the study read from the shared section are theirs to check.
    Set<String> others = new HashSet<>(surrogate.asMap().keySet());
    others.removeAll(ForecasterSettings.SURROGATE_KEYS);
    ForecasterSettings settings = ForecasterSettings.fromScenario(surrogate, others, id,
        Parameters.of("attention/" + id, variant), context.seed());
    return context.quick() ? settings.withEpochs(Math.min(settings.epochs(), QUICK_EPOCHS))
        : settings;
  }

  /**
   * Builds the untrained network once for the corridor's windows (milliseconds), so a faulty
   * surrogate or attention setting is refused before any simulation or training.
   *
   * @throws org.doppel.sdk.PluginException naming the variant and its faulty parameter
   */
  static void check(StudyContext context, MotorwaySettings settings, MotorwayLoops loops) {
    context.forecasting().check(settings(context), StationForecast.tokens(loops),
        StationForecast.features(settings.inputMinutes(), BLOCK));
  }

  static void run(StudyContext context, MotorwaySettings settings, MotorwayLoops loops,
      List<MotorwayLoops> mornings) {
    ForecasterSettings forecaster = settings(context);
    int testStart = MotorwaySettings.minuteOf(settings.testFrom(), loops, "forecast.test_from");
    int[] horizons = context.quick() ? new int[] {settings.horizons()[0]}
        : settings.horizons();
    StudyReport report = context.report();
    report.heading("Motorway: station flow forecasts");
    report.metric("motorway/forecast/training_mornings", 1 + mornings.size());
    report.paragraph("Every station's flow (5-minute mean) forecast h minutes ahead from the"
        + " last " + settings.inputMinutes() + " minutes of all 20 loop locations (tokens:"
        + " stations and ramps, so attention runs over detectors). Trained on "
        + (1 + mornings.size()) + " SUMO-simulated mornings (simulator output, not field"
        + " data): every window of the " + mornings.size() + " extra mornings (other seeds"
        + " and demand levels) and the windows of the main morning whose target ends before "
        + settings.testFrom() + "; evaluated on the main morning's held-out rest."
        + (mornings.isEmpty() ? " Baselines: persistence (the last 5 minutes) and the"
            + " training-period mean of each station."
            : " Baselines: persistence (the last 5 minutes) and the historical average (each"
            + " station's flow at the same time of day averaged over the extra mornings),"
            + " which the network also sees as a feature.")
        + " Attention variant '" + forecaster.attentionId() + "'.");
    for (int horizon : horizons) {
      horizon(context, loops, mornings, settings.inputMinutes(), horizon, testStart,
          forecaster);
    }
  }

  private static void horizon(StudyContext context, MotorwayLoops loops,
      List<MotorwayLoops> mornings, int inputMinutes, int horizon, int testStart,
      ForecasterSettings forecaster) {
    StationForecast data = StationForecast.of(loops, mornings, inputMinutes, BLOCK, horizon,
        testStart);
    String prefix = "motorway/forecast/h" + horizon + "/";
    SequenceForecaster model;
    try (StudyContext.Progress progress = context.progress("motorway: forecast " + horizon
        + " min", forecaster.epochs(), "epochs")) {
      model = context.forecasting().train(data.training(), forecaster,
          (epoch, epochs, training, validation) -> progress.step(String.format(
              "loss %.4f", training)));
    }
    double[][] actual = data.test().targets();
    double[] twin = StationForecast.meanAbsoluteError(model.predict(data.test()), actual);
    double[] persistence = StationForecast.meanAbsoluteError(data.test().baseline(), actual);
    double[] historical = StationForecast.meanAbsoluteError(data.historicalForecast(), actual);
    int stations = twin.length - 1;
    StudyReport report = context.report();
    report.metric(prefix + "twin_mae_veh_h", twin[stations]);
    report.metric(prefix + "persistence_mae_veh_h", persistence[stations]);
    report.metric(prefix + "historical_mae_veh_h", historical[stations]);
    report.metric(prefix + "skill_vs_persistence", 1 - twin[stations] / persistence[stations]);
    report.metric(prefix + "parameters", model.parameterCount());
    report.metric(prefix + "epochs", model.trainingLoss().size());
    report.metric(prefix + "training_seconds", model.trainingSeconds());
    LOG.info("Motorway forecast [{}] min: twin MAE [{}] veh/h, persistence [{}] veh/h",
        horizon, String.format("%.1f", twin[stations]),
        String.format("%.1f", persistence[stations]));

    List<List<Object>> rows = new ArrayList<>();
    List<String> names = data.test().targetNames();
    for (int s = 0; s <= stations; s++) {
      rows.add(List.of(s < stations ? loops.stations().get(s).name() : "corridor", twin[s],
          persistence[s], historical[s]));
    }
    report.table(prefix + "mae", "Mean absolute error of the " + horizon + "-min flow"
        + " forecast on the test hour [veh/h]", List.of("station", "twin", "persistence",
            mornings.isEmpty() ? "training mean" : "historical average"), rows);
    chartStation(report, prefix, loops, data, model, horizon, names);
    chartAttention(report, prefix, data, model, horizon);
  }

  /** Forecast against data at the station with the largest persistence error. */
  private static void chartStation(StudyReport report, String prefix, MotorwayLoops loops,
      StationForecast data, SequenceForecaster model, int horizon, List<String> names) {
    double[][] actual = data.test().targets();
    double[] persistence = StationForecast.meanAbsoluteError(data.test().baseline(), actual);
    int station = 0;
    for (int s = 1; s < persistence.length - 1; s++) {
      station = persistence[s] > persistence[station] ? s : station;
    }
    double[][] forecast = model.predict(data.test());
    int n = actual.length;
    double[] x = new double[n];
    double[] seen = new double[n];
    double[] twin = new double[n];
    double[] naive = new double[n];
    for (int w = 0; w < n; w++) {
      x[w] = (loops.startSecond() + 60.0 * (data.testOrigins()[w] + horizon)) / 3600;
      seen[w] = actual[w][station];
      twin[w] = forecast[w][station];
      naive[w] = data.test().baseline()[w][station];
    }
    report.chart(prefix + "station", new Chart.Lines(names.get(station) + ": "
        + horizon + "-min forecast vs SUMO loop data (test hour)", "time of day [h]",
        "flow [veh/h]", x, List.of(Chart.Series.points("loop data", seen),
            Chart.Series.line("twin", twin), Chart.Series.line("persistence", naive)),
        List.of()));
  }

  /** Mean attention over the test windows, queries by tokens. */
  private static void chartAttention(StudyReport report, String prefix, StationForecast data,
      SequenceForecaster model, int horizon) {
    double[][][] weights = model.attentionWeights(data.test());
    if (weights.length == 0) {
      report.paragraph("The attention variant has no attention weights to show.");
      return;
    }
    int queries = weights[0].length;
    int tokens = weights[0][0].length;
    double[][] mean = new double[queries][tokens];
    for (double[][] window : weights) {
      for (int q = 0; q < queries; q++) {
        for (int t = 0; t < tokens; t++) {
          mean[q][t] += window[q][t] / weights.length;
        }
      }
    }
    List<String> tokenNames = data.test().tokenNames();
    List<String> rows = new ArrayList<>();
    for (int q = 0; q < queries; q++) {
      rows.add(queries == tokens ? tokenNames.get(q) : "query " + (q + 1));
    }
    report.chart(prefix + "attention", new Chart.Heatmap("Attention over loop locations, "
        + horizon + "-min forecast (mean over test windows)", "attended location",
        "query location", tokenNames, rows, mean));
  }
}
