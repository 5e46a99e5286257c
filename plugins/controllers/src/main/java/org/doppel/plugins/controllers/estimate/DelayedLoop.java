package org.doppel.plugins.controllers.estimate;

import java.util.List;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Stability of the loop x[k+1] = A x[k] − B K Σᵢ diag(αᵢ) x[k − dᵢ], written on the
 * stacked state (x[k], x[k−1], …, x[k−D]). Noise and bias do not change it; input clipping
 * is left out (the figure is that of the linear loop). Stateless.
 */
public final class DelayedLoop {

  private DelayedLoop() {
  }

  /**
   * The spectral radius of the stacked loop.
   *
   * @param weights α, {@code [state][sensor]}
   */
  public static double spectralRadius(double[][] a, double[][] b, double[][] gain,
      List<Sensor> sensors, double[][] weights) {
    int n = a.length;
    int depth = SensorChain.maxDelay(sensors) + 1;
    RealMatrix stacked = MatrixUtils.createRealMatrix(n * depth, n * depth);
    RealMatrix bk = MatrixUtils.createRealMatrix(b)
        .multiply(MatrixUtils.createRealMatrix(gain));
    stacked.setSubMatrix(a, 0, 0);
    for (int i = 0; i < sensors.size(); i++) {
      int column = sensors.get(i).delay() * n;
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < n; j++) {
          stacked.addToEntry(r, column + j, -bk.getEntry(r, j) * weights[j][i]);
        }
      }
    }
    for (int lag = 1; lag < depth; lag++) {
      for (int j = 0; j < n; j++) {
        stacked.setEntry(lag * n + j, (lag - 1) * n + j, 1);
      }
    }

    EigenDecomposition eigen = new EigenDecomposition(stacked);
    double radius = 0;
    for (int i = 0; i < n * depth; i++) {
      radius = Math.max(radius, Math.hypot(eigen.getRealEigenvalues()[i],
          eigen.getImagEigenvalues()[i]));
    }
    return radius;
  }
}
