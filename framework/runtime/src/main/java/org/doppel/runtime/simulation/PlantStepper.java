package org.doppel.runtime.simulation;

/** Advances a plant by one sample period. Not thread-safe: one stepper serves one loop. */
interface PlantStepper {

  /**
   * Writes x[k+1] into {@code next}; the other arguments are not modified.
   *
   * @param step k
   * @param time k · dt, seconds
   */
  void step(long step, double time, double[] state, double[] input, double[] disturbance,
      double[] next);
}
