package org.doppel.plugins.controllers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;

/**
 * u = -K [x̂; z] with integrators z[k+1] = z[k] + T (r - C x̂[k]) that hold while a limit
 * clips the input. Not thread-safe: one law drives one loop.
 */
final class IntegralFeedbackLaw implements ControlLaw {

  private final double[][] gain;
  private final double[][] outputs;
  private final double[] reference;
  private final double period;
  private final InputLimits limits;
  private final Map<String, Object> design;
  private final double[] integral;
  private double[] previous;
  private long steps;
  private long limitedSteps;

  IntegralFeedbackLaw(RealMatrix gain, double[][] outputs, double[] reference, double period,
      InputLimits limits, Map<String, Object> design) {
    this.gain = gain.getData();
    this.outputs = outputs;
    this.reference = reference.clone();
    this.period = period;
    this.limits = limits;
    this.design = new LinkedHashMap<>(design);
    this.integral = new double[outputs.length];
  }

  @Override
  public double[] input(long step, double[] stateEstimate, double[][] disturbanceForecast) {
    int n = outputs[0].length;
    if (stateEstimate.length != n) {
      throw new PluginException("state estimate has " + stateEstimate.length + " values for "
          + n + " states");
    }
    double[] wanted = new double[gain.length];
    for (int i = 0; i < wanted.length; i++) {
      double sum = 0;
      for (int j = 0; j < n; j++) {
        sum += gain[i][j] * stateEstimate[j];
      }
      for (int j = 0; j < integral.length; j++) {
        sum += gain[i][n + j] * integral[j];
      }
      wanted[i] = -sum;
    }

    double[] u = limits.apply(wanted, previous);
    boolean limited = !Arrays.equals(u, wanted);
    if (limited) {
      limitedSteps++;
    } else {
      for (int i = 0; i < integral.length; i++) {
        double y = 0;
        for (int j = 0; j < n; j++) {
          y += outputs[i][j] * stateEstimate[j];
        }
        integral[i] += period * (reference[i] - y);
      }
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
