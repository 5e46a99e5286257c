package org.doppel.runtime.simulation;

import org.doppel.sdk.dynamics.SystemDynamics;

/** x[k+1] = evaluate(k, x, u, w) for a discrete-time plant. */
final class DiscreteMapStepper implements PlantStepper {

  private final SystemDynamics plant;

  DiscreteMapStepper(SystemDynamics plant) {
    this.plant = plant;
  }

  @Override
  public void step(long step, double time, double[] x, double[] u, double[] w, double[] next) {
    double[] result = plant.evaluate(step, x, u, w);
    System.arraycopy(result, 0, next, 0, next.length);
  }
}
