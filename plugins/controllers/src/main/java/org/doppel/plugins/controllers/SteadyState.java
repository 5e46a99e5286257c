package org.doppel.plugins.controllers;

import java.util.Arrays;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/**
 * The equilibrium (x_ss, u_ss) of a discrete plant at which its outputs hold the reference:
 * x_ss = A x_ss + B u_ss and C x_ss = r, solved in the least-squares sense (smallest norm
 * when there are several).
 *
 * @param state x_ss
 * @param input u_ss
 */
record SteadyState(double[] state, double[] input) {

  private static final double HELD = 1e-9;

  static SteadyState of(Linearization discrete, ControlProblem problem) {
    int n = discrete.states();
    int m = discrete.inputs();
    double[] reference = problem.reference();
    double[][] c = problem.outputMatrix();
    if (c.length != reference.length) {
      throw new PluginException("the output matrix C has " + c.length + " rows but the"
          + " reference has " + reference.length + " values");
    }
    if (Arrays.stream(reference).allMatch(v -> v == 0)) {
      return new SteadyState(new double[n], new double[m]);
    }
    int p = c.length;
    RealMatrix system = MatrixUtils.createRealMatrix(n + p, n + m);
    double[][] a = discrete.a();
    double[][] b = discrete.b();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        system.setEntry(i, j, a[i][j] - (i == j ? 1 : 0));
      }
      for (int j = 0; j < m; j++) {
        system.setEntry(i, n + j, b[i][j]);
      }
    }
    for (int i = 0; i < p; i++) {
      if (c[i].length != n) {
        throw new PluginException("row " + i + " of the output matrix C has " + c[i].length
            + " columns for " + n + " states");
      }
      for (int j = 0; j < n; j++) {
        system.setEntry(n + i, j, c[i][j]);
      }
    }
    RealVector rhs = new ArrayRealVector(n + p);
    for (int i = 0; i < p; i++) {
      rhs.setEntry(n + i, reference[i]);
    }

    RealVector solution = new SingularValueDecomposition(system).getSolver().solve(rhs);
    double miss = system.operate(solution).subtract(rhs).getNorm();
    if (!(miss <= HELD * Math.max(1, rhs.getNorm()))) {
      throw new PluginException("the reference " + Arrays.toString(reference) + " cannot be"
          + " held in steady state by this plant (equilibrium miss " + miss + ")");
    }
    double[] all = solution.toArray();
    return new SteadyState(Arrays.copyOfRange(all, 0, n), Arrays.copyOfRange(all, n, n + m));
  }
}
