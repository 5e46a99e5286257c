package org.doppel.plugins.controllers;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.riccati.Matrices;
import org.doppel.sdk.dynamics.Linearization;

/**
 * The condensed prediction of a discrete plant over a horizon N: the stacked states
 * X = [x_1; ...; x_N] = Φ x_0 + Γ U + Ψ W for inputs U = [u_0; ...; u_{N-1}] and
 * disturbances W, and the cost's Hessian H = 2 (Γ' Q̄ Γ + R̄) and linear maps
 * F = 2 Γ' Q̄ Φ, F_w = 2 Γ' Q̄ Ψ, with Q̄ = diag(Q, ..., Q, P). Immutable after
 * construction.
 */
final class Prediction {

  final int horizon;
  final int states;
  final int inputs;
  final int disturbances;
  final double[][] phi;
  final double[][] gamma;
  final double[][] psi;
  final double[][] hessian;
  final double[][] stateMap;
  final double[][] disturbanceMap;

  Prediction(Linearization discrete, RealMatrix q, RealMatrix r, RealMatrix terminal,
      int horizon) {
    this.horizon = horizon;
    this.states = discrete.states();
    this.inputs = discrete.inputs();
    this.disturbances = discrete.disturbances();
    RealMatrix a = Matrices.of(discrete.a());
    RealMatrix b = Matrices.of(discrete.b());
    int n = states;
    int m = inputs;
    int d = disturbances;

    // Powers A^0 .. A^N, then the block rows: x_k = A^k x_0 + Σ_j A^(k-1-j) (B u_j + G w_j).
    RealMatrix[] powers = new RealMatrix[horizon + 1];
    powers[0] = Matrices.identity(n);
    for (int k = 1; k <= horizon; k++) {
      powers[k] = powers[k - 1].multiply(a);
    }
    RealMatrix phiMatrix = MatrixUtils.createRealMatrix(horizon * n, n);
    RealMatrix gammaMatrix = MatrixUtils.createRealMatrix(horizon * n, horizon * m);
    RealMatrix psiMatrix = d == 0 ? null : MatrixUtils.createRealMatrix(horizon * n,
        horizon * d);
    RealMatrix g = d == 0 ? null : Matrices.of(discrete.g());
    for (int k = 1; k <= horizon; k++) {
      int row = (k - 1) * n;
      phiMatrix.setSubMatrix(powers[k].getData(), row, 0);
      for (int j = 0; j < k; j++) {
        gammaMatrix.setSubMatrix(powers[k - 1 - j].multiply(b).getData(), row, j * m);
        if (psiMatrix != null) {
          psiMatrix.setSubMatrix(powers[k - 1 - j].multiply(g).getData(), row, j * d);
        }
      }
    }

    RealMatrix weightedGamma = weightStates(gammaMatrix, q, terminal);
    RealMatrix h = gammaMatrix.transpose().multiply(weightedGamma);
    for (int k = 0; k < horizon; k++) {
      h.setSubMatrix(h.getSubMatrix(k * m, k * m + m - 1, k * m, k * m + m - 1).add(r)
          .getData(), k * m, k * m);
    }
    this.hessian = Matrices.symmetrise(h).scalarMultiply(2).getData();
    this.stateMap = weightedGamma.transpose().multiply(phiMatrix).scalarMultiply(2).getData();
    this.disturbanceMap = psiMatrix == null ? new double[horizon * m][0]
        : weightedGamma.transpose().multiply(psiMatrix).scalarMultiply(2).getData();
    this.phi = phiMatrix.getData();
    this.gamma = gammaMatrix.getData();
    this.psi = psiMatrix == null ? new double[horizon * n][0] : psiMatrix.getData();
  }

  /** Q̄ M for a matrix with one block row per predicted state. */
  private RealMatrix weightStates(RealMatrix stacked, RealMatrix q, RealMatrix terminal) {
    int n = states;
    RealMatrix weighted = stacked.copy();
    for (int k = 0; k < horizon; k++) {
      RealMatrix weight = k == horizon - 1 ? terminal : q;
      RealMatrix block = stacked.getSubMatrix(k * n, k * n + n - 1, 0,
          stacked.getColumnDimension() - 1);
      weighted.setSubMatrix(weight.multiply(block).getData(), k * n, 0);
    }
    return weighted;
  }

  /** M v for a dense row-major M. */
  static double[] times(double[][] m, double[] v) {
    double[] result = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      double sum = 0;
      double[] row = m[i];
      for (int j = 0; j < v.length; j++) {
        sum += row[j] * v[j];
      }
      result[i] = sum;
    }
    return result;
  }
}
