package org.doppel.sdk.control;

import java.util.Map;

/**
 * A designed controller, stepped once per sample. Not thread-safe: one law drives one loop.
 */
public interface ControlLaw {

  /**
   * The input for this step.
   *
   * @param step the step index, from 0
   * @param stateEstimate the estimated state x̂[k]
   * @param disturbanceForecast forecast disturbances for the next steps, {@code [step][d]},
   *     or an empty array when none is available
   * @return the input u[k], within the problem's bounds
   */
  double[] input(long step, double[] stateEstimate, double[][] disturbanceForecast);

  /** Figures worth reporting about the design or the run (gain, fallbacks used, ...). */
  default Map<String, Object> diagnostics() {
    return Map.of();
  }
}
