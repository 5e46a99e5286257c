package org.doppel.domains.traffic.grid;

import java.util.Arrays;

/**
 * The signal constraints every policy meets at every junction: the greens of its two stages
 * sum to the cycle minus the lost time, and each lies within [minimum, maximum] green.
 * Immutable and thread-safe.
 *
 * @param cycleSeconds the cycle C, s
 * @param lostSeconds the lost time L per cycle (inter-greens), s
 * @param minGreenSeconds the least green of a stage, s
 */
public record SignalTiming(double cycleSeconds, double lostSeconds, double minGreenSeconds) {

  /** Tolerance of {@link #check}, s. */
  public static final double TOLERANCE = 1e-9;

  public SignalTiming {
    if (!(cycleSeconds > 0) || !(lostSeconds >= 0) || !(minGreenSeconds >= 0)) {
      throw new IllegalArgumentException("cycle must be positive and lost time and minimum"
          + " green not negative, got " + cycleSeconds + ", " + lostSeconds + " and "
          + minGreenSeconds);
    }
    if (2 * minGreenSeconds > cycleSeconds - lostSeconds) {
      throw new IllegalArgumentException("two minimum greens of " + minGreenSeconds + " s do"
          + " not fit in a cycle of " + cycleSeconds + " s with " + lostSeconds + " s lost");
    }
  }

  /** The green time shared by the two stages, C − L. */
  public double effectiveGreen() {
    return cycleSeconds - lostSeconds;
  }

  /** The largest green of a stage: C − L minus the other stage's minimum. */
  public double maxGreenSeconds() {
    return effectiveGreen() - minGreenSeconds;
  }

  /** The equal split, (C − L) / 2 per stage. */
  public double equalGreen() {
    return effectiveGreen() / 2;
  }

  /**
   * The greens of every junction for north-south greens {@code ns}: each clipped to
   * [minimum, maximum], east-west the rest of C − L.
   */
  public double[] greens(double[] ns) {
    double[] greens = new double[2 * ns.length];
    for (int j = 0; j < ns.length; j++) {
      double g = Math.max(minGreenSeconds, Math.min(maxGreenSeconds(), ns[j]));
      greens[2 * j] = g;
      greens[2 * j + 1] = effectiveGreen() - g;
    }
    return greens;
  }

  /**
   * Fails unless {@code greens} (two per junction) sum to C − L per junction and lie within
   * the bounds.
   */
  public void check(double[] greens) {
    for (int j = 0; 2 * j + 1 < greens.length; j++) {
      double ns = greens[2 * j];
      double ew = greens[2 * j + 1];
      boolean bounded = ns >= minGreenSeconds - TOLERANCE && ew >= minGreenSeconds - TOLERANCE
          && ns <= maxGreenSeconds() + TOLERANCE && ew <= maxGreenSeconds() + TOLERANCE;
      if (!bounded || Math.abs(ns + ew - effectiveGreen()) > TOLERANCE) {
        throw new IllegalStateException("junction " + j + " greens " + Arrays.toString(
            new double[] {ns, ew}) + " break the timing " + this);
      }
    }
  }
}
