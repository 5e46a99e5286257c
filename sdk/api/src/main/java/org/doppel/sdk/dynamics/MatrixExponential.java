package org.doppel.sdk.dynamics;

/**
 * The matrix exponential by scaling and squaring with a diagonal Padé approximant.
 *
 * <p>The matrix is scaled by 2^-s until its infinity norm is at most 1/2, where the
 * degree-6 Padé approximant is accurate to about machine precision, and the result is
 * squared s times. Good for the well-scaled, moderate-size matrices of plant models; not
 * tuned for n in the thousands.
 */
public final class MatrixExponential {

  private static final int DEGREE = 6;

  private MatrixExponential() {
  }

  /** e^M for a square matrix M. */
  public static double[][] of(double[][] m) {
    int n = m.length;
    double norm = infinityNorm(m);
    int squarings = 0;
    if (norm > 0.5) {
      squarings = Math.max(0, (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)));
    }
    double[][] scaled = scale(m, Math.pow(2, -squarings));

    // N(X) = sum c_j X^j, D(X) = sum c_j (-X)^j, with the diagonal Padé coefficients.
    double[][] numerator = identity(n);
    double[][] denominator = identity(n);
    double[][] power = identity(n);
    double c = 1;
    for (int j = 1; j <= DEGREE; j++) {
      c = c * (DEGREE - j + 1) / (j * (2.0 * DEGREE - j + 1));
      power = multiply(power, scaled);
      double sign = (j % 2 == 0) ? 1 : -1;
      addScaled(numerator, power, c);
      addScaled(denominator, power, sign * c);
    }
    double[][] result = solve(denominator, numerator);

    for (int k = 0; k < squarings; k++) {
      result = multiply(result, result);
    }
    return result;
  }

  static double[][] multiply(double[][] a, double[][] b) {
    int rows = a.length;
    int inner = b.length;
    int cols = inner == 0 ? 0 : b[0].length;
    double[][] c = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      double[] ci = c[i];
      for (int k = 0; k < inner; k++) {
        double aik = a[i][k];
        if (aik == 0) {
          continue;
        }
        double[] bk = b[k];
        for (int j = 0; j < cols; j++) {
          ci[j] += aik * bk[j];
        }
      }
    }
    return c;
  }

  /** Solves D X = N by Gaussian elimination with partial pivoting. */
  private static double[][] solve(double[][] d, double[][] rhs) {
    int n = d.length;
    double[][] a = new double[n][];
    double[][] x = new double[n][];
    for (int i = 0; i < n; i++) {
      a[i] = d[i].clone();
      x[i] = rhs[i].clone();
    }
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int row = col + 1; row < n; row++) {
        if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
          pivot = row;
        }
      }
      if (a[pivot][col] == 0) {
        throw new ArithmeticException("Padé denominator is singular");
      }
      double[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      swap = x[col];
      x[col] = x[pivot];
      x[pivot] = swap;
      for (int row = col + 1; row < n; row++) {
        double factor = a[row][col] / a[col][col];
        if (factor == 0) {
          continue;
        }
        for (int k = col; k < n; k++) {
          a[row][k] -= factor * a[col][k];
        }
        for (int k = 0; k < n; k++) {
          x[row][k] -= factor * x[col][k];
        }
      }
    }
    for (int row = n - 1; row >= 0; row--) {
      for (int k = row + 1; k < n; k++) {
        double factor = a[row][k];
        if (factor != 0) {
          for (int j = 0; j < n; j++) {
            x[row][j] -= factor * x[k][j];
          }
        }
      }
      for (int j = 0; j < n; j++) {
        x[row][j] /= a[row][row];
      }
    }
    return x;
  }

  private static double infinityNorm(double[][] m) {
    double norm = 0;
    for (double[] row : m) {
      double sum = 0;
      for (double v : row) {
        sum += Math.abs(v);
      }
      norm = Math.max(norm, sum);
    }
    return norm;
  }

  private static double[][] scale(double[][] m, double factor) {
    double[][] result = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      result[i] = m[i].clone();
      for (int j = 0; j < result[i].length; j++) {
        result[i][j] *= factor;
      }
    }
    return result;
  }

  private static void addScaled(double[][] target, double[][] m, double factor) {
    for (int i = 0; i < target.length; i++) {
      for (int j = 0; j < target[i].length; j++) {
        target[i][j] += factor * m[i][j];
      }
    }
  }

  private static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1;
    }
    return id;
  }
}
