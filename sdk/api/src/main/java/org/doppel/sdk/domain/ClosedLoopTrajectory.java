package org.doppel.sdk.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated closed loop: what the plant did under a controller.
 *
 * @param controller the controller's id
 * @param time seconds from the start, one per step
 * @param states {@code [step][n]}
 * @param inputs {@code [step][m]}
 * @param disturbances {@code [step][d]}
 * @param stateNames names of the states
 * @param inputNames names of the inputs
 * @param statistics statistics of every signal (states, inputs, disturbances, outputs) by
 *     name, accumulated over every simulated step even when the samples above are
 *     decimated; empty when the simulator kept none
 */
public record ClosedLoopTrajectory(String controller, double[] time, double[][] states,
    double[][] inputs, double[][] disturbances, List<String> stateNames,
    List<String> inputNames, Map<String, SignalStatistics> statistics) {

  public ClosedLoopTrajectory {
    stateNames = List.copyOf(stateNames);
    inputNames = List.copyOf(inputNames);
    statistics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statistics));
  }

  /** One state's values over time. */
  public double[] state(String name) {
    int index = stateNames.indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("no state '" + name + "'; states: " + stateNames);
    }
    double[] result = new double[states.length];
    for (int k = 0; k < states.length; k++) {
      result[k] = states[k][index];
    }
    return result;
  }
}
