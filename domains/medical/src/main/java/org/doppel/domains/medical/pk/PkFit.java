package org.doppel.domains.medical.pk;

import java.util.Arrays;

/**
 * A fitted concentration curve of one subject.
 *
 * <p>Standard errors come from the Jacobian at the optimum: the covariance of the
 * log-parameters is s² (JᵀJ)⁻¹ with s² = RSS / (n - p) for a plain least-squares fit, and
 * (JᵀJ)⁻¹ of the weighted residuals for a fit with a prior; the standard error of a
 * parameter θ is θ times that of ln θ (first-order delta method). They are {@code NaN} when
 * there are no more samples than parameters or JᵀJ is singular.
 *
 * @param model the model fitted
 * @param parameters the estimates in natural units, in the model's parameter order
 * @param standardErrors one per parameter, natural units
 * @param logCovariance the covariance of the log-parameters
 * @param residualSd sqrt(RSS / (n - p)), mg/L; {@code NaN} when n ≤ p
 * @param rmse sqrt(RSS / n), mg/L, on the samples fitted
 * @param samples n, the samples fitted
 * @param iterations Levenberg–Marquardt iterations
 */
public record PkFit(PkModel model, double[] parameters, double[] standardErrors,
    double[][] logCovariance, double residualSd, double rmse, int samples, int iterations) {

  public PkFit {
    parameters = parameters.clone();
    standardErrors = standardErrors.clone();
    logCovariance = Arrays.stream(logCovariance).map(double[]::clone)
        .toArray(double[][]::new);
  }

  @Override
  public double[] parameters() {
    return parameters.clone();
  }

  @Override
  public double[] standardErrors() {
    return standardErrors.clone();
  }

  @Override
  public double[][] logCovariance() {
    return Arrays.stream(logCovariance).map(double[]::clone).toArray(double[][]::new);
  }

  /** The fitted concentration, mg/L, at {@code timeH} after {@code doseMg}. */
  public double concentration(double doseMg, double timeH) {
    return model.concentration(parameters, doseMg, timeH);
  }

  /**
   * The plant plugin with these parameters, for simulation and control.
   *
   * @throws UnsupportedOperationException for a model that has no plant plugin
   */
  public PkPlant plant() {
    if (model == PkModel.oralOneCompartment()) {
      return new OralOneCompartment(parameters[0], parameters[1], parameters[2]);
    }
    if (model == PkModel.ivOneCompartment()) {
      return new IvOneCompartment(parameters[0], parameters[1]);
    }
    throw new UnsupportedOperationException("no plant plugin for the model "
        + model.parameterNames());
  }

  /** The residuals (observed minus fitted), mg/L, at each sample of {@code subject}. */
  public double[] residuals(PkSubject subject) {
    double[] times = subject.timesH();
    double[] observed = subject.concentrations();
    double[] residuals = new double[times.length];
    for (int i = 0; i < times.length; i++) {
      residuals[i] = observed[i] - concentration(subject.doseMg(), times[i]);
    }
    return residuals;
  }
}
