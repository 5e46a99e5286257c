package org.doppel.domains.medical.pk;

import java.util.List;

/**
 * A closed-form single-dose concentration curve with positive parameters, fitted in
 * log-parameter space so that every estimate stays positive. Implementations are immutable
 * and thread-safe.
 */
public interface PkModel {

  /** Parameter names with units, such as {@code ka [1/h]}, in parameter order. */
  List<String> parameterNames();

  /**
   * The concentration, mg/L, at {@code timeH} hours after a single dose.
   *
   * @param parameters the parameters in natural units, in {@link #parameterNames()} order
   */
  double concentration(double[] parameters, double doseMg, double timeH);

  /** A starting point for the fit of {@code subject}; several give a multi-start fit. */
  List<double[]> startingPoints(PkSubject subject);

  /**
   * The parameters in a canonical form when the model has two equivalent solutions (the
   * oral model's flip-flop); the default returns them unchanged.
   */
  default double[] canonical(double[] parameters) {
    return parameters.clone();
  }

  /** The one-compartment model with first-order absorption, parameters ka, ke, V. */
  static PkModel oralOneCompartment() {
    return OneCompartmentModels.ORAL;
  }

  /** The one-compartment intravenous bolus, parameters ke, V. */
  static PkModel ivOneCompartment() {
    return OneCompartmentModels.IV;
  }

  /**
   * The two-compartment intravenous bolus as a bi-exponential C = A e^(-αt) + B e^(-βt)
   * with α > β, parameters A, α, B, β (the dose does not enter).
   */
  static PkModel ivTwoCompartment() {
    return OneCompartmentModels.IV_TWO;
  }
}
