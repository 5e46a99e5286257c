package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.control.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every policy on the calibrated plant at twice the data's demand, where queues bind. */
class SignalPoliciesTest {

  private static final Logger LOG = LoggerFactory.getLogger(SignalPoliciesTest.class);
  private static final StoreAndForwardPlant PLANT = GridFixture.plant();
  private static final double SCALE = 2;
  private static final Map<String, GridRun> RUNS = new LinkedHashMap<>();

  @BeforeAll
  static void runEveryPolicy() {
    GridSettings settings = GridSettings.defaults();
    Map<String, Controller> controllers = Map.of("lqr", new LqrController(), "mpc",
        new MpcController());
    for (String name : settings.policies()) {
      SignalPolicy policy = GridPolicies.create(name, PLANT, settings, controllers::get);
      GridRun run = GridSimulation.run(PLANT, policy, SCALE,
          GridPolicies.forecastCycles(name, settings), settings.lookbackMinutes());
      LOG.info("{} at demand x{}: {}", name, SCALE, run.kpis());
      RUNS.put(name, run);
    }
  }

  @Test
  void greensSumToTheCycleLessLostTimeAndStayWithinBoundsForEveryPolicyAndCycle() {
    SignalTiming timing = PLANT.model().timing();
    assertEquals(4, RUNS.size());
    for (GridRun run : RUNS.values()) {
      for (double[] greens : run.greens()) {
        for (int j = 0; j < 16; j++) {
          double ns = greens[2 * j];
          double ew = greens[2 * j + 1];
          assertEquals(timing.effectiveGreen(), ns + ew, 1e-9, run.policy());
          assertTrue(ns >= timing.minGreenSeconds() - 1e-9 && ew >= timing.minGreenSeconds()
              - 1e-9, run.policy() + " below minimum green: " + ns + ", " + ew);
          assertTrue(ns <= timing.maxGreenSeconds() + 1e-9 && ew <= timing.maxGreenSeconds()
              + 1e-9, run.policy() + " above maximum green: " + ns + ", " + ew);
        }
      }
    }
  }

  @Test
  void responsivePoliciesMoveTheSplitsAwayFromTheFixedPlan() {
    for (String name : new String[] {"lqr", "lqr-relinearised", "mpc"}) {
      double moved = 0;
      for (double[] greens : RUNS.get(name).greens()) {
        for (int j = 0; j < 16; j++) {
          moved = Math.max(moved, Math.abs(greens[2 * j]
              - PLANT.model().timing().equalGreen()));
        }
      }
      assertTrue(moved > 1, name + " never moved a split by more than " + moved + " s");
    }
  }

  @Test
  void relinearisedLqrSpendsLessTimeAndHoldsShorterQueuesThanTheFixedPlan() {
    Map<String, Double> fixed = RUNS.get("fixed-time").kpis();
    Map<String, Double> lqr = RUNS.get("lqr-relinearised").kpis();

    assertTrue(lqr.get("total_time_spent_veh_h") < fixed.get("total_time_spent_veh_h"));
    assertTrue(lqr.get("max_queue_veh") < fixed.get("max_queue_veh"));
  }

  @Test
  void splitsChangeByNoMoreThanTheRateLimitBetweenCyclesUnderMpc() {
    double limit = GridSettings.defaults().greenRateSeconds();
    double[][] greens = RUNS.get("mpc").greens();
    for (int k = 1; k < greens.length; k++) {
      for (int i = 0; i < 32; i++) {
        assertTrue(Math.abs(greens[k][i] - greens[k - 1][i]) <= limit + 1e-6,
            "cycle " + k + " input " + i);
      }
    }
  }

  @Test
  void everyRunConservesVehicles() {
    for (GridRun run : RUNS.values()) {
      double entered = Arrays.stream(run.entered()).sum();
      double exited = Arrays.stream(run.exited()).sum();
      double left = run.kpis().get("in_network_at_end_veh");
      assertEquals(entered, exited + left, 1e-6 * entered, run.policy());
    }
  }
}
