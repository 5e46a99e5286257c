package org.doppel.domains.medical.pk;

import java.util.Arrays;

/**
 * States of a plant at increasing times.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param times the times, in the plant's unit (seconds)
 * @param states {@code [time][state]}
 */
public record Trajectory(double[] times, double[][] states) {

  public Trajectory {
    times = times.clone();
    states = Arrays.stream(states).map(double[]::clone).toArray(double[][]::new);
    if (times.length != states.length) {
      throw new IllegalArgumentException(times.length + " times for " + states.length
          + " states");
    }
  }

  @Override
  public double[] times() {
    return times.clone();
  }

  @Override
  public double[][] states() {
    return Arrays.stream(states).map(double[]::clone).toArray(double[][]::new);
  }

  public int size() {
    return times.length;
  }

  /** The state at index {@code i}, a copy. */
  public double[] state(int i) {
    return states[i].clone();
  }

  /** The last state, a copy. */
  public double[] last() {
    return states[states.length - 1].clone();
  }

  /** The last time. */
  public double end() {
    return times[times.length - 1];
  }
}
