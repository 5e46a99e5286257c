package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.doppel.domains.traffic.grid.GridDataset;
import org.doppel.domains.traffic.grid.GridModel;
import org.doppel.domains.traffic.grid.GridPolicies;
import org.doppel.domains.traffic.grid.GridSettings;
import org.doppel.domains.traffic.grid.SignalPolicy;
import org.doppel.domains.traffic.grid.StoreAndForwardPlant;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.control.Controller;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fixed-time and LQR retiming live SUMO for the first 30 simulated minutes (20 cycles).
 * Skipped without SUMO.
 */
class SumoGridPlantTest {

  private static final Logger LOG = LoggerFactory.getLogger(SumoGridPlantTest.class);
  private static final int CYCLES = 20;

  @Test
  void policiesRetimeSumoAndItsKpisAreConsistent() throws Exception {
    SumoSmokeTest.assumeSumo();
    GridSettings settings = GridSettings.defaults();
    GridModel model = settings.calibrate(GridDataset.shipped());
    StoreAndForwardPlant plant = new StoreAndForwardPlant(model);
    Map<String, Controller> controllers = Map.of("lqr", new LqrController(), "mpc",
        new MpcController());
    SumoGridPlant sumo = new SumoGridPlant(model, Duration.ofSeconds(30),
        Duration.ofSeconds(30));

    Map<String, SumoRun> runs = new java.util.LinkedHashMap<>();
    for (String name : new String[] {"fixed-time", "lqr"}) {
      SignalPolicy policy = GridPolicies.create(name, plant, settings, controllers::get);
      SumoRun run = sumo.run(policy, 1, CYCLES, GridPolicies.forecastCycles(name, settings),
          settings.lookbackMinutes());
      LOG.info("{} on SUMO, {} cycles: {}", name, CYCLES, run.kpis());

      assertEquals(CYCLES, run.cycles());
      for (int k = 0; k < CYCLES; k++) {
        model.timing().check(run.written()[k]);
        assertArrayEquals(run.written()[k], run.measured()[k], 0.0, name + " cycle " + k
            + ": SUMO ran other greens than written");
      }
      Map<String, Double> kpis = run.kpis();
      kpis.forEach((kpi, value) -> assertTrue(Double.isFinite(value) && value >= 0, name
          + " " + kpi + " = " + value));
      assertEquals(kpis.get("departed_veh") - kpis.get("throughput_veh"),
          kpis.get("in_network_at_end_veh"), 0.0, name + ": departed - arrived != running");
      assertTrue(kpis.get("departed_veh") > 1000, name + ": " + kpis);
      assertTrue(kpis.get("total_delay_veh_h") < kpis.get("total_time_spent_veh_h"), name);
      assertTrue(kpis.get("total_time_spent_veh_h") < kpis.get("network_time_spent_veh_h"),
          name);
      assertEquals(0, kpis.get("teleports"), name);
      runs.put(name, run);
    }

    // The equal split written every cycle is SUMO's own default program: the same vehicles
    // are still running as when SUMO runs untouched over the same window.
    assertEquals(untouchedRunning(CYCLES * model.timing().cycleSeconds()),
        runs.get("fixed-time").kpis().get("in_network_at_end_veh"));
    double moved = 0;
    for (double[] greens : runs.get("lqr").written()) {
      for (double g : greens) {
        moved = Math.max(moved, Math.abs(g - model.timing().equalGreen()));
      }
    }
    LOG.info("LQR moved a green by up to {} s from the equal split", moved);
    assertTrue(moved >= 1, "LQR never moved a split by a whole second");
  }

  /** SUMO's running vehicles after {@code seconds} with its signals left alone. */
  private static double untouchedRunning(double seconds) throws Exception {
    try (SumoProcess sumo = SumoProcess.start(java.util.List.of(), Duration.ofSeconds(30),
        Duration.ofSeconds(30))) {
      sumo.client().step(SumoScenario.START_SECONDS + seconds);
      return sumo.client().getInt(TraciClient.VEHICLE, TraciClient.ID_COUNT, "");
    }
  }
}
