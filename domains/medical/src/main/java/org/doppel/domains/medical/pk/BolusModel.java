package org.doppel.domains.medical.pk;

import java.util.Arrays;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.MatrixExponential;

/**
 * A plant sampled at its dosing times, with each dose a bolus given at the start of an
 * interval: x[k+1] = Φ (x[k] + b u[k]), where Φ = e^(A T), b the unit vector of the dosed
 * state and x[k] the state just before dose k. Besides the plant's states the model carries
 * the concentration at {@code hours} points spread over each interval and the mean
 * concentration over the interval, all linear in x[k] + b u[k]; a controller can then weigh
 * and bound the whole concentration profile, not only the trough. Immutable.
 *
 * <p>Augmented state z = (x, c(T/J), c(2T/J), ..., c(T), mean c), n + J + 1 entries.
 *
 * <p>The concentration entries do not depend on their own past, which makes n + J + 1 - n
 * exact zero eigenvalues; Commons Math 3.6's non-symmetric eigen-solver (used by the
 * controllers' design checks) fails to converge on such a block of zeros. Each of those
 * entries therefore keeps {@link #MEMORY} times j of its previous value, distinct tiny
 * eigenvalues that change the predicted concentrations by about 1e-9 relative.
 */
final class BolusModel {

  /** The self-weight of the concentration entries (see the class comment). */
  static final double MEMORY = 1e-9;

  final int states;
  final int points;
  final double[][] a;
  final double[][] b;
  final double periodS;

  private BolusModel(int states, int points, double[][] a, double[][] b, double periodS) {
    this.states = states;
    this.points = points;
    this.a = a;
    this.b = b;
    this.periodS = periodS;
  }

  /**
   * The model of {@code plant} dosed every {@code periodS} seconds with {@code points}
   * concentration points per interval.
   */
  static BolusModel of(PkPlant plant, double periodS, int points) {
    double[][] continuous = plant.linearize(new double[plant.stateNames().size()],
        new double[1]).a();
    int n = continuous.length;
    double[] central = new double[n];
    central[plant.centralState()] = 1 / plant.volumeL();
    double[] dose = new double[n];
    dose[plant.doseState()] = 1;

    int size = n + points + 1;
    double[][] a = new double[size][size];
    double[][] b = new double[size][1];
    double[][] transition = MatrixExponential.of(scaled(continuous, periodS));
    for (int i = 0; i < n; i++) {
      a[i] = Arrays.copyOf(transition[i], size);
      b[i][0] = dot(transition[i], dose);
    }
    for (int j = 1; j <= points; j++) {
      double[] row = rowTimes(central, MatrixExponential.of(
          scaled(continuous, periodS * j / points)));
      a[n + j - 1] = Arrays.copyOf(row, size);
      a[n + j - 1][n + j - 1] = MEMORY * j;
      b[n + j - 1][0] = dot(row, dose);
    }
    double[] mean = rowTimes(central, integral(continuous, periodS));
    for (int i = 0; i < n; i++) {
      mean[i] /= periodS;
    }
    a[n + points] = Arrays.copyOf(mean, size);
    a[n + points][n + points] = MEMORY * (points + 1);
    b[n + points][0] = dot(mean, dose);
    return new BolusModel(n, points, a, b, periodS);
  }

  /** The discrete linear model for a controller. */
  Linearization linearization() {
    return new Linearization(a, b, new double[a.length][0], periodS);
  }

  /** z[k+1] for z[k] and a dose. */
  double[] next(double[] z, double doseMg) {
    double[] result = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      result[i] = dot(a[i], z) + b[i][0] * doseMg;
    }
    return result;
  }

  /**
   * The steady state held by the constant dose that makes the interval's mean concentration
   * {@code meanConcentration}: z_ss and u_ss, z_ss = A z_ss + B u_ss.
   */
  Steady steady(double meanConcentration) {
    // Per unit dose, iterate z = A z + B: the plant's part converges geometrically (A's
    // plant block is a stable transition matrix); the other entries follow in one step.
    double[] z = new double[a.length];
    for (int k = 0; k < 100_000; k++) {
      double[] next = next(z, 1);
      double change = 0;
      for (int i = 0; i < z.length; i++) {
        change = Math.max(change, Math.abs(next[i] - z[i]));
      }
      z = next;
      if (change < 1e-15 * Math.max(1, Math.abs(z[z.length - 1]))) {
        break;
      }
    }
    double perMg = z[z.length - 1];
    double dose = meanConcentration / perMg;
    double[] state = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      state[i] = z[i] * dose;
    }
    return new Steady(state, dose);
  }

  record Steady(double[] state, double dose) {
  }

  /** ∫_0^T e^(Aτ) dτ, the top-right block of e^([[A, I], [0, 0]] T). */
  private static double[][] integral(double[][] a, double period) {
    int n = a.length;
    double[][] augmented = new double[2 * n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        augmented[i][j] = a[i][j] * period;
      }
      augmented[i][n + i] = period;
    }
    double[][] exp = MatrixExponential.of(augmented);
    double[][] result = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(exp[i], n, result[i], 0, n);
    }
    return result;
  }

  private static double[][] scaled(double[][] m, double factor) {
    double[][] result = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      result[i] = Arrays.stream(m[i]).map(v -> v * factor).toArray();
    }
    return result;
  }

  private static double[] rowTimes(double[] row, double[][] m) {
    double[] result = new double[m[0].length];
    for (int i = 0; i < row.length; i++) {
      for (int j = 0; j < result.length; j++) {
        result[j] += row[i] * m[i][j];
      }
    }
    return result;
  }

  private static double dot(double[] x, double[] y) {
    double sum = 0;
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }
}
