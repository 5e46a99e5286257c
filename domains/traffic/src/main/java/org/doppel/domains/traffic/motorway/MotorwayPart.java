package org.doppel.domains.traffic.motorway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.domains.traffic.TrafficPart;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The motorway corridor of the traffic study, section {@code motorway}
 * ({@link MotorwaySettings} lists its keys): the SUMO-simulated loop data of a 9 km corridor
 * (simulator output, not field data), the cell transmission model calibrated on them, ramp
 * metering by no metering, ALINEA and MPC on that model, and the attention forecast of every
 * station's flow. Everything is reported under {@code motorway/...}. A quick run caps the
 * MPC at {@value #QUICK_MPC_HORIZON} minutes and {@value #QUICK_MPC_MOVES} moves, forecasts
 * the first horizon only, with at most 3 epochs. Stateless and thread-safe.
 */
public final class MotorwayPart implements TrafficPart {

  /** The scenario section. */
  public static final String SECTION = "motorway";

  /** A quick run's MPC horizon (minutes) and moves, at most. */
  static final int QUICK_MPC_HORIZON = 8;
  static final int QUICK_MPC_MOVES = 3;

  private static final Logger LOG = LoggerFactory.getLogger(MotorwayPart.class);

  @Override
  public String section() {
    return SECTION;
  }

  @Override
  public void validate(StudyContext context, Parameters section) {
    MotorwaySettings settings = MotorwaySettings.of(section);
    List<String> controllers = context.installed(Controller.class);
    if (!controllers.contains(settings.controllerId())) {
      throw new PluginException(section.owner() + "/mpc: controller '"
          + settings.controllerId() + "' is not installed; installed: " + controllers);
    }
    try {
      MotorwayForecast.check(context, settings, MotorwayLoops.shipped());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped motorway loops", e);
    }
  }

  @Override
  public void run(StudyContext context, Parameters section) throws IOException {
    MotorwaySettings settings = MotorwaySettings.of(section);
    StudyReport report = context.report();
    MotorwayLoops loops = MotorwayLoops.shipped();
    report.heading("Motorway corridor: ramp metering and flow forecasts");
    report.paragraph("Data: 1-minute loop data of a 9 km three-lane motorway with an off-ramp"
        + " (3.0 km), an on-ramp (5.0 km) and a lane drop to two lanes (7.0 km), 18 stations,"
        + " 06:00-10:00, produced by the SUMO traffic simulator on a synthetic corridor and"
        + " demand: simulator output, not field data. " + loops.repairs().size()
        + " value(s) repaired on reading (a speed given with no vehicle counted is dropped).");

    Calibration calibration = Calibration.of(loops, settings.substepS());
    CellTransmissionModel model = calibration.model();
    reportCalibration(report, calibration);

    Map<String, Trajectory> runs = runPolicies(context, settings, loops, calibration);
    reportBreakdown(report, loops, model, runs.get("no-metering"));
    reportPolicies(report, settings, loops, model, runs);

    MotorwayForecast.run(context, settings, loops, MotorwayLoops.shippedMornings());
  }

  private static void reportCalibration(StudyReport report, Calibration c) {
    FundamentalDiagram d = c.model().diagram();
    report.metric("motorway/calibration/free_speed_kmh", d.freeSpeedKmh());
    report.metric("motorway/calibration/capacity_veh_h_lane", d.capacityPerLane());
    report.metric("motorway/calibration/jam_density_veh_km_lane", d.jamDensityPerLane());
    report.metric("motorway/calibration/wave_speed_kmh", d.waveSpeedKmh());
    report.metric("motorway/calibration/capacity_drop", d.capacityDrop());
    report.metric("motorway/calibration/exit_share", c.exitShare());
    List<List<Object>> rows = List.of(
        List.of("free-flow speed", d.freeSpeedKmh(), "km/h",
            "median flow/density of " + c.lightTrafficSamples() + " light-traffic samples"),
        List.of("capacity", d.capacityPerLane(), "veh/h/lane",
            "highest 5-min flow per lane at any station"),
        List.of("jam density", d.jamDensityPerLane(), "veh/km/lane",
            "highest 5-min density per lane at any station"),
        List.of("wave speed", d.waveSpeedKmh(), "km/h", "closes the triangle Q/(kjam - Q/v)"),
        List.of("capacity drop", d.capacityDrop(), "-", "bottleneck flow over "
            + c.congestedMinutes() + " congested minutes vs capacity"),
        List.of("exit share", c.exitShare(), "-", "off-ramp flow / flow at its station"),
        List.of("ramp storage", c.model().rampStorage(), "veh", "ramp length x jam density"));
    report.table("motorway/calibration", "Cell transmission model calibrated on the loop data",
        List.of("parameter", "value", "unit", "estimated from"), rows);
  }

  private static Map<String, Trajectory> runPolicies(StudyContext context,
      MotorwaySettings settings, MotorwayLoops loops, Calibration calibration) {
    CellTransmissionModel model = calibration.model();
    double[] initial = new double[model.corridor().cells() + 2];
    double[][] density = loops.density();
    for (int i = 0; i < model.corridor().cells(); i++) {
      initial[i] = density[i][0];
    }
    Controller controller = context.plugin(Controller.class, settings.controllerId());
    Parameters mpc = settings.controllerParameters();
    if (context.quick()) {
      int horizon = Math.min(QUICK_MPC_HORIZON, mpc.getInt("horizon", QUICK_MPC_HORIZON));
      mpc = mpc.with("horizon", horizon).with("moves", Math.min(horizon,
          Math.min(QUICK_MPC_MOVES, mpc.getInt("moves", QUICK_MPC_MOVES))));
    }
    List<RampPolicy> policies = List.of(new NoMetering(settings.bounds()),
        alinea(settings, model), new MpcMetering(model, settings.bounds(), controller, mpc,
            settings.mpcMargin(), settings.mergeWeight(), alinea(settings, model)));
    Map<String, Trajectory> runs = new LinkedHashMap<>();
    try (StudyContext.Progress progress = context.progress("motorway: ramp metering",
        policies.size(), "policies")) {
      for (RampPolicy policy : policies) {
        long start = System.nanoTime();
        runs.put(policy.name(), Trajectory.run(model, initial, calibration::disturbance,
            policy, calibration.minutes()));
        double seconds = (System.nanoTime() - start) / 1e9;
        context.report().metric("motorway/" + policy.name() + "/run_seconds", seconds);
        policy.diagnostics().forEach((key, value) ->
            context.report().metric("motorway/" + policy.name() + "/" + key, value));
        LOG.info("Motorway policy [{}] run over [{}] minutes in [{}] s", policy.name(),
            calibration.minutes(), String.format("%.2f", seconds));
        progress.step(policy.name());
      }
    }
    return runs;
  }

  private static Alinea alinea(MotorwaySettings settings, CellTransmissionModel model) {
    int cell = model.corridor().bottleneckCell() - 1;
    return new Alinea(model, settings.bounds(), cell, settings.alineaGain(),
        Alinea.bottleneckOccupancy(model, cell, settings.alineaMargin()),
        settings.queueLimitShare() * model.rampStorage());
  }

  private static void reportBreakdown(StudyReport report, MotorwayLoops loops,
      CellTransmissionModel model, Trajectory unmetered) {
    int cells = model.corridor().cells();
    double[][] dataSpeed = Calibration.smoothSpeed(loops);
    int[] data = MotorwayKpis.breakdown(transpose(dataSpeed), 0, cells);
    int[] modelled = MotorwayKpis.breakdown(unmetered.speed(), 0, cells);
    report.metric("motorway/breakdown/data_minute", data[0]);
    report.metric("motorway/breakdown/model_minute", modelled[0]);
    report.metric("motorway/breakdown/data_station_x_m", stationX(loops, data[1]));
    report.metric("motorway/breakdown/model_station_x_m", stationX(loops, modelled[1]));
    report.paragraph("Breakdown (first 5-minute station speed below "
        + Calibration.CONGESTED_SPEED_M_S + " m/s): data at " + where(loops, data)
        + "; calibrated model without metering at " + where(loops, modelled) + ".");

    List<String> columns = new ArrayList<>();
    List<Integer> sampled = new ArrayList<>();
    for (int m = 0; m < loops.minutes(); m += 5) {
      columns.add(loops.clock(m));
      sampled.add(m);
    }
    List<String> rows = new ArrayList<>(model.corridor().names());
    double[][] dataGrid = new double[cells][sampled.size()];
    double[][] modelGrid = new double[cells][sampled.size()];
    for (int i = 0; i < cells; i++) {
      for (int c = 0; c < sampled.size(); c++) {
        dataGrid[i][c] = dataSpeed[i][sampled.get(c)];
        modelGrid[i][c] = unmetered.speed()[sampled.get(c)][i];
      }
    }
    report.chart("motorway/speed_data", new Chart.Heatmap("Station speed, SUMO loop data"
        + " (m/s, 5-min means)", "time of day", "station (upstream to downstream)", columns,
        rows, dataGrid));
    report.chart("motorway/speed_model", new Chart.Heatmap("Cell speed, calibrated CTM"
        + " without metering (m/s)", "time of day", "cell (upstream to downstream)", columns,
        rows, modelGrid));
  }

  private static void reportPolicies(StudyReport report, MotorwaySettings settings,
      MotorwayLoops loops, CellTransmissionModel model, Map<String, Trajectory> runs) {
    int from = MotorwaySettings.minuteOf(settings.throughputFrom(), loops,
        "throughput_window");
    int to = MotorwaySettings.minuteOf(settings.throughputTo(), loops, "throughput_window");
    List<List<Object>> rows = new ArrayList<>();
    Map<String, MotorwayKpis> kpis = new HashMap<>();
    for (Trajectory run : runs.values()) {
      MotorwayKpis k = MotorwayKpis.of(model, run, from, to);
      kpis.put(run.policy(), k);
      String prefix = "motorway/" + run.policy() + "/";
      report.metric(prefix + "total_time_spent_veh_h", k.totalTimeSpent());
      report.metric(prefix + "bottleneck_throughput_veh_h", k.bottleneckThroughput());
      report.metric(prefix + "ramp_queue_mean_veh", k.meanRampQueue());
      report.metric(prefix + "ramp_queue_max_veh", k.maxRampQueue());
      report.metric(prefix + "breakdown_onset_minute", k.breakdownMinute() < 0 ? Double.NaN
          : k.breakdownMinute());
      rows.add(List.of(run.policy(), k.totalTimeSpent(), k.bottleneckThroughput(),
          k.meanRampQueue(), k.maxRampQueue(),
          k.breakdownMinute() < 0 ? "none" : loops.clock(k.breakdownMinute())));
    }
    report.table("motorway/kpis", "Ramp metering on the calibrated model (throughput "
        + settings.throughputFrom() + "-" + settings.throughputTo() + ")",
        List.of("policy", "total time spent [veh h]", "bottleneck throughput [veh/h]",
            "mean ramp queue [veh]", "max ramp queue [veh]", "breakdown onset"), rows);

    double[] hours = new double[loops.minutes()];
    for (int m = 0; m < hours.length; m++) {
      hours[m] = (loops.startSecond() + 60.0 * m) / 3600;
    }
    List<Chart.Series> queues = new ArrayList<>();
    List<Chart.Series> rates = new ArrayList<>();
    for (Trajectory run : runs.values()) {
      queues.add(Chart.Series.line(run.policy(), run.rampQueue()));
      rates.add(Chart.Series.line(run.policy(), run.rate()));
    }
    report.chart("motorway/ramp_queue", new Chart.Lines("On-ramp queue per policy",
        "time of day [h]", "queue [veh]", hours, queues, List.of(new Chart.Band(
            "ramp storage", 0, model.rampStorage()))));
    report.chart("motorway/metering_rate", new Chart.Lines("Metering rate per policy",
        "time of day [h]", "rate [veh/h]", hours, rates, List.of()));

    List<List<Object>> csv = new ArrayList<>();
    for (Trajectory run : runs.values()) {
      for (int m = 0; m < run.minutes(); m++) {
        csv.add(List.of(run.policy(), loops.clock(m), run.rate()[m], run.rampFlow()[m],
            run.rampQueue()[m], run.originQueue()[m]));
      }
    }
    report.csv("motorway_policies.csv", List.of("policy", "time", "rate_veh_h",
        "ramp_flow_veh_h", "ramp_queue_veh", "origin_queue_veh"), csv);
    report.paragraph("The plant is the calibrated cell transmission model driven by the"
        + " measured demands, not SUMO. The ramp stores only "
        + String.format("%.0f", model.rampStorage()) + " vehicles while the peak demand"
        + " exceeds the bottleneck by several hundred veh/h, so metering can delay the"
        + " breakdown by minutes, not prevent it; queues above the storage occur where the"
        + " merge itself blocks the ramp.");
  }

  private static String where(MotorwayLoops loops, int[] breakdown) {
    if (breakdown[0] < 0) {
      return "none";
    }
    MotorwayLoops.Station s = loops.stations().get(breakdown[1]);
    return s.name() + " (" + Math.round(s.x()) + " m) at " + loops.clock(breakdown[0]);
  }

  private static double stationX(MotorwayLoops loops, int station) {
    return station < 0 ? Double.NaN : loops.stations().get(station).x();
  }

  static double[][] transpose(double[][] m) {
    double[][] t = new double[m[0].length][m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < m[i].length; j++) {
        t[j][i] = m[i][j];
      }
    }
    return t;
  }

  /** The keys of the section, for the study's {@code sections()} documentation. */
  public static Set<String> keys() {
    return MotorwaySettings.KEYS;
  }
}
