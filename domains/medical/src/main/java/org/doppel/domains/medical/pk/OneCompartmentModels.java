package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.List;

/** The closed-form curves of {@link PkModel}. */
final class OneCompartmentModels {

  /**
   * C(t) = D ka / (V (ka - ke)) (e^(-ke t) - e^(-ka t)), bioavailability taken as 1 (so V is
   * V/F); at ka = ke its limit D ka t e^(-ka t) / V.
   */
  static final PkModel ORAL = new PkModel() {
    @Override
    public List<String> parameterNames() {
      return List.of("ka [1/h]", "ke [1/h]", "V [L]");
    }

    @Override
    public double concentration(double[] p, double doseMg, double timeH) {
      return oral(p[0], p[1], p[2], doseMg, timeH);
    }

    @Override
    public List<double[]> startingPoints(PkSubject subject) {
      double volume = subject.doseMg() / Math.max(peak(subject), 1e-3);
      List<double[]> starts = new ArrayList<>();
      for (double ka : new double[] {0.5, 1.5, 4}) {
        starts.add(new double[] {ka, 0.1, volume});
      }
      return starts;
    }

    /** The flip-flop twin (ka and ke swapped, V scaled by ke/ka) gives the same curve. */
    @Override
    public double[] canonical(double[] p) {
      if (p[0] >= p[1]) {
        return p.clone();
      }
      return new double[] {p[1], p[0], p[2] * p[0] / p[1]};
    }
  };

  /** C(t) = D / V e^(-ke t). */
  static final PkModel IV = new PkModel() {
    @Override
    public List<String> parameterNames() {
      return List.of("ke [1/h]", "V [L]");
    }

    @Override
    public double concentration(double[] p, double doseMg, double timeH) {
      return doseMg / p[1] * Math.exp(-p[0] * timeH);
    }

    @Override
    public List<double[]> startingPoints(PkSubject subject) {
      return List.of(new double[] {0.5, subject.doseMg() / Math.max(peak(subject), 1e-3)});
    }
  };

  /** C(t) = A e^(-αt) + B e^(-βt). */
  static final PkModel IV_TWO = new PkModel() {
    @Override
    public List<String> parameterNames() {
      return List.of("A [mg/L]", "alpha [1/h]", "B [mg/L]", "beta [1/h]");
    }

    @Override
    public double concentration(double[] p, double doseMg, double timeH) {
      return p[0] * Math.exp(-p[1] * timeH) + p[2] * Math.exp(-p[3] * timeH);
    }

    @Override
    public List<double[]> startingPoints(PkSubject subject) {
      double peak = Math.max(peak(subject), 1e-3);
      return List.of(new double[] {2 * peak, 3, 0.3 * peak, 0.3},
          new double[] {peak, 1.5, 0.1 * peak, 0.15});
    }

    @Override
    public double[] canonical(double[] p) {
      if (p[1] >= p[3]) {
        return p.clone();
      }
      return new double[] {p[2], p[3], p[0], p[1]};
    }
  };

  private OneCompartmentModels() {
  }

  static double oral(double ka, double ke, double volume, double doseMg, double timeH) {
    if (timeH <= 0) {
      return 0;
    }
    double difference = ka - ke;
    if (Math.abs(difference) < 1e-9 * Math.max(ka, ke)) {
      return doseMg * ka * timeH * Math.exp(-ka * timeH) / volume;
    }
    // expm1 keeps the difference of the two exponentials accurate when ka is close to ke.
    double curve = Math.exp(-ke * timeH) * -Math.expm1(-difference * timeH);
    return doseMg * ka / (volume * difference) * curve;
  }

  private static double peak(PkSubject subject) {
    double peak = 0;
    for (double c : subject.concentrations()) {
      peak = Math.max(peak, c);
    }
    return peak;
  }
}
