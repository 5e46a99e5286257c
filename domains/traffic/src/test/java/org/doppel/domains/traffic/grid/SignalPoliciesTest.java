package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.Parameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class SignalPoliciesTest {

  private static final Logger LOG = LoggerFactory.getLogger(SignalPoliciesTest.class);
  private static final StoreAndForwardPlant PLANT = GridFixture.plant();
  private static GridRun fixed;
  private static GridRun lqr;
  private static GridRun mpc;

  @BeforeAll
  static void runEveryPolicy() {
    GridSettings settings = GridSettings.defaults();
    GridModel model = PLANT.model();
    QueueBalanceModel balance = new QueueBalanceModel(PLANT, settings.inputWeight(),
        settings.greenRateSeconds());
    fixed = GridSimulation.run(PLANT, new FixedTimePolicy(model.timing(), 16), 0, 15);
    lqr = GridSimulation.run(PLANT, new ControllerPolicy("lqr", new LqrController().design(
        balance.problem(), Parameters.empty()), balance, PLANT, false), 0, 15);
    mpc = GridSimulation.run(PLANT, new ControllerPolicy("mpc", new MpcController().design(
        balance.problem(), Parameters.of("mpc", Map.of("horizon", settings.mpcHorizon(),
            "moves", settings.mpcMoves()))), balance, PLANT, true), settings.mpcHorizon(), 15);
    for (GridRun run : new GridRun[] {fixed, lqr, mpc}) {
      LOG.info("{}: {}", run.policy(), run.kpis());
    }
  }

  @Test
  void greensSumToTheCycleLessLostTimeAndStayWithinBoundsForEveryPolicyAndCycle() {
    SignalTiming timing = PLANT.model().timing();
    for (GridRun run : new GridRun[] {fixed, lqr, mpc}) {
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
    double moved = 0;
    for (double[] greens : lqr.greens()) {
      for (int j = 0; j < 16; j++) {
        moved = Math.max(moved, Math.abs(greens[2 * j] - PLANT.model().timing().equalGreen()));
      }
    }
    assertTrue(moved > 1, "LQR never moved a split by more than " + moved + " s");
  }

  @Test
  void mpcChangesNoGreenByMoreThanTheRateLimitBetweenCycles() {
    double limit = GridSettings.defaults().greenRateSeconds();
    for (int k = 1; k < mpc.cycles(); k++) {
      for (int i = 0; i < 32; i++) {
        assertTrue(Math.abs(mpc.greens()[k][i] - mpc.greens()[k - 1][i]) <= limit + 1e-6,
            "cycle " + k + " input " + i);
      }
    }
  }

  @Test
  void everyRunConservesVehicles() {
    for (GridRun run : new GridRun[] {fixed, lqr, mpc}) {
      double entered = java.util.Arrays.stream(run.entered()).sum();
      double exited = java.util.Arrays.stream(run.exited()).sum();
      double left = run.kpis().get("in_network_at_end_veh");
      assertEquals(entered, exited + left, 1e-6 * entered, run.policy());
    }
  }
}
