package org.doppel.plugins.controllers.riccati;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.ReferenceCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class RiccatiSolverTest {

  static final List<String> CASES = ReferenceCases.CASES;

  @ParameterizedTest
  @FieldSource("CASES")
  void careMatchesTheReferenceSolutionAndGain(String name) {
    RealMatrix a = ReferenceCases.matrix(name, "A.csv");
    RealMatrix b = ReferenceCases.matrix(name, "B.csv");
    RealMatrix q = ReferenceCases.matrix(name, "Q.csv");
    RealMatrix r = ReferenceCases.matrix(name, "R.csv");

    RiccatiSolution solution = RiccatiSolver.care(a, b, q, r);

    double pError = ReferenceCases.relativeError(ReferenceCases.matrix(name, "P_care.csv"),
        solution.p());
    double kError = ReferenceCases.relativeError(ReferenceCases.matrix(name, "K_care.csv"),
        solution.gain());
    assertTrue(pError < 1e-8, name + ": relative error of P " + pError);
    assertTrue(kError < 1e-8, name + ": relative error of K " + kError);
    assertTrue(solution.relativeResidual() < 1e-12, name + ": residual "
        + solution.relativeResidual());
  }

  @ParameterizedTest
  @FieldSource("CASES")
  void dareMatchesTheReferenceSolutionAndGain(String name) {
    RealMatrix a = ReferenceCases.matrix(name, "Ad.csv");
    RealMatrix b = ReferenceCases.matrix(name, "Bd.csv");
    RealMatrix q = ReferenceCases.matrix(name, "Q.csv");
    RealMatrix r = ReferenceCases.matrix(name, "R.csv");

    RiccatiSolution solution = RiccatiSolver.dare(a, b, q, r);

    double pError = ReferenceCases.relativeError(ReferenceCases.matrix(name, "P_dare.csv"),
        solution.p());
    double kError = ReferenceCases.relativeError(ReferenceCases.matrix(name, "K_dare.csv"),
        solution.gain());
    assertTrue(pError < 1e-8, name + ": relative error of P " + pError);
    assertTrue(kError < 1e-8, name + ": relative error of K " + kError);
    assertTrue(solution.relativeResidual() < 1e-12, name + ": residual "
        + solution.relativeResidual());
  }

  @Test
  void doubleIntegratorHasTheAnalyticGain() {
    RealMatrix a = MatrixUtils.createRealMatrix(new double[][] {{0, 1}, {0, 0}});
    RealMatrix b = MatrixUtils.createRealMatrix(new double[][] {{0}, {1}});

    RiccatiSolution solution = RiccatiSolver.care(a, b, MatrixUtils.createRealIdentityMatrix(2),
        MatrixUtils.createRealIdentityMatrix(1));

    double root3 = Math.sqrt(3);
    assertArrayEquals(new double[] {1, root3}, solution.gain().getRow(0), 1e-12);
    assertArrayEquals(new double[] {root3, 1}, solution.p().getRow(0), 1e-12);
    assertArrayEquals(new double[] {1, root3}, solution.p().getRow(1), 1e-12);
  }
}
