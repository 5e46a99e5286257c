package org.doppel.plugins.controllers.riccati;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * The stabilising solution of an algebraic Riccati equation and its LQR gain.
 *
 * @param p the symmetric solution P (n x n)
 * @param gain K (m x n) of the law u = -K x
 * @param iterations doubling steps the solver took
 * @param relativeResidual ||residual(P)||_F / ||P||_F
 */
public record RiccatiSolution(RealMatrix p, RealMatrix gain, int iterations,
    double relativeResidual) {
}
