package org.doppel.domains.medical.pk;

import java.util.Arrays;
import java.util.List;

/**
 * What a population of fitted subjects says about a new patient before any of the patient's
 * samples: the mean and standard deviation of each log-parameter across the subjects'
 * individual fits (the standard two-stage method), and the pooled residual SD of those fits.
 * The volume is taken as proportional to body weight when the subjects' weights are known:
 * its log-mean is that of ln(V / weight), plus ln(weight) of the patient.
 *
 * <p>The two-stage SD includes each fit's estimation error, so it somewhat overstates the
 * true between-subject spread (a mixed-effects fit would separate the two); with 11
 * samples per subject and standard errors of a few percent this matters little. Immutable
 * and thread-safe.
 *
 * @param model the model the parameters belong to
 * @param logMeans the mean of each log-parameter (ln(V/kg) for the volume when
 *     {@code volumeIndex} ≥ 0)
 * @param logSds the SD of each log-parameter, floored at 0.05
 * @param residualSd the pooled residual SD of the individual fits, mg/L
 * @param volumeIndex the index of the volume among the parameters, or -1 when the volume is
 *     not scaled by weight
 */
public record PopulationPrior(PkModel model, double[] logMeans, double[] logSds,
    double residualSd, int volumeIndex) {

  /** The smallest log-SD kept, so that no parameter is pinned by a tiny population. */
  static final double MIN_LOG_SD = 0.05;

  public PopulationPrior {
    logMeans = logMeans.clone();
    logSds = logSds.clone();
  }

  /**
   * The prior from the individual least-squares fits of {@code subjects}.
   *
   * @param volumeIndex the volume's parameter index, or -1 not to scale it by weight
   * @throws IllegalArgumentException with fewer than two subjects
   */
  public static PopulationPrior of(PkModel model, List<PkSubject> subjects, int volumeIndex) {
    if (subjects.size() < 2) {
      throw new IllegalArgumentException("a population prior needs at least two subjects,"
          + " got " + subjects.size());
    }
    boolean byWeight = volumeIndex >= 0
        && subjects.stream().allMatch(s -> s.weightKg() > 0);
    int p = model.parameterNames().size();
    double[][] logs = new double[subjects.size()][p];
    double rss = 0;
    int degrees = 0;
    for (int s = 0; s < subjects.size(); s++) {
      PkSubject subject = subjects.get(s);
      PkFit fit = PkFitter.fit(model, subject);
      double[] parameters = fit.parameters();
      for (int j = 0; j < p; j++) {
        logs[s][j] = Math.log(parameters[j]);
      }
      if (byWeight) {
        logs[s][volumeIndex] -= Math.log(subject.weightKg());
      }
      rss += fit.rmse() * fit.rmse() * fit.samples();
      degrees += fit.samples() - p;
    }

    double[] means = new double[p];
    double[] sds = new double[p];
    for (int j = 0; j < p; j++) {
      final int column = j;
      double mean = Arrays.stream(logs).mapToDouble(row -> row[column]).average().orElseThrow();
      double squares = Arrays.stream(logs).mapToDouble(row -> row[column] - mean)
          .map(d -> d * d).sum();
      means[j] = mean;
      sds[j] = Math.max(MIN_LOG_SD, Math.sqrt(squares / (subjects.size() - 1)));
    }
    return new PopulationPrior(model, means, sds, Math.sqrt(rss / Math.max(1, degrees)),
        byWeight ? volumeIndex : -1);
  }

  @Override
  public double[] logMeans() {
    return logMeans.clone();
  }

  @Override
  public double[] logSds() {
    return logSds.clone();
  }

  /** The prior means of the log-parameters for {@code subject} (its weight scales V). */
  public double[] logMean(PkSubject subject) {
    double[] mean = logMeans.clone();
    if (volumeIndex >= 0) {
      if (!(subject.weightKg() > 0)) {
        throw new IllegalArgumentException(subject + " has no weight, which the population"
            + " prior's volume needs");
      }
      mean[volumeIndex] += Math.log(subject.weightKg());
    }
    return mean;
  }

  /** The prior SDs of the log-parameters. */
  public double[] logSd() {
    return logSds.clone();
  }

  /** The typical parameters (the exponentiated log-means) for {@code subject}. */
  public double[] typical(PkSubject subject) {
    return Arrays.stream(logMean(subject)).map(Math::exp).toArray();
  }

  /** The typical subject's concentration, mg/L: the population model's prediction. */
  public double concentration(PkSubject subject, double timeH) {
    return model.concentration(typical(subject), subject.doseMg(), timeH);
  }
}
