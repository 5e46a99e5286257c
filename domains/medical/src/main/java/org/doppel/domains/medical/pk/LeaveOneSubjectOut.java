package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/**
 * Leave-one-subject-out evaluation of three ways to forecast a new patient's later
 * concentrations from the first few samples, dose and weight. For each held-out subject,
 * using only the other subjects:
 * <ul>
 *   <li><b>population</b>: the typical curve of the prior fitted on the others (two-stage:
 *     the mean of their log-parameters, V scaled by weight), ignoring the held-out samples;
 *   <li><b>fit</b>: the held-out subject's maximum a posteriori fit on its first samples
 *       under that prior (Levenberg–Marquardt, residuals weighted by the prior's residual SD,
 *       log-parameters pulled towards the prior mean by its SD);
 *   <li><b>surrogate</b>: the attention forecaster trained on the other real subjects and on
 *       virtual subjects drawn from the same prior (simulated, labelled {@code virtual-}),
 *       with the population curve as its baseline.
 * </ul>
 * Each is scored by the RMSE over the held-out subject's later samples. The subject's own
 * full-data fit on those samples is reported beside them as an in-sample floor, not a
 * competitor. Stateless; each call trains one forecaster.
 */
public final class LeaveOneSubjectOut {

  private final SequenceForecasting forecasting;
  private final ForecasterSettings settings;
  private final int observed;
  private final int virtualSubjects;

  /**
   * @param observed the samples each held-out subject gives before the forecast
   * @param virtualSubjects the simulated subjects added to each fold's training windows
   */
  public LeaveOneSubjectOut(SequenceForecasting forecasting, ForecasterSettings settings,
      int observed, int virtualSubjects) {
    this.forecasting = forecasting;
    this.settings = settings;
    this.observed = observed;
    this.virtualSubjects = virtualSubjects;
  }

  /**
   * The fold that holds out {@code subjects.get(heldOut)}.
   *
   * @param listener told after each training epoch
   */
  public Fold evaluate(List<PkSubject> subjects, int heldOut,
      SequenceForecasting.EpochListener listener) {
    PkSubject subject = subjects.get(heldOut);
    List<PkSubject> others = new ArrayList<>(subjects);
    others.remove(heldOut);
    PkModel model = PkModel.oralOneCompartment();
    PopulationPrior prior = PopulationPrior.of(model, others, 2);

    long seed = settings.seed() + 1000L * heldOut;
    List<PkSubject> training = new ArrayList<>(VirtualSubjects.draw(prior, others,
        virtualSubjects, seed));
    // Real subjects last: the validation split takes the last windows, so early stopping
    // watches real curves.
    training.addAll(others);
    SurrogateWindows windows = new SurrogateWindows(subject.samples(), observed);
    SequenceForecaster forecaster = forecasting.train(windows.windows(training, prior, true),
        new ForecasterSettings(settings.attentionId(), settings.attention(), settings.width(),
            settings.epochs(), settings.batchSize(), settings.learningRate(), settings.l2(),
            settings.validationFraction(), settings.patience(), seed), listener);

    WindowSet target = windows.windows(List.of(subject), prior, false);
    double[] surrogate = forecaster.predict(target)[0];
    double[][][] attention = forecaster.attentionWeights(target);

    double[] times = subject.timesH();
    double[] laterTimes = Arrays.copyOfRange(times, observed, times.length);
    double[] later = Arrays.copyOfRange(subject.concentrations(), observed, times.length);
    PkFit map = PkFitter.fit(model, subject.firstSamples(observed), prior);
    PkFit full = PkFitter.fit(model, subject);
    double[] fit = new double[later.length];
    double[] population = new double[later.length];
    double[] floor = new double[later.length];
    for (int i = 0; i < later.length; i++) {
      fit[i] = map.concentration(subject.doseMg(), laterTimes[i]);
      population[i] = prior.concentration(subject, laterTimes[i]);
      floor[i] = full.concentration(subject.doseMg(), laterTimes[i]);
    }
    return new Fold(subject, laterTimes, later, surrogate, fit, population, floor,
        meanOverQueries(attention, subject.samples()), forecaster.trainingLoss().size(),
        forecaster.trainingSeconds(), forecaster.parameterCount(), training.size());
  }

  /** The attention each token received, averaged over queries; NaN without attention. */
  private static double[] meanOverQueries(double[][][] weights, int tokens) {
    double[] mean = new double[tokens];
    if (weights.length == 0 || weights[0].length == 0) {
      Arrays.fill(mean, Double.NaN);
      return mean;
    }
    for (double[] query : weights[0]) {
      for (int t = 0; t < tokens; t++) {
        mean[t] += query[t] / weights[0].length;
      }
    }
    return mean;
  }

  /**
   * One held-out subject's forecasts of its later samples, mg/L.
   *
   * @param subject the held-out subject
   * @param timesH the later samples' times
   * @param observed their measured concentrations
   * @param surrogate the attention surrogate's forecast
   * @param fit the MAP fit on the first samples under the prior of the others
   * @param population the prior's typical curve
   * @param fullFit the subject's own fit on all its samples (an in-sample floor)
   * @param attention the attention each sample (token) received, averaged over queries
   * @param epochs the epochs trained
   * @param trainingSeconds the training's wall-clock time
   * @param parameters the forecaster's trainable parameters
   * @param trainingWindows the windows trained on (virtual and real)
   */
  public record Fold(PkSubject subject, double[] timesH, double[] observed, double[] surrogate,
      double[] fit, double[] population, double[] fullFit, double[] attention, int epochs,
      double trainingSeconds, long parameters, int trainingWindows) {

    public double surrogateRmse() {
      return rmse(surrogate);
    }

    public double fitRmse() {
      return rmse(fit);
    }

    public double populationRmse() {
      return rmse(population);
    }

    public double fullFitRmse() {
      return rmse(fullFit);
    }

    private double rmse(double[] forecast) {
      double sum = 0;
      for (int i = 0; i < observed.length; i++) {
        sum += (forecast[i] - observed[i]) * (forecast[i] - observed[i]);
      }
      return Math.sqrt(sum / observed.length);
    }
  }
}
