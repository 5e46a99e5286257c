package org.doppel.plugins.msd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.FirstOrderIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plant's free response, integrated numerically from {@code evaluate}, against the
 * closed-form solution of m x'' + c x' + k x = 0 in each damping regime.
 */
class FreeResponseTest {

  private static final double X0 = 0.1;
  private static final double V0 = -0.3;
  private static final double TOLERANCE = 1e-8;

  @ParameterizedTest(name = "{0}: m={1}, k={2}, c={3}")
  @CsvSource({
      "underdamped,       1, 4, 0.4",
      "critically damped, 1, 4, 4",
      "overdamped,        2, 3, 9"})
  void matchesTheAnalyticSolution(String regime, double m, double k, double c) {
    MassSpringDamper plant = new MassSpringDamper(m, k, c);
    FirstOrderIntegrator integrator = new DormandPrince853Integrator(1e-8, 0.5, 1e-12,
        1e-12);
    FirstOrderDifferentialEquations free = new FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return 2;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        System.arraycopy(plant.evaluate(t, y, new double[1], new double[1]), 0, yDot, 0, 2);
      }
    };

    double[] state = {X0, V0};
    double t = 0;
    for (double end = 0.5; end <= 10; end += 0.5) {
      integrator.integrate(free, t, state, end, state);
      t = end;

      assertEquals(analyticPosition(plant, t), state[0], TOLERANCE, regime + " at t=" + t);
    }
  }

  /** x(t) for x(0) = X0, x'(0) = V0, from the roots of m s² + c s + k. */
  private static double analyticPosition(MassSpringDamper plant, double t) {
    double w0 = plant.naturalFrequency();
    double zeta = plant.dampingRatio();
    if (Math.abs(zeta - 1) < 1e-12) {
      return (X0 + (V0 + w0 * X0) * t) * Math.exp(-w0 * t);
    }
    if (zeta < 1) {
      double wd = w0 * Math.sqrt(1 - zeta * zeta);
      return Math.exp(-zeta * w0 * t)
          * (X0 * Math.cos(wd * t) + (V0 + zeta * w0 * X0) / wd * Math.sin(wd * t));
    }
    double root = w0 * Math.sqrt(zeta * zeta - 1);
    double fast = -zeta * w0 - root;
    double slow = -zeta * w0 + root;
    double slowWeight = (V0 - fast * X0) / (slow - fast);
    return slowWeight * Math.exp(slow * t) + (X0 - slowWeight) * Math.exp(fast * t);
  }
}
