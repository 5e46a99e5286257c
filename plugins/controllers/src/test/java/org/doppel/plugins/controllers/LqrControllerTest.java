package org.doppel.plugins.controllers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.riccati.Matrices;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LqrControllerTest {

  private final LqrController lqr = new LqrController();

  private static Parameters mode(String mode) {
    return Parameters.of("controller/lqr", Map.of("mode", mode));
  }

  @SuppressWarnings("unchecked")
  private static RealMatrix gain(ControlLaw law) {
    List<List<Double>> rows = (List<List<Double>>) law.diagnostics().get("gain");
    return Matrices.of(rows.stream()
        .map(row -> row.stream().mapToDouble(Double::doubleValue).toArray())
        .toArray(double[][]::new));
  }

  @Nested
  class CaseC06 {

    @Test
    void zeroSystemIsNotStabilisableNamingEigenvalueZero() {
      Linearization zero = new Linearization(new double[2][2], new double[2][1],
          new double[2][0], 0);
      ControlProblem problem = Plants.regulation(zero, ControlProblem.Bounds.none(), 0.1);

      PluginException error = assertThrows(PluginException.class,
          () -> lqr.design(problem, mode("continuous")));

      assertTrue(error.getMessage().contains("not stabilisable"), error.getMessage());
      assertTrue(error.getMessage().contains("eigenvalue 0 "), error.getMessage());
    }

    @Test
    void zeroInputWeightMustBePositiveDefinite() {
      ControlProblem problem = new ControlProblem(Plants.doubleIntegrator(),
          Plants.identity(2), new double[][] {{0}}, new double[0][2], new double[0],
          ControlProblem.Bounds.none(), 0.1);

      PluginException error = assertThrows(PluginException.class,
          () -> lqr.design(problem, mode("continuous")));

      assertTrue(error.getMessage().contains("R must be positive definite"),
          error.getMessage());
    }

    @Test
    void doubleIntegratorGetsTheAnalyticGain() {
      ControlProblem problem = Plants.regulation(Plants.doubleIntegrator(),
          ControlProblem.Bounds.none(), 0.1);

      ControlLaw law = lqr.design(problem, mode("continuous"));

      assertArrayEquals(new double[] {1, 1.7320508}, gain(law).getRow(0), 1e-7);
      assertArrayEquals(new double[] {-1 - 1.7320508 * 2}, law.input(0,
          new double[] {1, 2}, new double[0][]), 1e-6);
    }

    @Test
    void indefiniteStateWeightIsRefused() {
      ControlProblem problem = new ControlProblem(Plants.doubleIntegrator(),
          new double[][] {{1, 0}, {0, -1}}, new double[][] {{1}}, new double[0][2],
          new double[0], ControlProblem.Bounds.none(), 0.1);

      PluginException error = assertThrows(PluginException.class,
          () -> lqr.design(problem, mode("discrete")));

      assertTrue(error.getMessage().contains("Q must be positive semidefinite"),
          error.getMessage());
    }

    @Test
    void unobservableUnstableModeIsNotDetectable() {
      // The unstable mode of x1 carries no weight in Q.
      Linearization plant = new Linearization(new double[][] {{1, 0}, {0, -1}},
          new double[][] {{1}, {1}}, new double[2][0], 0);
      ControlProblem problem = new ControlProblem(plant, new double[][] {{0, 0}, {0, 1}},
          new double[][] {{1}}, new double[0][2], new double[0], ControlProblem.Bounds.none(),
          0.1);

      PluginException error = assertThrows(PluginException.class,
          () -> lqr.design(problem, mode("continuous")));

      assertTrue(error.getMessage().contains("not detectable"), error.getMessage());
      assertTrue(error.getMessage().contains("eigenvalue 1 "), error.getMessage());
    }

    @Test
    void uncontrollableMarginalModeInDiscreteTimeIsNamed() {
      Linearization plant = new Linearization(new double[][] {{1, 0}, {0, 0.5}},
          new double[][] {{0}, {1}}, new double[2][0], 0.1);
      ControlProblem problem = Plants.regulation(plant, ControlProblem.Bounds.none(), 0.1);

      PluginException error = assertThrows(PluginException.class,
          () -> lqr.design(problem, mode("discrete")));

      assertTrue(error.getMessage().contains("marginal eigenvalue 1 "), error.getMessage());
    }
  }

  @Nested
  class ClosedLoopStability {

    @ParameterizedTest
    @ValueSource(strings = {"discrete", "continuous"})
    void loadFrequencyControlLoopIsStable(String mode) {
      assertStable(Plants.loadFrequencyControl(), mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"discrete", "continuous"})
    void pendulumLoopIsStable(String mode) {
      assertStable(Plants.pendulum(), mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"discrete", "continuous"})
    void doubleIntegratorLoopIsStable(String mode) {
      assertStable(Plants.doubleIntegrator(), mode);
    }

    private void assertStable(Linearization plant, String mode) {
      double period = 0.1;
      ControlLaw law = lqr.design(Plants.regulation(plant, ControlProblem.Bounds.none(),
          period), mode(mode));

      Linearization discrete = plant.discretize(period);
      double radius = ClosedLoop.spectralRadius(Matrices.of(discrete.a()),
          Matrices.of(discrete.b()), gain(law));
      assertTrue(radius < 1, mode + ": sampled closed-loop spectral radius " + radius);
      assertEquals(radius, (double) law.diagnostics().get("closed_loop_spectral_radius"),
          1e-12);
      if (mode.equals("continuous")) {
        double abscissa = ClosedLoop.spectralAbscissa(Matrices.of(plant.a()),
            Matrices.of(plant.b()), gain(law));
        assertTrue(abscissa < 0, "continuous closed-loop spectral abscissa " + abscissa);
      }

      double[] x0 = new double[plant.states()];
      x0[0] = 0.01;
      double[] x = Plants.Stepper.of(plant, period).run(law, x0, new double[plant
          .disturbances()], 3000);
      for (double v : x) {
        assertEquals(0, v, 1e-8, "state after 300 s");
      }
    }
  }

  @Test
  void discreteModeGainMatchesTheLfcReference() {
    ControlLaw law = lqr.design(Plants.regulation(Plants.loadFrequencyControl(),
        ControlProblem.Bounds.none(), 0.1), mode("discrete"));

    RealMatrix expected = ReferenceCases.matrix("lfc_two_area", "K_dare.csv");
    assertTrue(ReferenceCases.relativeError(expected, gain(law)) < 1e-8);
  }

  @Test
  void inputsStayWithinTheirBounds() {
    Linearization plant = Plants.loadFrequencyControl();
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {-0.1, -0.1},
        new double[] {0.1, 0.1}, null, null, null);
    ControlLaw law = lqr.design(Plants.regulation(plant, bounds, 0.1), mode("discrete"));
    Plants.Stepper stepper = Plants.Stepper.of(plant, 0.1);

    double[] x = new double[9];
    double[] w = {0.3, -0.2};
    for (int k = 0; k < 500; k++) {
      double[] u = law.input(k, x, new double[0][]);
      for (double value : u) {
        assertTrue(Math.abs(value) <= 0.1, "input " + value + " at step " + k);
      }
      x = stepper.step(x, u, w);
    }
    assertTrue((long) law.diagnostics().get("limited_steps") > 0);
  }

  @Test
  void unknownModeIsAnError() {
    ControlProblem problem = Plants.regulation(Plants.doubleIntegrator(),
        ControlProblem.Bounds.none(), 0.1);

    PluginException error = assertThrows(PluginException.class,
        () -> lqr.design(problem, mode("sampled")));

    assertTrue(error.getMessage().contains("'mode'"), error.getMessage());
  }
}
