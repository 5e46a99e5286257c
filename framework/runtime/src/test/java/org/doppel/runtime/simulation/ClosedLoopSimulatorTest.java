package org.doppel.runtime.simulation;

import org.doppel.sdk.domain.Disturbance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.domain.ClosedLoopTrajectory;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClosedLoopSimulatorTest {

  private final ClosedLoopSimulator simulator = new ClosedLoopSimulator();

  /** u = -K x. */
  private static ControlLaw stateFeedback(double[][] gain) {
    return (step, x, forecast) -> {
      double[] u = new double[gain.length];
      for (int i = 0; i < gain.length; i++) {
        for (int j = 0; j < x.length; j++) {
          u[i] -= gain[i][j] * x[j];
        }
      }
      return u;
    };
  }

  /** Classic integral AGC on the plant's own integral-of-ACE states: dPc = -K_I ∫ACE. */
  private static ControlLaw integralAgc(double integralGain) {
    double[][] gain = new double[2][9];
    gain[0][3] = integralGain;
    gain[1][8] = integralGain;
    return stateFeedback(gain);
  }

  private SimulationResult run(SystemDynamics plant, ControlLaw law, double[] x0,
      Disturbance w, double dt) {
    return simulator.simulate(new ClosedLoopSetup(plant, law, "test", x0, w, dt));
  }

  @Nested
  class DoubleIntegrator {

    private final SystemDynamics plant = LinearPlant.doubleIntegrator();

    @Test
    void aHeldConstantInputGivesTheExactParabola() {
      SimulationResult result = run(plant, (k, x, f) -> new double[] {1}, new double[] {0, 0},
          Disturbance.none(1000), 0.01);

      // ZOH is exact for a held input: x(10) = 10^2 / 2, v(10) = 10.
      assertEquals(50.0, result.finalState()[0], 1e-10);
      assertEquals(10.0, result.finalState()[1], 1e-12);
      assertEquals(Integration.EXACT_ZERO_ORDER_HOLD, result.integration());
    }

    @Test
    void stateFeedbackConvergesToTheAnalyticSolutionAtFirstOrderInTheStep() {
      // u = -x - 2v: critically damped, x(t) = (1 + t) e^-t from x(0) = 1, v(0) = 0. The
      // sampled law holds u over each step, so the error shrinks in proportion to dt.
      double analytic = 6 * Math.exp(-5);
      double coarse = Math.abs(positionAtFive(0.002) - analytic);
      double fine = Math.abs(positionAtFive(0.001) - analytic);

      assertTrue(fine < 1e-3, "error at dt = 1 ms: " + fine);
      assertEquals(2.0, coarse / fine, 0.05);
    }

    private double positionAtFive(double dt) {
      long steps = Math.round(5 / dt);
      return run(plant, stateFeedback(new double[][] {{1, 2}}), new double[] {1, 0},
          Disturbance.none(steps), dt).finalState()[0];
    }
  }

  @Nested
  class TwoAreaLoadFrequencyControl {

    @Test
    void withoutDisturbanceTheLoopStaysAtZero() throws IOException {
      SimulationResult result = run(LinearPlant.lfcReference(), integralAgc(0.3),
          new double[9], Disturbance.zero(10_000, 2), 0.1);

      for (double[] row : result.trajectory().states()) {
        for (double value : row) {
          assertEquals(0.0, value);
        }
      }
      assertEquals(0.0, result.statistics("df1 [Hz]").peak());
    }

    @Test
    void aUnitStepLoadSettlesWithZeroSteadyStateFrequencyError() throws IOException {
      double[][] step = new double[3000][];
      java.util.Arrays.fill(step, new double[] {1, 0});

      SimulationResult result = run(LinearPlant.lfcReference(), integralAgc(0.3),
          new double[9], Disturbance.of(step), 0.1);

      // After 300 s both frequencies and the tie line are back at zero and area 1 alone has
      // picked up its own load, as the area-control-error principle intends.
      double[] x = result.finalState();
      assertTrue(result.statistics("df1 [Hz]").peak() > 0.1);
      assertEquals(0.0, x[0], 1e-6);
      assertEquals(0.0, x[5], 1e-6);
      assertEquals(0.0, x[4], 1e-6);
      assertEquals(1.0, x[1], 1e-6);
      assertEquals(0.0, x[6], 1e-6);
    }

    @Test
    void decimationKeepsEveryKthStepAndTheLastWhileStatisticsUseAll() throws IOException {
      double[][] step = new double[95][];
      java.util.Arrays.fill(step, new double[] {0.01, 0});
      SimulationOptions options = SimulationOptions.defaults().withKeepEvery(10);

      SimulationResult full = run(LinearPlant.lfcReference(), integralAgc(0.3),
          new double[9], Disturbance.of(step), 0.1);
      SimulationResult kept = simulator.simulate(new ClosedLoopSetup(LinearPlant.lfcReference(),
          integralAgc(0.3), "test", new double[9], Disturbance.of(step), 0.1), options);

      ClosedLoopTrajectory trajectory = kept.trajectory();
      assertEquals(11, trajectory.time().length);
      assertEquals(9.0, trajectory.time()[9], 1e-12);
      assertEquals(9.4, trajectory.time()[10], 1e-12);
      assertEquals(rms(full.trajectory().state("df1 [Hz]")),
          kept.statistics("df1 [Hz]").rms(), 1e-15);
      assertEquals(full.statistics(), kept.statistics());
    }

    @Test
    void outputStatisticsCoverTheAreaControlErrors() throws IOException {
      double[][] ace = new double[2][9];
      ace[0][0] = 0.425;
      ace[0][4] = 1;
      double[][] step = new double[500][];
      java.util.Arrays.fill(step, new double[] {0.01, 0});
      SimulationOptions options = SimulationOptions.defaults()
          .withOutputs(new double[][] {ace[0]}, List.of("ACE1"));

      SimulationResult result = simulator.simulate(new ClosedLoopSetup(
          LinearPlant.lfcReference(), integralAgc(0.3), "test", new double[9],
          Disturbance.of(step), 0.1), options);

      double[][] states = result.trajectory().states();
      double[] expected = new double[states.length];
      for (int k = 0; k < states.length; k++) {
        expected[k] = 0.425 * states[k][0] + states[k][4];
      }
      assertEquals(rms(expected), result.statistics("ACE1").rms(), 1e-15);
    }
  }

  @Nested
  class NonLinearPlants {

    @Test
    void autoChoosesRungeKuttaWhichConvergesAtFourthOrder() {
      // x' = -x^2 from x(0) = 1: x(t) = 1 / (1 + t).
      double coarse = Math.abs(stateAtTwo(0.1).finalState()[0] - 1.0 / 3);
      double fine = Math.abs(stateAtTwo(0.05).finalState()[0] - 1.0 / 3);

      assertEquals(Integration.RUNGE_KUTTA_4, stateAtTwo(0.1).integration());
      assertTrue(fine < 1e-6, "error at dt = 0.05: " + fine);
      assertEquals(16, coarse / fine, 2);
    }

    @Test
    void exactZeroOrderHoldIsRefusedForAPlantItsLinearisationDoesNotMatch() {
      SimulationOptions options = SimulationOptions.defaults()
          .withIntegration(Integration.EXACT_ZERO_ORDER_HOLD);

      SimulationException error = assertThrows(SimulationException.class,
          () -> simulator.simulate(new ClosedLoopSetup(new Quadratic(-1), (k, x, f) ->
              new double[] {0}, "test", new double[] {1}, Disturbance.none(10), 0.1), options));

      assertTrue(error.getMessage().contains("is not linear"), error.getMessage());
    }

    @Test
    void aDivergingStateFailsNamingTheStepAndTheState() {
      // x' = x^2 from x(0) = 1 escapes to infinity at t = 1.
      SimulationException error = assertThrows(SimulationException.class,
          () -> run(new Quadratic(1), (k, x, f) -> new double[] {0}, new double[] {1},
              Disturbance.none(1000), 0.01));

      assertTrue(error.getMessage().matches(".*failed at step \\d+ \\(t = [0-9.]+ s\\): "
          + "state 'x' became .*"), error.getMessage());
      assertNotNull(error.partial());
      assertTrue(error.partial().time().length > 50);
    }

    private SimulationResult stateAtTwo(double dt) {
      return run(new Quadratic(-1), (k, x, f) -> new double[] {0}, new double[] {1},
          Disturbance.none(Math.round(2 / dt)), dt);
    }
  }

  @Test
  void aControllerReturningNaNFailsNamingTheInput() {
    SimulationException error = assertThrows(SimulationException.class,
        () -> run(LinearPlant.doubleIntegrator(), (k, x, f) -> new double[] {k < 5 ? 0 : 0.0 / 0},
            new double[] {0, 0}, Disturbance.none(10), 0.1));

    assertEquals("closed loop of controller 'test' on plant 'double-integrator' failed at step"
        + " 5 (t = 0.5 s): controller returned NaN for input 'force'", error.getMessage());
  }

  @Test
  void aDisturbanceOfTheWrongWidthIsRefused() throws IOException {
    SimulationException error = assertThrows(SimulationException.class,
        () -> run(LinearPlant.lfcReference(), integralAgc(0.3), new double[9],
            Disturbance.zero(10, 1), 0.1));

    assertTrue(error.getMessage().contains("disturbance has 1 inputs"), error.getMessage());
  }

  private static double rms(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v * v;
    }
    return Math.sqrt(sum / values.length);
  }

  /** x' = c x^2 + u: non-linear, with a (wrong away from 0) linearisation at the origin. */
  private static final class Quadratic implements SystemDynamics {

    private final double c;

    Quadratic(double c) {
      this.c = c;
    }

    @Override
    public String id() {
      return "quadratic";
    }

    @Override
    public String description() {
      return "x' = c x^2 + u";
    }

    @Override
    public List<String> stateNames() {
      return List.of("x");
    }

    @Override
    public List<String> inputNames() {
      return List.of("u");
    }

    @Override
    public double[] evaluate(double time, double[] x, double[] u, double[] w) {
      return new double[] {c * x[0] * x[0] + u[0]};
    }

    @Override
    public Linearization linearize(double[] state, double[] input) {
      return new Linearization(new double[][] {{2 * c * state[0]}}, new double[][] {{1}},
          new double[][] {{}}, 0);
    }
  }
}
