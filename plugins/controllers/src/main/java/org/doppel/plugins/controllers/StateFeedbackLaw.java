package org.doppel.plugins.controllers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;

/**
 * u[k] = u_ss - K (x̂[k] - x_ss), moved into the rate limits and bounds. Counts the steps on
 * which a limit changed the input. Not thread-safe: one law drives one loop.
 */
final class StateFeedbackLaw implements ControlLaw {

  private final double[][] gain;
  private final double[] targetState;
  private final double[] targetInput;
  private final InputLimits limits;
  private final Map<String, Object> design;
  private double[] previous;
  private long limitedSteps;
  private long steps;

  StateFeedbackLaw(RealMatrix gain, double[] targetState, double[] targetInput,
      InputLimits limits, Map<String, Object> design) {
    this.gain = gain.getData();
    this.targetState = targetState.clone();
    this.targetInput = targetInput.clone();
    this.limits = limits;
    this.design = new LinkedHashMap<>(design);
  }

  @Override
  public double[] input(long step, double[] stateEstimate, double[][] disturbanceForecast) {
    if (stateEstimate.length != targetState.length) {
      throw new PluginException("state estimate has " + stateEstimate.length + " values for "
          + targetState.length + " states");
    }
    double[] wanted = targetInput.clone();
    for (int i = 0; i < wanted.length; i++) {
      double[] row = gain[i];
      for (int j = 0; j < row.length; j++) {
        wanted[i] -= row[j] * (stateEstimate[j] - targetState[j]);
      }
    }

    double[] u = limits.apply(wanted, previous);
    if (!Arrays.equals(u, wanted)) {
      limitedSteps++;
    }
    steps++;
    previous = u;
    return u.clone();
  }

  @Override
  public Map<String, Object> diagnostics() {
    Map<String, Object> diagnostics = new LinkedHashMap<>(design);
    diagnostics.put("steps", steps);
    diagnostics.put("limited_steps", limitedSteps);
    return diagnostics;
  }
}
