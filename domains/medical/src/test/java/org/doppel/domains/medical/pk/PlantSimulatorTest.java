package org.doppel.domains.medical.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlantSimulatorTest {

  /** Case C07: y'' + 2y' + 40y = 20 (a PD loop, set-point 1, Kp 20, Kd 1), from rest. */
  static final SystemDynamics PD_LOOP = new SystemDynamics() {
    @Override
    public String id() {
      return "c07-pd-loop";
    }

    @Override
    public String description() {
      return "case C07";
    }

    @Override
    public List<String> stateNames() {
      return List.of("y", "y'");
    }

    @Override
    public List<String> inputNames() {
      return List.of("set-point");
    }

    @Override
    public double[] evaluate(double time, double[] x, double[] u, double[] w) {
      return new double[] {x[1], 20 * u[0] - 2 * x[1] - 40 * x[0]};
    }

    @Override
    public Linearization linearize(double[] state, double[] input) {
      throw new UnsupportedOperationException();
    }
  };

  @Nested
  class CaseC07 {

    @Test
    void aMinimumStepEqualToTheMaximumIsAClearConfigurationError() {
      PluginException error = assertThrows(PluginException.class,
          () -> new IntegratorSettings("dormand-prince-54", 1e-2, 1e-2, 1e-10, 1e-10));

      assertTrue(error.getMessage().contains("min_step_s 0.01 must be below max_step_s 0.01"),
          error.getMessage());
    }

    @Test
    void aValidSetUpGivesTheAnalyticValueAndPeak() {
      PlantSimulator simulator = new PlantSimulator(
          new IntegratorSettings("dormand-prince-54", 1e-8, 1e-2, 1e-10, 1e-10));

      Trajectory trajectory = simulator.simulate(PD_LOOP, new double[2], 0, 10,
          new double[] {1}, 1e-3);

      double omega = Math.sqrt(39);
      double analytic = 0.5 * (1 - Math.exp(-10) * (Math.cos(omega * 10)
          + Math.sin(omega * 10) / omega));
      assertEquals(0.4999803, trajectory.last()[0], 5e-8);
      assertEquals(analytic, trajectory.last()[0], 1e-8);
      int peak = 0;
      for (int i = 1; i < trajectory.size(); i++) {
        if (trajectory.state(i)[0] > trajectory.state(peak)[0]) {
          peak = i;
        }
      }
      assertEquals(0.80234, trajectory.state(peak)[0], 5e-6);
      assertEquals(0.503, trajectory.times()[peak], 1e-3);
    }

    @Test
    void anIntegratorThatGivesUpNamesThePlantTimeAndStepAndKeepsThePartialTrajectory() {
      PlantSimulator simulator = new PlantSimulator(
          new IntegratorSettings("dormand-prince-54", 9e-3, 1e-2, 1e-10, 1e-10));

      IntegrationException error = assertThrows(IntegrationException.class,
          () -> simulator.simulate(PD_LOOP, new double[2], 0, 10, new double[] {1}, 1e-3));

      assertTrue(error.getMessage().startsWith("plant c07-pd-loop: integration"),
          error.getMessage());
      assertTrue(error.getMessage().contains("needed a step of"), error.getMessage());
      assertTrue(error.getMessage().contains("stopped at t = " + error.timeReached()),
          error.getMessage());
      Trajectory partial = error.partial();
      assertTrue(partial.size() >= 1);
      assertEquals(error.timeReached(), partial.end(), 1e-12);
      double omega = Math.sqrt(39);
      for (int i = 0; i < partial.size(); i++) {
        double t = partial.times()[i];
        double analytic = 0.5 * (1 - Math.exp(-t) * (Math.cos(omega * t)
            + Math.sin(omega * t) / omega));
        assertEquals(analytic, partial.state(i)[0], 1e-6, "kept point at t = " + t);
      }
    }
  }

  @Test
  void theOralPlantIntegratesToTheClosedForm() {
    OralOneCompartment plant = new OralOneCompartment(1.5, 0.08, 32);
    PlantSimulator simulator = new PlantSimulator(IntegratorSettings.DEFAULT);

    Trajectory trajectory = simulator.simulate(plant, new double[] {320, 0}, 0, 24 * 3600,
        new double[1], 600);

    for (int i = 0; i < trajectory.size(); i++) {
      double hours = trajectory.times()[i] / 3600;
      double expected = PkModel.oralOneCompartment().concentration(
          new double[] {1.5, 0.08, 32}, 320, hours);
      assertEquals(expected, plant.concentration(trajectory.state(i)), 1e-7,
          "at " + hours + " h");
    }
  }

  @Test
  void theIntravenousPlantIntegratesToTheClosedForm() {
    IvOneCompartment plant = new IvOneCompartment(0.4, 12);
    PlantSimulator simulator = new PlantSimulator(IntegratorSettings.DEFAULT);

    Trajectory trajectory = simulator.simulate(plant, new double[] {25}, 0, 8 * 3600,
        new double[1], 900);

    assertEquals(25 / 12.0 * Math.exp(-0.4 * 8), plant.concentration(trajectory.last()),
        1e-9);
  }
}
