package org.doppel.plugins.controllers.riccati;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** Small helpers on Commons Math matrices that the controllers share. Stateless. */
public final class Matrices {

  private Matrices() {
  }

  /** A copy of {@code values} (at least one row and column) as a matrix. */
  public static RealMatrix of(double[][] values) {
    return MatrixUtils.createRealMatrix(values);
  }

  public static RealMatrix identity(int n) {
    return MatrixUtils.createRealIdentityMatrix(n);
  }

  /**
   * X Y by a row-oriented loop over plain arrays. The Riccati iterations spend nearly all
   * their time in products; this loop, which the JIT vectorises, measured about four times
   * faster than {@code BlockRealMatrix.multiply} at n = 200 (docs/notes/controllers.md).
   */
  public static RealMatrix times(RealMatrix x, RealMatrix y) {
    double[][] a = x.getData();
    double[][] b = y.getData();
    int rows = a.length;
    int inner = b.length;
    int columns = y.getColumnDimension();
    double[][] c = new double[rows][columns];
    for (int i = 0; i < rows; i++) {
      double[] ci = c[i];
      double[] ai = a[i];
      for (int k = 0; k < inner; k++) {
        double aik = ai[k];
        if (aik == 0) {
          continue;
        }
        double[] bk = b[k];
        for (int j = 0; j < columns; j++) {
          ci[j] += aik * bk[j];
        }
      }
    }
    return new Array2DRowRealMatrix(c, false);
  }

  /** (M + M') / 2: removes the rounding asymmetry that products of symmetric terms pick up. */
  public static RealMatrix symmetrise(RealMatrix m) {
    return m.add(m.transpose()).scalarMultiply(0.5);
  }

  /** The largest |m_ij - m_ji| relative to the largest |m_ij| (0 for a zero matrix). */
  public static double asymmetry(RealMatrix m) {
    double worst = 0;
    double scale = 0;
    for (int i = 0; i < m.getRowDimension(); i++) {
      for (int j = 0; j < m.getColumnDimension(); j++) {
        worst = Math.max(worst, Math.abs(m.getEntry(i, j) - m.getEntry(j, i)));
        scale = Math.max(scale, Math.abs(m.getEntry(i, j)));
      }
    }
    return scale == 0 ? 0 : worst / scale;
  }

  public static boolean allFinite(RealMatrix m) {
    for (double[] row : m.getData()) {
      for (double v : row) {
        if (!Double.isFinite(v)) {
          return false;
        }
      }
    }
    return true;
  }

  /** Rows of {@code m} as lists, the shape diagnostics and JSON reports want. */
  public static List<List<Double>> rows(RealMatrix m) {
    List<List<Double>> rows = new ArrayList<>();
    for (double[] row : m.getData()) {
      List<Double> list = new ArrayList<>(row.length);
      for (double v : row) {
        list.add(v);
      }
      rows.add(list);
    }
    return rows;
  }
}
