package org.doppel.plugins.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class LqiControllerTest {

  private static final double PERIOD = 0.05;

  /** A mass on a spring and damper, position as output, a force disturbance at the input. */
  private static ControlProblem springWithSetPoint(double setPoint) {
    Linearization plant = new Linearization(new double[][] {{0, 1}, {-2, -0.5}},
        new double[][] {{0}, {1}}, new double[][] {{0}, {1}}, 0);
    return new ControlProblem(plant, Plants.identity(2), new double[][] {{0.1}},
        new double[][] {{1, 0}}, new double[] {setPoint}, new ControlProblem.Bounds(
            new double[] {-10}, new double[] {10}, null, null, null), PERIOD);
  }

  private static double finalOutput(ControlLaw law, ControlProblem problem, double force) {
    double[] x = Plants.Stepper.of(problem.plant(), PERIOD).run(law, new double[2],
        new double[] {force}, 2000);
    return x[0];
  }

  @Test
  void holdsTheSetPointExactlyUnderConstantDisturbance() {
    ControlProblem problem = springWithSetPoint(1);
    ControlLaw lqi = new LqiController().design(problem, Parameters.of("controller/lqi",
        Map.of("integral_weight", 10.0)));

    assertEquals(1, finalOutput(lqi, problem, 0.8), 1e-9);
  }

  @Test
  void plainLqrLeavesAnOffsetThatLqiRemoves() {
    ControlProblem problem = springWithSetPoint(1);
    ControlLaw lqr = new LqrController().design(problem, Parameters.empty());

    double offset = Math.abs(finalOutput(lqr, problem, 0.8) - 1);

    assertTrue(offset > 1e-2, "LQR offset " + offset);
    assertEquals(1, finalOutput(lqr, springWithSetPoint(1), 0), 1e-9, "LQR without load");
  }

  @Test
  void integratingPlantIsRefusedNamingTheDuplicateIntegrator() {
    Linearization lfc = Plants.loadFrequencyControl();
    double[][] ace = new double[2][9];
    ace[0][0] = 0.425;
    ace[0][4] = 1;
    ace[1][5] = 0.425;
    ace[1][4] = -1;
    ControlProblem problem = new ControlProblem(lfc, Plants.identity(9), Plants.identity(2),
        ace, new double[2], ControlProblem.Bounds.none(), 0.1);

    PluginException error = assertThrows(PluginException.class,
        () -> new LqiController().design(problem, Parameters.empty()));

    assertTrue(error.getMessage().contains("not stabilisable"), error.getMessage());
    assertTrue(error.getMessage().contains("eigenvalue 1 "), error.getMessage());
  }
}
