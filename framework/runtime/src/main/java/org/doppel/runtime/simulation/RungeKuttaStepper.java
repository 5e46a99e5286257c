package org.doppel.runtime.simulation;

import org.doppel.sdk.dynamics.SystemDynamics;

/** The classic fourth-order Runge–Kutta step on a continuous plant, u and w held. */
final class RungeKuttaStepper implements PlantStepper {

  private final SystemDynamics plant;
  private final double dt;
  private final double[] probe;

  RungeKuttaStepper(SystemDynamics plant, double dt, int states) {
    this.plant = plant;
    this.dt = dt;
    this.probe = new double[states];
  }

  @Override
  public void step(long step, double t, double[] x, double[] u, double[] w, double[] next) {
    double[] k1 = plant.evaluate(t, x, u, w);
    double[] k2 = plant.evaluate(t + dt / 2, offset(x, k1, dt / 2), u, w);
    double[] k3 = plant.evaluate(t + dt / 2, offset(x, k2, dt / 2), u, w);
    double[] k4 = plant.evaluate(t + dt, offset(x, k3, dt), u, w);
    for (int i = 0; i < x.length; i++) {
      next[i] = x[i] + dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
  }

  private double[] offset(double[] x, double[] slope, double h) {
    for (int i = 0; i < x.length; i++) {
      probe[i] = x[i] + h * slope[i];
    }
    return probe;
  }
}
