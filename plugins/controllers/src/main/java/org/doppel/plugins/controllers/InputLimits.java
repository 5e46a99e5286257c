package org.doppel.plugins.controllers;

import java.util.Arrays;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlProblem;

/**
 * The input bounds and rate limits of a problem, applied to a wanted input.
 *
 * <p>{@code inputRateMax} is read as a rate in input units per second, so one step may move
 * an input by at most {@code inputRateMax · samplePeriod}; the first step is not rate
 * limited (there is no previous input). Immutable and thread-safe.
 */
final class InputLimits {

  private final double[] min;
  private final double[] max;
  private final double[] stepMax;

  private InputLimits(double[] min, double[] max, double[] stepMax) {
    this.min = min;
    this.max = max;
    this.stepMax = stepMax;
  }

  /** The limits of {@code problem} for its {@code inputs} inputs, checked. */
  static InputLimits of(ControlProblem problem, int inputs) {
    ControlProblem.Bounds bounds = problem.bounds();
    double[] min = filled(bounds.inputMin(), inputs, Double.NEGATIVE_INFINITY, "inputMin");
    double[] max = filled(bounds.inputMax(), inputs, Double.POSITIVE_INFINITY, "inputMax");
    double[] rate = filled(bounds.inputRateMax(), inputs, Double.POSITIVE_INFINITY,
        "inputRateMax");
    double[] stepMax = new double[inputs];
    for (int j = 0; j < inputs; j++) {
      if (Double.isNaN(min[j]) || Double.isNaN(max[j]) || !(min[j] <= max[j])) {
        throw new PluginException("input bounds of input " + j + " are empty or invalid: min "
            + min[j] + ", max " + max[j]);
      }
      if (!(rate[j] > 0)) {
        throw new PluginException("input rate limit of input " + j + " must be positive, got "
            + rate[j]);
      }
      stepMax[j] = rate[j] * problem.samplePeriod();
    }
    return new InputLimits(min, max, stepMax);
  }

  private static double[] filled(double[] given, int inputs, double unbounded, String name) {
    if (given == null) {
      double[] all = new double[inputs];
      Arrays.fill(all, unbounded);
      return all;
    }
    if (given.length != inputs) {
      throw new PluginException("bounds." + name + " has " + given.length + " entries for "
          + inputs + " inputs");
    }
    return given.clone();
  }

  /**
   * {@code wanted} moved into the rate limits around {@code previous} (skipped when null),
   * then into the bounds; the result is a new array.
   */
  double[] apply(double[] wanted, double[] previous) {
    double[] u = new double[wanted.length];
    for (int j = 0; j < u.length; j++) {
      double value = wanted[j];
      if (previous != null) {
        value = withinStep(value, previous[j], stepMax[j]);
      }
      u[j] = Math.max(min[j], Math.min(max[j], value));
    }
    return u;
  }

  /**
   * {@code value} moved to within {@code step} of {@code previous}, so that the difference
   * as a checker computes it, |u - previous|, does not exceed {@code step} after rounding.
   */
  private static double withinStep(double value, double previous, double step) {
    if (!Double.isFinite(step)) {
      return value;
    }
    double limited = Math.max(previous - step, Math.min(previous + step, value));
    while (limited - previous > step) {
      limited = Math.nextDown(limited);
    }
    while (previous - limited > step) {
      limited = Math.nextUp(limited);
    }
    return limited;
  }

  double min(int j) {
    return min[j];
  }

  double max(int j) {
    return max[j];
  }

  double stepMax(int j) {
    return stepMax[j];
  }

  boolean rateLimited() {
    return Arrays.stream(stepMax).anyMatch(Double::isFinite);
  }

  int inputs() {
    return min.length;
  }
}
