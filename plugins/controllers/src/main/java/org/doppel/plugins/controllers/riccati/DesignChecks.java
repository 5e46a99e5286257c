package org.doppel.plugins.controllers.riccati;

import java.util.Locale;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.doppel.sdk.PluginException;

/**
 * The conditions under which an infinite-horizon LQR design has a unique stabilising
 * solution, each checked with an error that names the failing condition: R symmetric
 * positive definite, Q symmetric positive semidefinite, (A, B) stabilisable and
 * (A, Q^½) detectable.
 *
 * <p>Stabilisability and detectability use the Popov–Belevitch–Hautus test on every
 * eigenvalue that is not strictly stable (Re λ ≥ 0 in continuous time, |λ| ≥ 1 in discrete
 * time): [A - λI, B] must have full row rank, and [A - λI; Q] full column rank (Q and Q^½
 * share their null space). The rank is decided on the singular values of the complex matrix
 * (through its real embedding) with a tolerance of 1e-9 times its scale, so an eigenvalue a
 * hair from the boundary counts as on it. Stateless and thread-safe.
 */
public final class DesignChecks {

  private static final double RANK_TOLERANCE = 1e-9;
  private static final double SYMMETRY_TOLERANCE = 1e-10;
  private static final double BOUNDARY_TOLERANCE = 1e-10;

  private DesignChecks() {
  }

  /** Checks all four conditions; {@code continuous} chooses the stability region. */
  public static void check(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r,
      boolean continuous) {
    checkShapes(a, b, q, r);
    checkInputWeight(r);
    checkStateWeight(q);
    checkStabilisable(a, b, continuous);
    checkDetectable(a, q, continuous);
  }

  static void checkShapes(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
    int n = a.getRowDimension();
    int m = b.getColumnDimension();
    require(a.isSquare(), "A must be square, got " + shape(a));
    require(b.getRowDimension() == n, "B must have " + n + " rows like A, got " + shape(b));
    require(q.getRowDimension() == n && q.isSquare(), "Q must be " + n + " x " + n + ", got "
        + shape(q));
    require(r.getRowDimension() == m && r.isSquare(), "R must be " + m + " x " + m + ", got "
        + shape(r));
    for (RealMatrix m1 : new RealMatrix[] {a, b, q, r}) {
      require(Matrices.allFinite(m1), "A, B, Q and R must be finite");
    }
  }

  /** R must be symmetric positive definite. */
  public static void checkInputWeight(RealMatrix r) {
    require(Matrices.asymmetry(r) <= SYMMETRY_TOLERANCE, "R must be symmetric");
    double smallest = smallestEigenvalue(r);
    double scale = Math.max(r.getNorm(), Double.MIN_NORMAL);
    require(smallest > RANK_TOLERANCE * scale, "R must be positive definite, but its"
        + " smallest eigenvalue is " + format(smallest));
  }

  /** Q must be symmetric positive semidefinite. */
  public static void checkStateWeight(RealMatrix q) {
    require(Matrices.asymmetry(q) <= SYMMETRY_TOLERANCE, "Q must be symmetric");
    double smallest = smallestEigenvalue(q);
    double scale = Math.max(q.getNorm(), Double.MIN_NORMAL);
    require(smallest >= -RANK_TOLERANCE * scale, "Q must be positive semidefinite, but its"
        + " smallest eigenvalue is " + format(smallest));
  }

  /** PBH: no eigenvalue outside the stability region may be uncontrollable. */
  public static void checkStabilisable(RealMatrix a, RealMatrix b, boolean continuous) {
    int n = a.getRowDimension();
    Eigenvalues eigenvalues = eigenvalues(a);
    for (int i = 0; i < n; i++) {
      double re = eigenvalues.re[i];
      double im = eigenvalues.im[i];
      if (stable(re, im, continuous)) {
        continue;
      }
      if (!fullRank(a, re, im, b)) {
        throw new PluginException("(A, B) is not stabilisable: the " + region(re, im,
            continuous) + " eigenvalue " + complex(re, im) + " of A is uncontrollable (PBH"
            + " test: [A - λI, B] loses rank)");
      }
    }
  }

  /** PBH on the dual: no eigenvalue outside the stability region may be unobservable. */
  public static void checkDetectable(RealMatrix a, RealMatrix q, boolean continuous) {
    int n = a.getRowDimension();
    Eigenvalues eigenvalues = eigenvalues(a);
    for (int i = 0; i < n; i++) {
      double re = eigenvalues.re[i];
      double im = eigenvalues.im[i];
      if (stable(re, im, continuous)) {
        continue;
      }
      if (!fullRank(a.transpose(), re, -im, q.transpose())) {
        throw new PluginException("(A, Q^½) is not detectable: the " + region(re, im,
            continuous) + " eigenvalue " + complex(re, im) + " of A is not seen by Q (PBH"
            + " test: [A - λI; Q] loses rank)");
      }
    }
  }

  private static boolean stable(double re, double im, boolean continuous) {
    if (continuous) {
      return re < -BOUNDARY_TOLERANCE;
    }
    return Math.hypot(re, im) < 1 - BOUNDARY_TOLERANCE;
  }

  private static String region(double re, double im, boolean continuous) {
    boolean marginal = continuous ? Math.abs(re) <= BOUNDARY_TOLERANCE
        : Math.abs(Math.hypot(re, im) - 1) <= BOUNDARY_TOLERANCE;
    return marginal ? "marginal" : "unstable";
  }

  /**
   * Whether [M - λI, N] (M n x n, N n x k) has full row rank n for complex λ, from the
   * singular values of the real embedding [[X, -Y], [Y, X]] of X + iY, which repeats each
   * singular value of the complex matrix twice.
   */
  private static boolean fullRank(RealMatrix m, double re, double im, RealMatrix extra) {
    int n = m.getRowDimension();
    int k = extra.getColumnDimension();
    RealMatrix embedded = MatrixUtils.createRealMatrix(2 * n, 2 * (n + k));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double x = m.getEntry(i, j) - (i == j ? re : 0);
        double y = i == j ? -im : 0;
        embedded.setEntry(i, j, x);
        embedded.setEntry(i, n + k + j, -y);
        embedded.setEntry(n + i, j, y);
        embedded.setEntry(n + i, n + k + j, x);
      }
      for (int j = 0; j < k; j++) {
        embedded.setEntry(i, n + j, extra.getEntry(i, j));
        embedded.setEntry(n + i, 2 * n + k + j, extra.getEntry(i, j));
      }
    }
    double[] singular = new SingularValueDecomposition(embedded).getSingularValues();
    double scale = Math.max(1, Math.max(m.getNorm(), extra.getNorm()));
    return singular[2 * n - 1] > RANK_TOLERANCE * scale;
  }

  private record Eigenvalues(double[] re, double[] im) {
  }

  private static Eigenvalues eigenvalues(RealMatrix a) {
    try {
      EigenDecomposition eigen = new EigenDecomposition(a);
      return new Eigenvalues(eigen.getRealEigenvalues(), eigen.getImagEigenvalues());
    } catch (RuntimeException e) {
      throw new PluginException("the eigenvalues of A could not be computed for the"
          + " stabilisability test: " + e.getMessage(), e);
    }
  }

  private static double smallestEigenvalue(RealMatrix symmetric) {
    double[] values = new EigenDecomposition(Matrices.symmetrise(symmetric))
        .getRealEigenvalues();
    double smallest = Double.POSITIVE_INFINITY;
    for (double v : values) {
      smallest = Math.min(smallest, v);
    }
    return smallest;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new PluginException(message);
    }
  }

  private static String shape(RealMatrix m) {
    return m.getRowDimension() + " x " + m.getColumnDimension();
  }

  static String complex(double re, double im) {
    double cleanRe = Math.abs(re) < 1e-12 ? 0 : re;
    if (Math.abs(im) < 1e-12) {
      return format(cleanRe);
    }
    return format(cleanRe) + (im < 0 ? " - " : " + ") + format(Math.abs(im)) + "i";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.6g", value).replaceAll("\\.?0+(?=$|e)", "");
  }
}
