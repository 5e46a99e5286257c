package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.domains.traffic.SurrogateSections;
import org.doppel.domains.traffic.TrafficPart;
import org.doppel.domains.traffic.sumo.SumoProcess;
import org.doppel.domains.traffic.sumo.SumoSettings;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.WindowSet;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signalised street grid, section {@code grid} ({@link GridSettings}): calibrates the
 * store-and-forward plant from the loops, trains the attention forecaster of every loop's
 * flow and scores it against persistence and the historical average on the held-out last
 * hour, then runs every signal policy on the plant at each demand scale. Stateless.
 */
public final class GridPart implements TrafficPart {

  /** The section name. */
  public static final String SECTION = "grid";

  static final String PROVENANCE = "The grid data is simulator output, not field data: 128"
      + " induction loops on a synthetic 4x4 signalised grid (250 m blocks, 2 lanes, 50 km/h)"
      + " simulated by Eclipse SUMO 1.15 with synthetic random morning demand, 06:00-10:00,"
      + " aggregated to one minute. Use it to develop the twin, never as evidence about a"
      + " real road.";

  /** Minutes between training origins in a quick run (at least). */
  static final int QUICK_STRIDE_MINUTES = 15;

  private static final Logger LOG = LoggerFactory.getLogger(GridPart.class);

  @Override
  public String section() {
    return SECTION;
  }

  @Override
  public void validate(StudyContext context, Parameters section) {
    GridSettings settings = GridSettings.of(section);
    SumoSettings.of(section).check(SumoProcess.binary(), settings.timing(),
        section.owner().isEmpty() ? SECTION : section.owner());
    for (String policy : settings.policies()) {
      if (policy.startsWith("lqr")) {
        context.plugin(Controller.class, "lqr");
      } else if (policy.equals("mpc")) {
        context.plugin(Controller.class, "mpc");
      }
    }

    // The untrained network is built once, so a faulty surrogate or attention setting is
    // refused now rather than after calibration; a window's tokens are its loops.
    context.forecasting().check(SurrogateSections.settings(context), settings.neighbours(),
        GridForecast.featureNames(settings.lookbackMinutes()).size());
  }

  @Override
  public void run(StudyContext context, Parameters section) throws IOException {
    GridSettings settings = GridSettings.of(section);
    StudyReport report = context.report();
    report.heading("Signalised street grid (SUMO-simulated loops)");
    report.paragraph(PROVENANCE);

    GridDataset dataset = settings.dataset();
    GridNetwork network = dataset.network();
    LoopData loops = dataset.loops(network);
    GridModel model = GridCalibration.calibrate(network, loops, settings.timing(),
        settings.saturationQuantile());
    reportCalibration(report, model, loops);

    forecast(context, settings, network, loops, dataset.mornings(network));
    control(context, settings, SumoSettings.of(section), new StoreAndForwardPlant(model));
  }

  private static void reportCalibration(StudyReport report, GridModel model, LoopData loops) {
    report.heading("Grid: calibration of the store-and-forward model");
    double[] ac = GridCalibration.countAutocorrelation(loops, 60, 180, 6);
    double meanExit = java.util.stream.IntStream.range(0, model.queues())
        .mapToDouble(model::exitShare).average().orElse(Double.NaN);
    report.metric("grid/calibration/lane_saturation_flow_veh_per_h",
        model.laneSaturationFlow());
    report.metric("grid/calibration/mean_exit_share", meanExit);
    report.metric("grid/calibration/dropped_speeds_rows", loops.droppedSpeeds());
    report.paragraph(String.format(java.util.Locale.ROOT, "One queue per signalised approach"
        + " (%d), two stages per junction (north-south, east-west). Lane saturation flow"
        + " %.0f veh/h (the 99.9th percentile of lane-minute counts over an equal-split"
        + " green); turning shares by the proportional split; mean share of an approach's"
        + " discharge that leaves the network %.2f. The data names no signal plan beyond"
        + " SUMO's default fixed-time programs; one-minute counts correlate at lags of 3 and 6"
        + " minutes (%.2f, %.2f) and not at 1, 2, 4 or 5 (%.2f, %.2f, %.2f, %.2f), as two"
        + " 90-s cycles per 3 minutes would make, so the plant runs a %.0f-s cycle with %.0f s"
        + " lost and the fixed-time plan is the equal split. Speeds dropped where no vehicle"
        + " was counted: %d rows.", model.queues(), model.laneSaturationFlow(), meanExit,
        ac[2], ac[5], ac[0], ac[1], ac[3], ac[4], model.timing().cycleSeconds(),
        model.timing().lostSeconds(), loops.droppedSpeeds()));
    List<List<Object>> rows = new ArrayList<>();
    for (int lag = 1; lag <= ac.length; lag++) {
      rows.add(List.of(lag, ac[lag - 1]));
    }
    report.table("grid_count_autocorrelation", "Mean autocorrelation of lane-minute counts,"
        + " 07:00-09:00", List.of("lag_min", "autocorrelation"), rows);
  }

  private static void forecast(StudyContext context, GridSettings settings,
      GridNetwork network, LoopData loops, List<LoopData> mornings) {
    StudyReport report = context.report();
    report.heading("Grid: forecasting every loop's flow");
    GridForecast problem = new GridForecast(network, loops, mornings,
        settings.lookbackMinutes(), settings.horizonMinutes(), settings.testMinutes(),
        settings.neighbours());
    ForecasterSettings forecasterSettings = SurrogateSections.settings(context);
    WindowSet training = problem.training(context.quick()
        ? Math.max(QUICK_STRIDE_MINUTES, settings.trainStrideMinutes())
        : settings.trainStrideMinutes());
    WindowSet test = problem.test();
    SequenceForecaster forecaster;
    try (StudyContext.Progress progress = context.progress("grid: training the forecaster",
        forecasterSettings.epochs(), "epochs")) {
      forecaster = context.forecasting().train(training, forecasterSettings,
          (epoch, epochs, loss, validation) -> progress.step(String.format(
              java.util.Locale.ROOT, "loss %.4f", loss)));
    }
    double[][] twin = problem.byLoop(forecaster.predict(test));
    double[][] actual = problem.byLoop(test.targets());
    double[][] persistence = problem.byLoop(test.baseline());
    double[][] historical = new double[actual.length][];
    int[] origins = problem.testOrigins();
    Arrays.setAll(historical, w -> problem.historicalAverage(origins[w]));

    Map<String, GridForecast.Errors> errors = new LinkedHashMap<>();
    errors.put("twin", GridForecast.errors(twin, actual));
    errors.put("persistence", GridForecast.errors(persistence, actual));
    errors.put("historical_average", GridForecast.errors(historical, actual));
    reportErrors(report, settings, network, errors, forecaster, training, test,
        problem.mornings());
    reportForecastCharts(report, network, problem, twin, actual, persistence);
    reportAttention(report, network, problem, forecaster, test);
  }

  private static void reportErrors(StudyReport report, GridSettings settings,
      GridNetwork network, Map<String, GridForecast.Errors> errors,
      SequenceForecaster forecaster, WindowSet training, WindowSet test, int mornings) {
    for (var entry : errors.entrySet()) {
      report.metric("grid/forecast/" + entry.getKey() + "/mae_veh_per_h",
          entry.getValue().mae());
      report.metric("grid/forecast/" + entry.getKey() + "/rmse_veh_per_h",
          entry.getValue().rmse());
    }
    double skill = 1 - errors.get("twin").mae() / errors.get("persistence").mae();
    report.metric("grid/forecast/twin/skill_vs_persistence_mae", skill);
    report.metric("grid/forecast/parameters", forecaster.parameterCount());
    report.metric("grid/forecast/training_seconds", forecaster.trainingSeconds());
    report.metric("grid/forecast/training_mornings", mornings);
    report.paragraph(String.format(java.util.Locale.ROOT, "Each loop's mean flow over the"
        + " next %d minutes, forecast from the last %d minutes of it and its %d nearest loops"
        + " (one token per loop, so attention runs over detectors; one network for every"
        + " loop), on the held-out last %d minutes (%d forecasts). Trained on %d windows from"
        + " %d SUMO-simulated mornings (simulator output, not field data): every minute of"
        + " the %d extra mornings (other seeds and demand levels, same grid and signal plans)"
        + " and the main morning before its held-out hour. Network-wide MAE: twin %.1f,"
        + " persistence %.1f, historical average %.1f veh/h (%s); skill against persistence"
        + " %.1f %%.",
        settings.horizonMinutes(), settings.lookbackMinutes(), settings.neighbours() - 1,
        settings.testMinutes(), test.size(), training.size(), mornings, mornings - 1,
        errors.get("twin").mae(), errors.get("persistence").mae(),
        errors.get("historical_average").mae(), mornings > 1 ? "the same minutes of the day"
            + " averaged over the extra mornings" : "the main morning's training-period mean",
        100 * skill));
    List<List<Object>> rows = new ArrayList<>();
    for (int d = 0; d < network.detectors().size(); d++) {
      List<Object> row = new ArrayList<>();
      row.add(network.detectors().get(d));
      for (GridForecast.Errors e : errors.values()) {
        row.add(e.maePerLoop()[d]);
      }
      rows.add(row);
    }
    List<String> columns = new ArrayList<>(List.of("loop"));
    errors.keySet().forEach(name -> columns.add(name + "_mae_veh_per_h"));
    report.table("grid_forecast_error_per_loop", "Forecast MAE per loop, held-out hour",
        columns, rows);
    report.chart("grid_forecast_error_map", GridCharts.junctionMap("Twin's forecast MAE"
        + " summed over each junction's approaches (veh/h, SUMO-simulated)", network,
        GridCharts.perApproach(network, errors.get("twin").maePerLoop())));
  }

  private static void reportForecastCharts(StudyReport report, GridNetwork network,
      GridForecast problem, double[][] twin, double[][] actual, double[][] persistence) {
    int busiest = 0;
    double most = -1;
    for (int d = 0; d < actual[0].length; d++) {
      double total = 0;
      for (double[] row : actual) {
        total += row[d];
      }
      if (total > most) {
        most = total;
        busiest = d;
      }
    }
    int[] origins = problem.testOrigins();
    double[] hours = Arrays.stream(origins).mapToDouble(problem::hourOf).toArray();
    int loop = busiest;
    report.chart("grid_forecast_busiest_loop", new Chart.Lines("Flow over the next "
        + problem.horizonMinutes() + " min at loop " + network.detectors().get(loop)
        + " (SUMO-simulated data)", "forecast issued at [h]", "veh/h", hours, List.of(
            Chart.Series.points("detector data", column(actual, loop)),
            Chart.Series.line("twin", column(twin, loop)),
            Chart.Series.line("persistence", column(persistence, loop))), List.of()));
    report.chart("grid_forecast_network", new Chart.Lines("Network-wide flow over the next "
        + problem.horizonMinutes() + " min, sum of all loops (SUMO-simulated data)",
        "forecast issued at [h]", "veh/h", hours, List.of(
            Chart.Series.points("detector data", rowSums(actual)),
            Chart.Series.line("twin", rowSums(twin)),
            Chart.Series.line("persistence", rowSums(persistence))), List.of()));
  }

  private static void reportAttention(StudyReport report, GridNetwork network,
      GridForecast problem, SequenceForecaster forecaster, WindowSet test) {
    double[][][] weights = forecaster.attentionWeights(test);
    if (weights.length == 0) {
      report.paragraph("The attention variant has no attention weights to show.");
      return;
    }
    // Weight of each loop in the forecast of each loop: mean over queries and origins, then
    // summed per approach (both lanes) to keep the map readable, 64 x 64.
    int loops = network.detectors().size();
    int origins = weights.length / loops;
    int approaches = network.approaches().size();
    double[][] byApproach = new double[approaches][approaches];
    for (int w = 0; w < weights.length; w++) {
      int target = w % loops;
      int[] held = problem.neighbours(target);
      int row = network.approachOf(network.detectors().get(target));
      for (double[] query : weights[w]) {
        for (int k = 0; k < held.length; k++) {
          int column = network.approachOf(network.detectors().get(held[k]));
          byApproach[row][column] += query[k] / weights[w].length / origins / 2;
        }
      }
    }
    List<String> names = network.approaches().stream().map(Approach::edgeId).toList();
    report.chart("grid_attention_over_detectors", new Chart.Heatmap("Attention over"
        + " detectors: weight of each approach's loops in the forecast of each approach,"
        + " mean over the held-out forecasts (SUMO-simulated loops)", "attended approach",
        "forecast approach", names, names, byApproach));
    report.table("grid_attention_top", "Most attended approaches per forecast approach",
        List.of("forecast", "first", "weight_1", "second", "weight_2", "third", "weight_3"),
        topAttended(names, names, byApproach));
  }

  private static List<List<Object>> topAttended(List<String> rows, List<String> columns,
      double[][] weights) {
    List<List<Object>> table = new ArrayList<>();
    for (int r = 0; r < weights.length; r++) {
      double[] w = weights[r];
      Integer[] order = java.util.stream.IntStream.range(0, w.length).boxed()
          .sorted((a, b) -> Double.compare(w[b], w[a])).toArray(Integer[]::new);
      List<Object> row = new ArrayList<>(List.of(rows.get(r)));
      for (int i = 0; i < Math.min(3, order.length); i++) {
        row.add(columns.get(order[i]));
        row.add(w[order[i]]);
      }
      table.add(row);
    }
    return table;
  }

  private void control(StudyContext context, GridSettings settings, SumoSettings sumo,
      StoreAndForwardPlant plant) throws IOException {
    StudyReport report = context.report();
    report.heading("Grid: green-split control on the store-and-forward model");
    report.paragraph("Every policy runs the calibrated plant from an empty network at"
        + " 06:00, one step per cycle, with the arrivals counted at the fringe loops times the"
        + " demand scale. Policies: fixed-time (equal split), lqr (TUC: one LQR gain on the"
        + " queue combinations the splits control), lqr-relinearised and mpc (redesigned on"
        + " the plant linearised at the current queues; MPC sees the queues' drift under"
        + " persistence-forecast arrivals). Every green lies within [minimum, maximum] and"
        + " the two stages of a junction sum to the cycle less the lost time.");
    double[] scales = context.quick() ? new double[] {settings.demandScales()[
        settings.demandScales().length - 1]} : settings.demandScales();
    List<List<Object>> table = new ArrayList<>();
    List<List<Object>> live = new ArrayList<>();
    for (double scale : scales) {
      List<GridRun> runs = new ArrayList<>();
      for (String name : settings.policies()) {
        SignalPolicy policy = GridPolicies.create(name, plant, settings,
            id -> context.plugin(Controller.class, id));
        GridRun run = GridSimulation.run(plant, policy, scale,
            GridPolicies.forecastCycles(name, settings), settings.lookbackMinutes());
        LOG.info("Grid policy [{}] at demand x[{}]: {}", name, scale, run.kpis());
        runs.add(run);
        List<Object> row = new ArrayList<>(List.of(name, scale));
        run.kpis().forEach((kpi, value) -> {
          row.add(value);
          report.metric("grid/control/x" + label(scale) + "/" + name + "/" + kpi, value);
        });
        table.add(row);
      }
      reportRuns(report, plant.model(), scale, runs);
      if (sumo.live()) {
        live.addAll(SumoComparison.run(context, settings, sumo, plant, scale, runs));
      }
    }
    report.table("grid_control_kpis", "KPIs per policy and demand scale (SUMO-calibrated"
        + " store-and-forward model)", List.of("policy", "demand_scale",
            "total_time_spent_veh_h", "total_delay_veh_h", "max_queue_veh", "throughput_veh",
            "in_network_at_end_veh"), table);
    if (sumo.live()) {
      report.heading("Grid: the same policies retiming live SUMO");
      report.paragraph("Each policy also ran in a live SUMO simulation of the grid (the"
          + " simulator that made the loop data) over TraCI on loopback: every cycle it read"
          + " SUMO's vehicles on each approach, chose the greens and wrote them into SUMO's"
          + " signals (whole seconds). SUMO's KPIs come from its own per-second lane counts,"
          + " lane speeds and arrived vehicles; the model's are over the same window from"
          + " 06:00. SUMO's delay includes the waiting at red that the store-and-forward"
          + " model leaves out, and its demand scale is SUMO's --scale on the routes.");
      report.table("grid_sumo_kpis", "KPIs per policy: store-and-forward model beside live"
          + " SUMO, same window", SumoComparison.columns(), live);
    }
  }

  private static void reportRuns(StudyReport report, GridModel model, double scale,
      List<GridRun> runs) {
    String at = "x" + label(scale);
    List<String> names = runs.stream().map(GridRun::policy).toList();
    List<double[]> total = new ArrayList<>();
    List<double[]> splits = new ArrayList<>();
    int junction = model.network().junctions().indexOf("B1");
    for (GridRun run : runs) {
      total.add(Arrays.stream(run.queues()).skip(1).mapToDouble(q -> Arrays.stream(q).sum())
          .toArray());
      splits.add(Arrays.stream(run.greens()).mapToDouble(g -> g[2 * Math.max(0, junction)])
          .toArray());
      report.chart("grid_queue_map_" + at + "_" + run.policy(), GridCharts.junctionMap(
          "Mean vehicles per junction, " + run.policy() + ", demand " + at + " (model"
          + " calibrated on SUMO-simulated loops)", model.network(),
          run.meanQueues()));
    }
    report.chart("grid_queues_" + at, GridCharts.overCycles("Vehicles in the network per"
        + " policy, demand " + at + " (SUMO-calibrated model)", "veh", model, names, total));
    report.chart("grid_splits_" + at, GridCharts.overCycles("North-south green at junction"
        + " B1 per policy, demand " + at, "s", model, names, splits));
  }

  static String label(double scale) {
    return scale == Math.rint(scale) ? String.valueOf((long) scale)
        : String.valueOf(scale).replace('.', '_');
  }

  private static double[] column(double[][] rows, int index) {
    return Arrays.stream(rows).mapToDouble(r -> r[index]).toArray();
  }

  private static double[] rowSums(double[][] rows) {
    return Arrays.stream(rows).mapToDouble(r -> Arrays.stream(r).sum()).toArray();
  }
}
