package org.doppel.domains.medical.pk;

import java.util.List;

/**
 * The oral one-compartment curve after several doses, by superposition:
 * C(t) = Σ_j C1(ka, ke, V; D_j, t - t_j), where C1 is the single-dose curve (0 before its
 * dose). The dose argument of {@link #concentration} is ignored: the doses are the
 * history's. Immutable.
 */
final class DoseHistoryModel implements PkModel {

  private final double[] doseTimesH;
  private final double[] dosesMg;

  DoseHistoryModel(double[] doseTimesH, double[] dosesMg) {
    this.doseTimesH = doseTimesH.clone();
    this.dosesMg = dosesMg.clone();
  }

  @Override
  public List<String> parameterNames() {
    return PkModel.oralOneCompartment().parameterNames();
  }

  @Override
  public double concentration(double[] p, double ignored, double timeH) {
    double sum = 0;
    for (int j = 0; j < doseTimesH.length; j++) {
      sum += OneCompartmentModels.oral(p[0], p[1], p[2], dosesMg[j], timeH - doseTimesH[j]);
    }
    return sum;
  }

  /** The (gut, central) amounts, mg, at {@code timeH} just before any dose given then. */
  double[] state(double[] p, double timeH) {
    double gut = 0;
    for (int j = 0; j < doseTimesH.length; j++) {
      double since = timeH - doseTimesH[j];
      if (since > 0) {
        gut += dosesMg[j] * Math.exp(-p[0] * since);
      }
    }
    return new double[] {gut, concentration(p, 0, timeH) * p[2]};
  }

  @Override
  public List<double[]> startingPoints(PkSubject subject) {
    return PkModel.oralOneCompartment().startingPoints(subject);
  }
}
