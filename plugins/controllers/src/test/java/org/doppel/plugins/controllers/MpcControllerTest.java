package org.doppel.plugins.controllers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class MpcControllerTest {

  private static final double PERIOD = 0.1;
  private static final double LIMIT = 0.1;
  private static final double RATE = 0.02;
  /** 100 s of LFC at 0.1 s: twenty random load changes, kept short for CI's two cores. */
  private static final int STEPS = 1000;

  private final MpcController mpc = new MpcController();

  private static ControlProblem lfc(ControlProblem.Bounds bounds) {
    return Plants.regulation(Plants.loadFrequencyControl(), bounds, PERIOD);
  }

  private static ControlProblem.Bounds inputAndRateLimits() {
    return new ControlProblem.Bounds(new double[] {-LIMIT, -LIMIT}, new double[] {LIMIT, LIMIT},
        new double[] {RATE, RATE}, null, null);
  }

  @Test
  void neverViolatesInputBoundsOrRateLimitsUnderRandomLoads() {
    ControlProblem problem = lfc(inputAndRateLimits());
    ControlLaw law = mpc.design(problem, Parameters.empty());
    Plants.Stepper plant = Plants.Stepper.of(problem.plant(), PERIOD);
    SplittableRandom random = new SplittableRandom(20261204);

    double[] x = new double[9];
    double[] w = new double[2];
    double[] last = null;
    double worstRate = 0;
    for (int k = 0; k < STEPS; k++) {
      if (k % 50 == 0) {
        // Load steps of a few percent, sometimes more than the inputs can absorb.
        w = new double[] {0.08 * random.nextGaussian(), 0.08 * random.nextGaussian()};
      }
      double[] u = law.input(k, x, new double[0][]);
      for (int j = 0; j < 2; j++) {
        assertTrue(Math.abs(u[j]) <= LIMIT, "input " + u[j] + " at step " + k);
        if (last != null) {
          double rate = Math.abs(u[j] - last[j]);
          worstRate = Math.max(worstRate, rate);
          assertTrue(rate <= RATE * PERIOD, "input step " + rate + " at step " + k);
        }
      }
      last = u;
      x = plant.step(x, u, w);
    }

    Map<String, Object> diagnostics = law.diagnostics();
    assertEquals((long) STEPS, diagnostics.get("steps"));
    assertEquals(0L, diagnostics.get("fallback_steps"));
    assertEquals(RATE * PERIOD, worstRate, 1e-12, "the rate limit is reached, not avoided");
    for (double value : x) {
      assertTrue(Double.isFinite(value) && Math.abs(value) < 10, "final state " + value);
    }
  }

  @Test
  void withoutActiveConstraintsItIsTheDiscreteLqr() {
    ControlProblem problem = lfc(inputAndRateLimits());
    ControlLaw law = mpc.design(problem, Parameters.of("controller/mpc", Map.of("horizon", 5)));
    ControlLaw lqr = new LqrController().design(problem, Parameters.empty());

    double[] x = {1e-4, 0, 0, 2e-4, -1e-4, 0, 0, 0, 1e-4};

    assertArrayEquals(lqr.input(0, x, new double[0][]), law.input(0, x, new double[0][]),
        1e-9);
  }

  @Test
  void infeasibleStateBoundsFallBackToTheClippedLqrInputAndAreCounted() {
    Linearization plant = Plants.doubleIntegrator();
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {-1}, new double[] {1},
        null, new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY},
        new double[] {0.5, Double.POSITIVE_INFINITY});
    ControlProblem problem = Plants.regulation(plant, bounds, PERIOD);
    ControlLaw law = mpc.design(problem, Parameters.empty());

    // Position 2 cannot get under 0.5 in one step with |u| <= 1.
    double[] u = law.input(0, new double[] {2, 1}, new double[0][]);

    assertEquals(-1, u[0], 0, "the LQR input, clipped");
    assertEquals(1L, law.diagnostics().get("fallback_steps"));
  }

  @Test
  void stateBoundsAreHeldWhenFeasible() {
    Linearization plant = Plants.doubleIntegrator();
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {-1}, new double[] {1},
        null, new double[] {-0.02, Double.NEGATIVE_INFINITY},
        new double[] {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY});
    ControlProblem problem = Plants.regulation(plant, bounds, PERIOD);
    ControlLaw law = mpc.design(problem, Parameters.of("controller/mpc", Map.of("horizon", 30)));
    ControlLaw lqr = new LqrController().design(problem, Parameters.empty());

    // Heading for the origin fast: the clipped LQR overshoots below -0.02, MPC must not.
    double[] start = {1, -1.2};
    double mpcLowest = lowestPosition(law, start);
    double lqrLowest = lowestPosition(lqr, start);

    assertTrue(lqrLowest < -0.03, "the LQR undershoot the bound is for: " + lqrLowest);
    assertTrue(mpcLowest >= -0.02 - 1e-6, "lowest position " + mpcLowest);
    assertEquals(0L, law.diagnostics().get("fallback_steps"));
  }

  private static double lowestPosition(ControlLaw law, double[] start) {
    Plants.Stepper stepper = Plants.Stepper.of(Plants.doubleIntegrator(), PERIOD);
    double[] x = start.clone();
    double lowest = Double.POSITIVE_INFINITY;
    for (int k = 0; k < 200; k++) {
      x = stepper.step(x, law.input(k, x, new double[0][]), new double[] {0});
      lowest = Math.min(lowest, x[0]);
    }
    assertEquals(0, x[0], 1e-3, "settled position");
    return lowest;
  }

  @Test
  void horizonMustBePositive() {
    PluginException error = assertThrows(PluginException.class, () -> mpc.design(
        lfc(inputAndRateLimits()), Parameters.of("controller/mpc", Map.of("horizon", 0))));

    assertTrue(error.getMessage().contains("'horizon'"), error.getMessage());
  }
}
