package org.doppel.sdk.dynamics;

import java.util.Arrays;

/**
 * A linear model x' = A x + B u + G w (continuous, {@code samplePeriod == 0}) or
 * x[k+1] = A x[k] + B u[k] + G w[k] (discrete) around an operating point.
 *
 * <p>Immutable: arrays are copied in and out.
 *
 * @param a the state matrix, n x n
 * @param b the input matrix, n x m
 * @param g the disturbance matrix, n x d (d may be 0)
 * @param samplePeriod 0 for continuous time, else seconds per step
 */
public record Linearization(double[][] a, double[][] b, double[][] g, double samplePeriod) {

  public Linearization {
    a = copy(a);
    b = copy(b);
    g = copy(g);
    int n = a.length;
    for (double[] row : a) {
      if (row.length != n) {
        throw new IllegalArgumentException("A must be square, got a row of " + row.length
            + " in " + n + " rows");
      }
    }
    if (b.length != n || g.length != n) {
      throw new IllegalArgumentException("B and G need " + n + " rows, got " + b.length
          + " and " + g.length);
    }
    if (samplePeriod < 0 || !Double.isFinite(samplePeriod)) {
      throw new IllegalArgumentException("sample period must be 0 or positive, got "
          + samplePeriod);
    }
  }

  public int states() {
    return a.length;
  }

  public int inputs() {
    return b.length == 0 ? 0 : b[0].length;
  }

  public int disturbances() {
    return g.length == 0 ? 0 : g[0].length;
  }

  public boolean continuous() {
    return samplePeriod == 0;
  }

  /**
   * The zero-order-hold discretisation of this continuous model with sample period
   * {@code period}: inputs and disturbances are held constant over each step. Computed
   * exactly from the exponential of the augmented matrix [[A, B, G], [0, 0, 0]].
   *
   * @throws IllegalStateException when this model is already discrete
   */
  public Linearization discretize(double period) {
    if (!continuous()) {
      throw new IllegalStateException("model is already discrete (period " + samplePeriod
          + " s)");
    }
    if (!(period > 0) || !Double.isFinite(period)) {
      throw new IllegalArgumentException("sample period must be positive, got " + period);
    }
    int n = states();
    int m = inputs();
    int d = disturbances();
    int size = n + m + d;
    double[][] augmented = new double[size][size];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        augmented[i][j] = a[i][j] * period;
      }
      for (int j = 0; j < m; j++) {
        augmented[i][n + j] = b[i][j] * period;
      }
      for (int j = 0; j < d; j++) {
        augmented[i][n + m + j] = g[i][j] * period;
      }
    }
    double[][] exp = MatrixExponential.of(augmented);
    double[][] ad = new double[n][n];
    double[][] bd = new double[n][m];
    double[][] gd = new double[n][d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(exp[i], 0, ad[i], 0, n);
      System.arraycopy(exp[i], n, bd[i], 0, m);
      System.arraycopy(exp[i], n + m, gd[i], 0, d);
    }
    return new Linearization(ad, bd, gd, period);
  }

  @Override
  public double[][] a() {
    return copy(a);
  }

  @Override
  public double[][] b() {
    return copy(b);
  }

  @Override
  public double[][] g() {
    return copy(g);
  }

  private static double[][] copy(double[][] m) {
    return Arrays.stream(m).map(double[]::clone).toArray(double[][]::new);
  }
}
