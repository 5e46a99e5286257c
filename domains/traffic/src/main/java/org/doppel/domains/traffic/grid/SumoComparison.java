package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.domains.traffic.sumo.SumoGridPlant;
import org.doppel.domains.traffic.sumo.SumoRun;
import org.doppel.domains.traffic.sumo.SumoSettings;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.study.StudyContext;
import org.doppel.sdk.study.StudyReport;

/**
 * The grid's policies on live SUMO ({@code grid.plant: sumo}), reported beside the same
 * policies on the store-and-forward model over the same window. Stateless.
 */
final class SumoComparison {

  /** The KPIs compared, named as both plants name them. */
  static final List<String> KPIS = List.of("total_time_spent_veh_h", "total_delay_veh_h",
      "max_queue_veh", "throughput_veh", "in_network_at_end_veh");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  private SumoComparison() {
  }

  /** The table's columns. */
  static List<String> columns() {
    List<String> columns = new ArrayList<>(List.of("policy", "demand_scale", "minutes"));
    for (String kpi : KPIS) {
      columns.add(kpi + "_model");
      columns.add(kpi + "_sumo");
    }
    columns.add("teleports_sumo");
    return columns;
  }

  /**
   * Runs every policy of {@code settings} on SUMO at {@code scale}, reports metrics, a
   * queue chart and a split chart, and returns the table rows beside {@code modelRuns}
   * (the same policies on the model, in the same order).
   */
  static List<List<Object>> run(StudyContext context, GridSettings settings,
      SumoSettings sumo, StoreAndForwardPlant plant, double scale, List<GridRun> modelRuns)
      throws IOException {
    StudyReport report = context.report();
    GridModel model = plant.model();
    int cycles = sumo.cycles(model.timing(), context.quick());
    SumoGridPlant live = new SumoGridPlant(model, START_TIMEOUT, STEP_TIMEOUT);
    String at = "x" + GridPart.label(scale);
    List<List<Object>> rows = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<double[]> totals = new ArrayList<>();
    List<double[]> splits = new ArrayList<>();
    int junction = Math.max(0, model.network().junctions().indexOf("B1"));
    for (int p = 0; p < settings.policies().size(); p++) {
      String name = settings.policies().get(p);
      SignalPolicy policy = GridPolicies.create(name, plant, settings,
          id -> context.plugin(Controller.class, id));
      SumoRun run = live.run(policy, scale, cycles, GridPolicies.forecastCycles(name,
          settings), settings.lookbackMinutes());
      Map<String, Double> modelKpis = window(modelRuns.get(p), cycles).kpis();

      List<Object> row = new ArrayList<>(List.of(name, scale, cycles
          * model.timing().cycleSeconds() / 60));
      for (String kpi : KPIS) {
        row.add(modelKpis.get(kpi));
        row.add(run.kpis().get(kpi));
      }
      row.add(run.kpis().get("teleports"));
      rows.add(row);
      run.kpis().forEach((kpi, value) -> report.metric("grid/sumo/" + at + "/" + name + "/"
          + kpi, value));

      names.add(name);
      totals.add(Arrays.stream(run.queues()).skip(1).mapToDouble(q -> Arrays.stream(q)
          .sum()).toArray());
      splits.add(Arrays.stream(run.measured()).mapToDouble(g -> g[2 * junction]).toArray());
    }
    report.chart("grid_sumo_queues_" + at, GridCharts.overCycles("Vehicles on the"
        + " signalised approaches per policy in live SUMO, demand " + at + " (simulation)",
        "veh", model, names, totals));
    report.chart("grid_sumo_splits_" + at, GridCharts.overCycles("North-south green at"
        + " junction B1 as SUMO ran it, per policy, demand " + at, "s", model, names,
        splits));
    return rows;
  }

  /** The model run cut to its first {@code cycles} cycles, for a like-for-like window. */
  static GridRun window(GridRun run, int cycles) {
    int n = Math.min(cycles, run.cycles());
    return new GridRun(run.policy(), run.model(), Arrays.copyOf(run.queues(), n + 1),
        Arrays.copyOf(run.greens(), n), Arrays.copyOf(run.discharged(), n),
        Arrays.copyOf(run.entered(), n), Arrays.copyOf(run.exited(), n));
  }
}
