package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.doppel.domains.traffic.grid.GridDataset;
import org.doppel.domains.traffic.grid.GridModel;
import org.doppel.domains.traffic.grid.GridPolicies;
import org.doppel.domains.traffic.grid.GridRun;
import org.doppel.domains.traffic.grid.GridSettings;
import org.doppel.domains.traffic.grid.GridSimulation;
import org.doppel.domains.traffic.grid.StoreAndForwardPlant;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.control.Controller;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The figures of docs/performance.md: every policy over the whole morning (06:00-10:00) on
 * the store-and-forward model and on live SUMO. Minutes of CPU, so it runs only when asked:
 * {@code -Ddoppel.sumo.figures=true} (and {@code -Ddoppel.sumo.scales=1,2},
 * {@code -Ddoppel.sumo.policies=fixed-time,lqr}).
 */
class SumoFiguresTest {

  private static final Logger LOG = LoggerFactory.getLogger(SumoFiguresTest.class);

  @Test
  void everyPolicyOverTheMorningOnTheModelAndOnSumo() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("doppel.sumo.figures"), "the SUMO figures run"
        + " only with -Ddoppel.sumo.figures=true");
    SumoSmokeTest.assumeSumo();
    GridSettings settings = GridSettings.defaults();
    GridModel model = settings.calibrate(GridDataset.shipped());
    StoreAndForwardPlant plant = new StoreAndForwardPlant(model);
    Map<String, Controller> controllers = Map.of("lqr", new LqrController(), "mpc",
        new MpcController());
    SumoGridPlant sumo = new SumoGridPlant(model, Duration.ofSeconds(60),
        Duration.ofSeconds(60));
    int cycles = SumoSettings.of(org.doppel.sdk.Parameters.of("grid", Map.of()))
        .cycles(model.timing(), false);
    double[] scales = Arrays.stream(System.getProperty("doppel.sumo.scales", "1,2")
        .split(",")).mapToDouble(Double::parseDouble).toArray();

    StringBuilder table = new StringBuilder("\n| demand | policy | plant | TTS [veh·h] |"
        + " delay [veh·h] | max queue [veh] | throughput [veh] | in network at 10:00 [veh]"
        + " | teleports | wall [s] |\n");
    for (double scale : scales) {
      for (String name : System.getProperty("doppel.sumo.policies", String.join(",",
          settings.policies())).split(",")) {
        long start = System.nanoTime();
        GridRun modelRun = GridSimulation.run(plant, GridPolicies.create(name, plant,
            settings, controllers::get), scale, GridPolicies.forecastCycles(name, settings),
            settings.lookbackMinutes());
        double modelSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SumoRun run = sumo.run(GridPolicies.create(name, plant, settings, controllers::get),
            scale, cycles, GridPolicies.forecastCycles(name, settings),
            settings.lookbackMinutes());
        double sumoSeconds = (System.nanoTime() - start) / 1e9;
        for (int k = 0; k < run.cycles(); k++) {
          assertTrue(Arrays.equals(run.written()[k], run.measured()[k]), name + " cycle " + k);
        }
        Map<String, Double> kpis = run.kpis();
        // Vehicles in the middle of a teleport are not running: with teleports, fewer.
        double held = kpis.get("departed_veh") - kpis.get("throughput_veh");
        if (kpis.get("teleports") == 0) {
          assertEquals(held, kpis.get("in_network_at_end_veh"), 0.0);
        } else {
          assertTrue(kpis.get("in_network_at_end_veh") <= held, kpis.toString());
        }
        table.append(row(scale, name, "model", modelRun.kpis(), Double.NaN, modelSeconds));
        table.append(row(scale, name, "SUMO", kpis, kpis.get("teleports"), sumoSeconds));
        LOG.info("Figures so far:{}", table);
      }
    }
  }

  private static String row(double scale, String policy, String plant,
      Map<String, Double> kpis, double teleports, double seconds) {
    return String.format(Locale.ROOT, "| ×%s | %s | %s | %.1f | %.1f | %.0f | %,.0f | %,.0f"
        + " | %s | %.0f |%n", scale == Math.rint(scale) ? String.valueOf((long) scale)
        : String.valueOf(scale), policy, plant, kpis.get("total_time_spent_veh_h"),
        kpis.get("total_delay_veh_h"), kpis.get("max_queue_veh"), kpis.get("throughput_veh"),
        kpis.get("in_network_at_end_veh"), Double.isNaN(teleports) ? "–"
            : String.valueOf((long) teleports), seconds);
  }
}
