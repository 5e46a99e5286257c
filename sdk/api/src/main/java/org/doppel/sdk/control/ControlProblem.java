package org.doppel.sdk.control;

import java.util.Arrays;
import java.util.Objects;
import org.doppel.sdk.dynamics.Linearization;

/**
 * What a controller is asked to control.
 *
 * @param plant the linear model at the operating point
 * @param stateWeight Q, n x n, positive semidefinite
 * @param inputWeight R, m x m, positive definite
 * @param outputMatrix C, p x n: the outputs y = C x that set-point controllers (PID) track
 * @param reference the set-point r for y, of length p
 * @param bounds limits on inputs, input rates and states
 * @param samplePeriod seconds between control steps (the law is discrete even when the
 *     plant is continuous)
 */
public record ControlProblem(Linearization plant, double[][] stateWeight,
    double[][] inputWeight, double[][] outputMatrix, double[] reference, Bounds bounds,
    double samplePeriod) {

  public ControlProblem {
    Objects.requireNonNull(plant, "plant");
    stateWeight = copy(stateWeight);
    inputWeight = copy(inputWeight);
    outputMatrix = copy(outputMatrix);
    reference = reference.clone();
    Objects.requireNonNull(bounds, "bounds");
    if (!(samplePeriod > 0)) {
      throw new IllegalArgumentException("control sample period must be positive, got "
          + samplePeriod);
    }
  }

  @Override
  public double[][] stateWeight() {
    return copy(stateWeight);
  }

  @Override
  public double[][] inputWeight() {
    return copy(inputWeight);
  }

  @Override
  public double[][] outputMatrix() {
    return copy(outputMatrix);
  }

  @Override
  public double[] reference() {
    return reference.clone();
  }

  private static double[][] copy(double[][] m) {
    return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
  }

  /**
   * Limits; a {@code null} array means unbounded, and each array has one entry per input or
   * state ({@code Double.POSITIVE_INFINITY} for an unbounded entry).
   */
  public record Bounds(double[] inputMin, double[] inputMax, double[] inputRateMax,
      double[] stateMin, double[] stateMax) {

    public Bounds {
      inputMin = inputMin == null ? null : inputMin.clone();
      inputMax = inputMax == null ? null : inputMax.clone();
      inputRateMax = inputRateMax == null ? null : inputRateMax.clone();
      stateMin = stateMin == null ? null : stateMin.clone();
      stateMax = stateMax == null ? null : stateMax.clone();
    }

    public static Bounds none() {
      return new Bounds(null, null, null, null, null);
    }
  }
}
