package org.doppel.sdk.domain;

import java.util.Objects;

/**
 * The disturbance w[k] at each step of a simulation; its length sets how many steps are
 * simulated. w[k] is held over the step from t = k·dt to (k + 1)·dt.
 *
 * <p>A domain may compute w[k] on demand rather than hold millions of rows. Implementations
 * must be safe to read from the one simulating thread; the factories' sequences are
 * immutable views (see {@link #of}).
 */
public interface Disturbance {

  /** How many steps the sequence covers. */
  long steps();

  /** How many disturbance inputs each step has. */
  int width();

  /**
   * Writes w[step] into {@code target}, which has {@link #width()} entries.
   *
   * @param step from 0 to {@code steps() - 1}
   */
  void fill(long step, double[] target);

  /**
   * The rows {@code [step][d]} as a sequence, without copying: the caller must not change
   * them while a simulation runs.
   *
   * @throws IllegalArgumentException when the rows differ in length
   */
  static Disturbance of(double[][] rows) {
    Objects.requireNonNull(rows, "rows");
    int width = rows.length == 0 ? 0 : rows[0].length;
    for (int k = 0; k < rows.length; k++) {
      if (rows[k].length != width) {
        throw new IllegalArgumentException("disturbance row " + k + " has " + rows[k].length
            + " values, row 0 has " + width);
      }
    }
    return new Disturbance() {
      @Override
      public long steps() {
        return rows.length;
      }

      @Override
      public int width() {
        return width;
      }

      @Override
      public void fill(long step, double[] target) {
        System.arraycopy(rows[(int) step], 0, target, 0, width);
      }
    };
  }

  /** {@code steps} steps with no disturbance inputs (for plants that have none). */
  static Disturbance none(long steps) {
    return zero(steps, 0);
  }

  /** {@code steps} steps of a zero disturbance with {@code width} inputs. */
  static Disturbance zero(long steps, int width) {
    if (steps < 0 || width < 0) {
      throw new IllegalArgumentException("steps and width must not be negative, got " + steps
          + " and " + width);
    }
    return new Disturbance() {
      @Override
      public long steps() {
        return steps;
      }

      @Override
      public int width() {
        return width;
      }

      @Override
      public void fill(long step, double[] target) {
        java.util.Arrays.fill(target, 0, width, 0.0);
      }
    };
  }
}
