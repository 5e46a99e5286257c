package org.doppel.plugins.msd;

import org.doppel.sdk.dynamics.SystemDynamics;

/** Jacobians of {@link SystemDynamics#evaluate} by central differences. */
final class FiniteDifferences {

  private static final double STEP = 1e-6;

  private FiniteDifferences() {
  }

  static double[][] byState(SystemDynamics plant, double[] x, double[] u, double[] w) {
    return jacobian(x, perturbed -> plant.evaluate(0, perturbed, u, w));
  }

  static double[][] byInput(SystemDynamics plant, double[] x, double[] u, double[] w) {
    return jacobian(u, perturbed -> plant.evaluate(0, x, perturbed, w));
  }

  static double[][] byDisturbance(SystemDynamics plant, double[] x, double[] u,
      double[] w) {
    return jacobian(w, perturbed -> plant.evaluate(0, x, u, perturbed));
  }

  private static double[][] jacobian(double[] at,
      java.util.function.Function<double[], double[]> f) {
    int rows = f.apply(at).length;
    double[][] jacobian = new double[rows][at.length];
    for (int j = 0; j < at.length; j++) {
      double[] up = at.clone();
      double[] down = at.clone();
      up[j] += STEP;
      down[j] -= STEP;
      double[] fUp = f.apply(up);
      double[] fDown = f.apply(down);
      for (int i = 0; i < rows; i++) {
        jacobian[i][j] = (fUp[i] - fDown[i]) / (2 * STEP);
      }
    }
    return jacobian;
  }
}
