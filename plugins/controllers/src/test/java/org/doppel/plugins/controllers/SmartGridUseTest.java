package org.doppel.plugins.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.junit.jupiter.api.Test;

/**
 * The two calls the smart-grid domain makes: {@code lqr {mode: discrete}} and the baseline
 * {@code pid {kp: 0.069, ti: 0.1, td: 0}} on the continuous LFC plant, C = the ACE rows,
 * Q = I9, R = I2, |ΔPc| ≤ 0.1 pu, 0.1 s, against a 0.01 pu load step in area 1.
 */
class SmartGridUseTest {

  private static final double PERIOD = 0.1;
  private static final int STEPS = 3000;

  private static ControlProblem problem() {
    double[][] ace = new double[2][9];
    ace[0][0] = 0.425;
    ace[0][4] = 1;
    ace[1][5] = 0.425;
    ace[1][4] = -1;
    return new ControlProblem(Plants.loadFrequencyControl(), Plants.identity(9),
        Plants.identity(2), ace, new double[2], new ControlProblem.Bounds(
            new double[] {-0.1, -0.1}, new double[] {0.1, 0.1}, null, null, null), PERIOD);
  }

  /** 300 s after the load step: inputs within bounds at every step, both ACEs back to 0. */
  private static void assertSettles(ControlLaw law, ControlProblem problem) {
    Plants.Stepper stepper = Plants.Stepper.of(problem.plant(), PERIOD);
    double[] x = new double[9];
    for (int k = 0; k < STEPS; k++) {
      double[] u = law.input(k, x, new double[0][]);
      for (double value : u) {
        assertTrue(Math.abs(value) <= 0.1, "input " + value + " at step " + k);
      }
      x = stepper.step(x, u, new double[] {0.01, 0});
    }
    for (double[] row : problem.outputMatrix()) {
      double ace = 0;
      for (int j = 0; j < 9; j++) {
        ace += row[j] * x[j];
      }
      assertEquals(0, ace, 1e-5, "area control error after 300 s");
    }
  }

  @Test
  void discreteLqrSettlesTheLoadStep() {
    ControlProblem problem = problem();

    assertSettles(new LqrController().design(problem, Parameters.of("controller/lqr",
        Map.of("mode", "discrete"))), problem);
  }

  @Test
  void integralBaselineSettlesTheLoadStep() {
    ControlProblem problem = problem();

    assertSettles(new PidController().design(problem, Parameters.of("controller/pid",
        Map.of("kp", 0.069, "ti", 0.1, "td", 0.0))), problem);
  }
}
