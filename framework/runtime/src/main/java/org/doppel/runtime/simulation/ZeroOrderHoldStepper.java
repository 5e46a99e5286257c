package org.doppel.runtime.simulation;

import org.doppel.sdk.dynamics.Linearization;

/** x[k+1] = Ad x + Bd u + Gd w from a discretised linear model, over flat row-major arrays. */
final class ZeroOrderHoldStepper implements PlantStepper {

  private final int n;
  private final int m;
  private final int d;
  private final double[] ad;
  private final double[] bd;
  private final double[] gd;

  ZeroOrderHoldStepper(Linearization discrete) {
    n = discrete.states();
    m = discrete.inputs();
    d = discrete.disturbances();
    ad = flatten(discrete.a(), n);
    bd = flatten(discrete.b(), m);
    gd = flatten(discrete.g(), d);
  }

  @Override
  public void step(long step, double time, double[] x, double[] u, double[] w,
      double[] next) {
    for (int i = 0; i < n; i++) {
      double sum = 0;
      int row = i * n;
      for (int j = 0; j < n; j++) {
        sum += ad[row + j] * x[j];
      }
      row = i * m;
      for (int j = 0; j < m; j++) {
        sum += bd[row + j] * u[j];
      }
      row = i * d;
      for (int j = 0; j < d; j++) {
        sum += gd[row + j] * w[j];
      }
      next[i] = sum;
    }
  }

  private static double[] flatten(double[][] matrix, int columns) {
    double[] flat = new double[matrix.length * columns];
    for (int i = 0; i < matrix.length; i++) {
      System.arraycopy(matrix[i], 0, flat, i * columns, columns);
    }
    return flat;
  }
}
