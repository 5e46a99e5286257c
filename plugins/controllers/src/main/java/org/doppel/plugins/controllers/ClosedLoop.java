package org.doppel.plugins.controllers;

import java.util.Map;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.riccati.Matrices;
import org.doppel.plugins.controllers.riccati.RiccatiSolution;
import org.doppel.sdk.dynamics.Linearization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Closed-loop figures of a state-feedback design, for diagnostics and tests. Stateless. */
final class ClosedLoop {

  private static final Logger LOG = LoggerFactory.getLogger(ClosedLoop.class);

  private ClosedLoop() {
  }

  /** max |λ| of A - B K. */
  static double spectralRadius(RealMatrix a, RealMatrix b, RealMatrix gain) {
    EigenDecomposition eigen = new EigenDecomposition(a.subtract(b.multiply(gain)));
    double radius = 0;
    for (int i = 0; i < a.getRowDimension(); i++) {
      radius = Math.max(radius, Math.hypot(eigen.getRealEigenvalues()[i],
          eigen.getImagEigenvalues()[i]));
    }
    return radius;
  }

  /** max Re λ of A - B K. */
  static double spectralAbscissa(RealMatrix a, RealMatrix b, RealMatrix gain) {
    double[] real = new EigenDecomposition(a.subtract(b.multiply(gain))).getRealEigenvalues();
    double abscissa = Double.NEGATIVE_INFINITY;
    for (double re : real) {
      abscissa = Math.max(abscissa, re);
    }
    return abscissa;
  }

  /**
   * Puts the gain, the solver's figures and the closed-loop spectra into {@code design}: the
   * spectral radius of the sampled loop on {@code discrete}, and when the design was
   * continuous ({@code continuous} not null) also the spectral abscissa of its loop.
   */
  static void describe(Map<String, Object> design, RiccatiSolution solution,
      Linearization discrete, Linearization continuous) {
    RealMatrix gain = solution.gain();
    design.put("gain", Matrices.rows(gain));
    design.put("riccati_iterations", solution.iterations());
    design.put("riccati_relative_residual", solution.relativeResidual());
    int states = discrete.states();
    RealMatrix sampledGain = gain.getSubMatrix(0, gain.getRowDimension() - 1, 0, states - 1);
    double radius = spectralRadius(Matrices.of(discrete.a()), Matrices.of(discrete.b()),
        sampledGain);
    design.put("closed_loop_spectral_radius", radius);
    if (continuous != null) {
      design.put("closed_loop_spectral_abscissa", spectralAbscissa(
          Matrices.of(continuous.a()), Matrices.of(continuous.b()), gain));
    }
    if (radius >= 1) {
      LOG.warn("The sampled closed loop is not stable: spectral radius [{}] at sample period"
          + " [{}] s; use mode 'discrete' or a shorter sample period", radius,
          discrete.samplePeriod());
    }
  }
}
