package org.doppel.plugins.controllers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.plugins.controllers.PidController.PidSettings;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;

/** The stepped PID loops of {@link PidController}. Not thread-safe: one law, one loop. */
final class PidLaw implements ControlLaw {

  private final PidSettings settings;
  private final double[][] outputs;
  private final double[] reference;
  private final double period;
  private final InputLimits limits;
  private final double[] integral;
  private final double[] derivative;
  private final double[] lastError;
  private double[] previous;
  private long steps;
  private long limitedSteps;

  PidLaw(PidSettings settings, double[][] outputs, double[] reference, double period,
      InputLimits limits) {
    this.settings = settings;
    this.outputs = outputs;
    this.reference = reference;
    this.period = period;
    this.limits = limits;
    this.integral = new double[outputs.length];
    this.derivative = new double[outputs.length];
    this.lastError = new double[outputs.length];
  }

  @Override
  public double[] input(long step, double[] stateEstimate, double[][] disturbanceForecast) {
    int loops = outputs.length;
    if (stateEstimate.length != outputs[0].length) {
      throw new PluginException("state estimate has " + stateEstimate.length + " values for "
          + outputs[0].length + " states");
    }
    double[] error = new double[loops];
    double[] wanted = new double[loops];
    for (int i = 0; i < loops; i++) {
      double y = 0;
      for (int j = 0; j < stateEstimate.length; j++) {
        y += outputs[i][j] * stateEstimate[j];
      }
      error[i] = reference[i] - y;
      wanted[i] = settings.kp() * error[i] + integral[i] + derivativeTerm(i, error[i]);
    }

    double[] u = limits.apply(wanted, previous);
    boolean limited = false;
    for (int i = 0; i < loops; i++) {
      limited |= u[i] != wanted[i];
      updateIntegral(i, error[i], u[i] - wanted[i]);
      lastError[i] = error[i];
    }
    if (limited) {
      limitedSteps++;
    }
    steps++;
    previous = u;
    return u.clone();
  }

  /** The filtered derivative term, zero on the first step (no previous error to difference). */
  private double derivativeTerm(int i, double error) {
    if (settings.td() == 0) {
      return 0;
    }
    if (steps == 0) {
      return 0;
    }
    double filterTime = settings.td() / settings.filter();
    derivative[i] = (filterTime * derivative[i] + settings.kp() * settings.td()
        * (error - lastError[i])) / (filterTime + period);
    return derivative[i];
  }

  private void updateIntegral(int i, double error, double clipped) {
    if (!settings.integral()) {
      return;
    }
    integral[i] += settings.kp() * period / settings.ti() * error;
    if (settings.antiWindup()) {
      // A tracking gain above one per step would overshoot the limit it tracks.
      integral[i] += Math.min(1, period / settings.tt()) * clipped;
    }
  }

  /** The integral term of loop {@code i}, in input units. */
  double integralState(int i) {
    return integral[i];
  }

  @Override
  public Map<String, Object> diagnostics() {
    Map<String, Object> diagnostics = new LinkedHashMap<>();
    diagnostics.put("kp", settings.kp());
    diagnostics.put("ti", settings.integral() ? settings.ti() : "none");
    diagnostics.put("td", settings.td());
    diagnostics.put("anti_windup", settings.antiWindup());
    diagnostics.put("loops", outputs.length);
    diagnostics.put("steps", steps);
    diagnostics.put("limited_steps", limitedSteps);
    return diagnostics;
  }
}
