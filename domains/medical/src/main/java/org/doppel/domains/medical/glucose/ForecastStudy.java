package org.doppel.domains.medical.glucose;

import java.util.List;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;

/**
 * The model twin's study: simulate each forecast patient on basal-bolus therapy for training
 * days followed by held-out test days, cut windows from both, train the attention surrogate on
 * the training days and score it, persistence and linear extrapolation on the test days. Not
 * thread-safe.
 */
final class ForecastStudy {

  /**
   * What the study measured.
   *
   * @param test the held-out windows
   * @param surrogate the surrogate's forecasts of the test windows
   * @param attention the attention weights on the test windows, {@code [window][query][token]}
   * @param forecaster the trained forecaster
   * @param trainingWindows how many windows trained it
   * @param firstTestTrace the first patient's simulated days (training and test)
   * @param testStartMinute the minute its test days start
   */
  record Result(GlucoseWindows test, double[][] surrogate, double[][][] attention,
      SequenceForecaster forecaster, int trainingWindows, GlucoseTrace firstTestTrace,
      int testStartMinute) {
  }

  private final GlucoseSettings settings;
  private final long seed;

  ForecastStudy(GlucoseSettings settings, long seed) {
    this.settings = settings;
    this.seed = seed;
  }

  Result run(SequenceForecasting forecasting, ForecasterSettings training,
      SequenceForecasting.EpochListener listener) {
    GlucoseSettings.ForecastSettings forecast = settings.forecast();
    ClosedLoop loop = new ClosedLoop(settings.sensor(), settings.pump(),
        settings.integrator(), settings.periodMinutes());
    GlucoseWindows train = new GlucoseWindows(forecast.history(), forecast.horizons(),
        forecast.samplePeriod());
    GlucoseWindows test = new GlucoseWindows(forecast.history(), forecast.horizons(),
        forecast.samplePeriod());
    int days = forecast.trainingDays() + forecast.testDays();
    int split = forecast.trainingDays() * 1440;
    GlucoseTrace first = null;
    List<VirtualPatient> patients = forecast.patients();
    for (int p = 0; p < patients.size(); p++) {
      VirtualPatient patient = patients.get(p);
      // Different days from the policy comparison's: its seeds count up from seed · 1000003.
      long patientSeed = (seed + 7919) * 1_000_003L + p;
      List<MealPlan.Meal> meals = settings.meals().meals(days, settings.periodMinutes(),
          patientSeed);
      GlucoseTrace trace = loop.run(patient,
          new BasalBolusPolicy(patient, settings.basalBolusTarget()), meals, days * 1440,
          patientSeed);
      train.add(patient.name(), trace, 0, split);
      test.add(patient.name(), trace, split, days * 1440);
      if (first == null) {
        first = trace;
      }
    }

    WindowSet trainingSet = train.windowSet();
    SequenceForecaster forecaster = forecasting.train(trainingSet, training, listener);
    WindowSet testSet = test.windowSet();
    WindowSet unlabelled = WindowSet.unlabelled(testSet.inputs(), testSet.baseline(),
        testSet.featureNames(), testSet.targetNames(), testSet.tokenNames());
    return new Result(test, forecaster.predict(unlabelled),
        forecaster.attentionWeights(unlabelled), forecaster, train.size(), first, split);
  }

  /** Root-mean-square error per target. */
  static double[] rmse(double[][] forecast, double[][] actual) {
    double[] sum = new double[actual[0].length];
    for (int w = 0; w < actual.length; w++) {
      for (int i = 0; i < sum.length; i++) {
        double error = forecast[w][i] - actual[w][i];
        sum[i] += error * error;
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] = Math.sqrt(sum[i] / actual.length);
    }
    return sum;
  }

  /** Mean absolute error per target. */
  static double[] mae(double[][] forecast, double[][] actual) {
    double[] sum = new double[actual[0].length];
    for (int w = 0; w < actual.length; w++) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += Math.abs(forecast[w][i] - actual[w][i]);
      }
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= actual.length;
    }
    return sum;
  }
}
