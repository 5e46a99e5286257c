package org.doppel.plugins.controllers;

import java.util.Arrays;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlProblem;

/**
 * The state bounds of a problem; infinite entries are unbounded.
 *
 * @param min lower bounds, one per state
 * @param max upper bounds, one per state
 */
record StateLimits(double[] min, double[] max) {

  static StateLimits of(ControlProblem problem, int states) {
    ControlProblem.Bounds bounds = problem.bounds();
    double[] min = filled(bounds.stateMin(), states, Double.NEGATIVE_INFINITY, "stateMin");
    double[] max = filled(bounds.stateMax(), states, Double.POSITIVE_INFINITY, "stateMax");
    for (int i = 0; i < states; i++) {
      if (Double.isNaN(min[i]) || Double.isNaN(max[i]) || !(min[i] <= max[i])) {
        throw new PluginException("state bounds of state " + i + " are empty or invalid: min "
            + min[i] + ", max " + max[i]);
      }
    }
    return new StateLimits(min, max);
  }

  private static double[] filled(double[] given, int states, double unbounded, String name) {
    if (given == null) {
      double[] all = new double[states];
      Arrays.fill(all, unbounded);
      return all;
    }
    if (given.length != states) {
      throw new PluginException("bounds." + name + " has " + given.length + " entries for "
          + states + " states");
    }
    return given.clone();
  }
}
