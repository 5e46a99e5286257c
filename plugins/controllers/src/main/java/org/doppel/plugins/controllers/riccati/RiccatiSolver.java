package org.doppel.plugins.controllers.riccati;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Stabilising solutions of the continuous (CARE) and discrete (DARE) algebraic Riccati
 * equations by the structure-preserving doubling algorithm (SDA).
 *
 * <p>The DARE A'PA - P - A'PB (R + B'PB)^-1 B'PA + Q = 0 is solved by doubling on
 * (A_k, G_k, H_k) from (A, B R^-1 B', Q): each step squares the closed-loop map, so the error
 * falls quadratically and a dozen steps reach machine precision even for slow modes. The CARE
 * A'P + PA - P B R^-1 B'P + Q = 0 is first mapped by a Cayley transform (shift gamma) to a
 * DARE with the same stabilising solution, then solved the same way. Only LU solves and
 * products are needed, all from Commons Math, and the symmetry of G_k and H_k is kept.
 *
 * <p>This class does not check stabilisability or the weights; {@link DesignChecks} does
 * that first, with errors that name the failing condition. A problem that still does not
 * converge (for example one with a closed-loop pole on the stability boundary) gets an
 * {@link ArithmeticException}. Stateless and thread-safe.
 */
public final class RiccatiSolver {

  private static final int MAX_ITERATIONS = 100;
  private static final double CONVERGED = 1e-14;
  private static final double REFINE_ABOVE = 1e-13;
  private static final int NEWTON_STEPS = 3;

  private RiccatiSolver() {
  }

  /** The CARE solution and the gain K = R^-1 B'P. */
  public static RiccatiSolution care(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
    return care(a, b, q, r, NEWTON_STEPS);
  }

  /** The CARE with at most {@code newtonSteps} Newton refinements of the doubling result. */
  static RiccatiSolution care(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r,
      int newtonSteps) {
    int n = a.getRowDimension();
    DecompositionSolver rSolver = new CholeskyDecomposition(r).getSolver();
    RealMatrix g = Matrices.symmetrise(b.multiply(rSolver.solve(b.transpose())));

    // The shift makes A - gamma I and the transformed matrices safely invertible: it exceeds
    // the 1-norm of the Hamiltonian, hence every eigenvalue of A and of the Hamiltonian.
    double gamma = Math.max(a.getNorm() + Math.max(g.getNorm(), q.getNorm()), 1e-3);
    RealMatrix shifted = a.subtract(Matrices.identity(n).scalarMultiply(gamma));
    RealMatrix shiftedInverse = solver(shifted, "A - gamma I").getInverse();
    RealMatrix shiftedInverseG = Matrices.times(shiftedInverse, g);
    RealMatrix w = shifted.transpose().add(Matrices.times(q, shiftedInverseG));
    RealMatrix wInverse = solver(w, "the Cayley-transformed Hamiltonian block").getInverse();
    RealMatrix qShiftedInverse = Matrices.times(q, shiftedInverse);

    RealMatrix a0 = Matrices.identity(n).add(wInverse.transpose().scalarMultiply(2 * gamma));
    RealMatrix g0 = Matrices.times(shiftedInverseG, wInverse).scalarMultiply(2 * gamma);
    RealMatrix h0 = Matrices.times(wInverse, qShiftedInverse).scalarMultiply(2 * gamma);
    Doubling doubling = doubling(a0, Matrices.symmetrise(g0), Matrices.symmetrise(h0));

    RealMatrix p = doubling.h;
    RealMatrix residual = careResidual(a, g, q, p);
    double relativeResidual = relative(residual, p);
    // The Cayley transform costs a few digits on ill-conditioned problems; Newton (Kleinman)
    // steps from the doubling solution win them back while the residual keeps falling.
    for (int step = 0; step < newtonSteps && relativeResidual > REFINE_ABOVE; step++) {
      RealMatrix refined = Matrices.symmetrise(p.add(
          lyapunov(a.subtract(Matrices.times(g, p)), residual)));
      RealMatrix refinedResidual = careResidual(a, g, q, refined);
      double refinedRelative = relative(refinedResidual, refined);
      if (!Matrices.allFinite(refined) || !(refinedRelative < relativeResidual)) {
        break;
      }
      boolean stalling = refinedRelative > relativeResidual / 2;
      p = refined;
      residual = refinedResidual;
      relativeResidual = refinedRelative;
      if (stalling) {
        // At the rounding floor already: a further step would cost as much and gain nothing.
        break;
      }
    }
    RealMatrix gain = rSolver.solve(b.transpose().multiply(p));
    return new RiccatiSolution(p, gain, doubling.iterations, relativeResidual);
  }

  /**
   * X with F'X + X F + C = 0 for a stable F, by the scaled matrix sign iteration (Roberts):
   * F_k tends to -I and C_k to 2X.
   */
  static RealMatrix lyapunov(RealMatrix f, RealMatrix c) {
    int n = f.getRowDimension();
    RealMatrix fk = f;
    RealMatrix ck = c;
    for (int k = 0; k < MAX_ITERATIONS; k++) {
      LUDecomposition lu = new LUDecomposition(fk, 0);
      if (!lu.getSolver().isNonSingular()) {
        throw new ArithmeticException("the closed loop is singular in the Newton step");
      }
      RealMatrix inverse = lu.getSolver().getInverse();
      double scale = Math.pow(Math.abs(lu.getDeterminant()), 1.0 / n);
      if (!(scale > 0) || !Double.isFinite(scale)) {
        scale = 1;
      }
      RealMatrix nextF = fk.scalarMultiply(1 / scale).add(inverse.scalarMultiply(scale))
          .scalarMultiply(0.5);
      ck = Matrices.symmetrise(ck.scalarMultiply(1 / scale)
          .add(Matrices.times(Matrices.times(inverse.transpose(), ck), inverse)
              .scalarMultiply(scale))
          .scalarMultiply(0.5));
      double change = nextF.subtract(fk).getNorm();
      fk = nextF;
      if (change <= 1e-12 * Math.max(1, fk.getNorm())) {
        break;
      }
    }
    return ck.scalarMultiply(0.5);
  }

  /** The DARE solution and the gain K = (R + B'PB)^-1 B'PA. */
  public static RiccatiSolution dare(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r) {
    DecompositionSolver rSolver = new CholeskyDecomposition(r).getSolver();
    RealMatrix g = Matrices.symmetrise(b.multiply(rSolver.solve(b.transpose())));
    Doubling doubling = doubling(a, g, q);

    RealMatrix p = doubling.h;
    RealMatrix gain = dareGain(a, b, r, p);
    return new RiccatiSolution(p, gain, doubling.iterations,
        relative(dareResidual(a, b, q, r, p), p));
  }

  /** K = (R + B'PB)^-1 B'PA. */
  static RealMatrix dareGain(RealMatrix a, RealMatrix b, RealMatrix r, RealMatrix p) {
    RealMatrix btp = b.transpose().multiply(p);
    RealMatrix normal = Matrices.symmetrise(r.add(btp.multiply(b)));
    return new CholeskyDecomposition(normal).getSolver().solve(btp.multiply(a));
  }

  /** A'P + PA - P G P + Q. */
  public static RealMatrix careResidual(RealMatrix a, RealMatrix g, RealMatrix q,
      RealMatrix p) {
    RealMatrix pa = Matrices.times(p, a);
    return pa.transpose().add(pa).subtract(Matrices.times(Matrices.times(p, g), p)).add(q);
  }

  /** A'PA - P - A'PB (R + B'PB)^-1 B'PA + Q. */
  public static RealMatrix dareResidual(RealMatrix a, RealMatrix b, RealMatrix q,
      RealMatrix r, RealMatrix p) {
    RealMatrix pa = Matrices.times(p, a);
    RealMatrix btpa = b.transpose().multiply(pa);
    RealMatrix normal = Matrices.symmetrise(r.add(b.transpose().multiply(p).multiply(b)));
    RealMatrix correction = btpa.transpose()
        .multiply(new CholeskyDecomposition(normal).getSolver().solve(btpa));
    return Matrices.times(a.transpose(), pa).subtract(p).subtract(correction).add(q);
  }

  static double relative(RealMatrix residual, RealMatrix p) {
    double scale = p.getFrobeniusNorm();
    return residual.getFrobeniusNorm() / (scale == 0 ? 1 : scale);
  }

  private record Doubling(RealMatrix h, int iterations) {
  }

  /**
   * The doubling iteration A_{k+1} = A_k W^-1 A_k, G_{k+1} = G_k + A_k W^-1 G_k A_k',
   * H_{k+1} = H_k + A_k' H_k W^-1 A_k with W = I + G_k H_k; H_k tends to P.
   */
  private static Doubling doubling(RealMatrix a0, RealMatrix g0, RealMatrix h0) {
    int n = a0.getRowDimension();
    RealMatrix identity = Matrices.identity(n);
    RealMatrix a = a0;
    RealMatrix g = g0;
    RealMatrix h = h0;
    for (int k = 1; k <= MAX_ITERATIONS; k++) {
      DecompositionSolver w = solver(identity.add(Matrices.times(g, h)), "I + G_k H_k");
      RealMatrix wInverseA = w.solve(a);
      RealMatrix wInverseG = w.solve(g);
      RealMatrix at = a.transpose();
      RealMatrix nextH = Matrices.symmetrise(h.add(
          Matrices.times(Matrices.times(at, h), wInverseA)));
      g = Matrices.symmetrise(g.add(Matrices.times(Matrices.times(a, wInverseG), at)));
      a = Matrices.times(a, wInverseA);

      double change = nextH.subtract(h).getFrobeniusNorm();
      h = nextH;
      if (!Matrices.allFinite(h)) {
        throw new ArithmeticException("the Riccati doubling iteration diverged at step " + k);
      }
      if (change <= CONVERGED * Math.max(h.getFrobeniusNorm(), Double.MIN_NORMAL)) {
        return new Doubling(h, k);
      }
    }
    throw new ArithmeticException("the Riccati doubling iteration did not converge in "
        + MAX_ITERATIONS + " steps (a closed-loop pole on the stability boundary?)");
  }

  private static DecompositionSolver solver(RealMatrix m, String what) {
    DecompositionSolver solver = new LUDecomposition(m, 0).getSolver();
    if (!solver.isNonSingular()) {
      throw new ArithmeticException(what + " is singular in the Riccati solver");
    }
    return solver;
  }
}
