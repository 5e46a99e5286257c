package org.doppel.domains.logistics.demand;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rolling-origin evaluation of the demand twin over the last years of the series. The test
 * period is the last {@code years · 12} months; at each origin (its first month, then every
 * twelve months) the twin is trained afresh on every window whose targets the origin has seen,
 * and issues a forecast at the origin and at each of the next eleven months from the demand
 * seen so far, without refitting. Persistence and seasonal naive forecasts are issued at the
 * same months. Every forecast whose target falls inside the data is scored, per horizon.
 *
 * <p>Not thread-safe; one evaluation per instance.
 */
public final class RollingOrigin {

  /** Months between refits. */
  public static final int REFIT_MONTHS = 12;

  private static final Logger LOG = LoggerFactory.getLogger(RollingOrigin.class);

  /** Told before each refit, for progress. */
  @FunctionalInterface
  public interface OriginListener {
    void origin(int index, int count, YearMonth month);
  }

  private final DemandSeries demand;
  private final DemandWindows windows;
  private final int years;

  /**
   * @param years the test period in years; the training before the first origin must hold
   *     at least one window
   */
  public RollingOrigin(DemandSeries demand, DemandWindows windows, int years) {
    int firstIssue = demand.size() - years * REFIT_MONTHS;
    if (years < 1 || firstIssue - windows.horizon() < windows.firstIssue() + 1) {
      throw new IllegalArgumentException("evaluation.years must be at least 1 and leave"
          + " training data before the first origin: " + years + " years of "
          + demand.size() + " months with windows of " + windows.inputMonths()
          + " months and a horizon of " + windows.horizon());
    }
    this.demand = demand;
    this.windows = windows;
    this.years = years;
  }

  /** The month index of the first origin. */
  public int firstIssue() {
    return demand.size() - years * REFIT_MONTHS;
  }

  public ForecastEvaluation run(SequenceForecasting forecasting, ForecasterSettings settings,
      OriginListener origins, SequenceForecasting.EpochListener epochs) {
    int first = firstIssue();
    int issues = demand.size() - first;
    int horizon = windows.horizon();
    double[] y = demand.values();
    double[][] twin = new double[issues][];
    double[] twinScale = new double[issues];
    List<ForecastEvaluation.Fit> fits = new ArrayList<>();
    double[][] attention = new double[0][];
    List<YearMonth> attentionIssues = List.of();

    for (int o = 0; o < years; o++) {
      int origin = first + o * REFIT_MONTHS;
      int last = Math.min(origin + REFIT_MONTHS - 1, demand.size() - 1);
      origins.origin(o, years, demand.months()[origin]);

      WindowSet training = windows.windows(windows.firstIssue(), origin - horizon, true);
      SequenceForecaster forecaster = forecasting.train(training, settings, epochs);
      double relativeError = oneMonthLogError(forecaster.predict(training), training);
      fits.add(fit(demand.months()[origin], training, forecaster, relativeError));

      WindowSet issued = windows.windows(origin, last, false);
      double[][] logForecast = forecaster.predict(issued);
      for (int t = origin; t <= last; t++) {
        double[] forecast = new double[horizon];
        for (int h = 0; h < horizon; h++) {
          forecast[h] = Math.exp(logForecast[t - origin][h]);
        }
        twin[t - first] = forecast;
        twinScale[t - first] = relativeError * forecast[0];
      }
      if (o == years - 1) {
        attention = meanAttention(forecaster.attentionWeights(issued));
        attentionIssues = List.of(java.util.Arrays.copyOfRange(demand.months(), origin,
            last + 1));
      }
    }

    Map<String, double[][]> forecasts = new LinkedHashMap<>();
    Map<String, double[]> scales = new LinkedHashMap<>();
    forecasts.put(ForecastEvaluation.TWIN, twin);
    scales.put(ForecastEvaluation.TWIN, twinScale);
    for (String method : List.of(NaiveForecasts.PERSISTENCE, NaiveForecasts.SEASONAL_NAIVE)) {
      double[][] naive = new double[issues][];
      double[] scale = new double[issues];
      for (int t = first; t < demand.size(); t++) {
        int origin = first + (t - first) / REFIT_MONTHS * REFIT_MONTHS;
        naive[t - first] = NaiveForecasts.issue(method, y, t, horizon);
        scale[t - first] = naiveLogError(method, origin) * naive[t - first][0];
      }
      forecasts.put(method, naive);
      scales.put(method, scale);
    }

    Map<String, List<ForecastEvaluation.Accuracy>> errors = new LinkedHashMap<>();
    forecasts.forEach((method, f) -> errors.put(method, accuracy(f, first)));
    LOG.info("Rolling-origin evaluation over [{}] origins from [{}]: 1-month MAPE twin [{}] %,"
        + " seasonal naive [{}] %", years, demand.months()[first],
        String.format("%.2f", errors.get(ForecastEvaluation.TWIN).get(0).mapePct()),
        String.format("%.2f", errors.get(NaiveForecasts.SEASONAL_NAIVE).get(0).mapePct()));
    return new ForecastEvaluation(demand, first, horizon, forecasts, scales, errors,
        List.copyOf(fits), attention, attentionIssues, windows.tokenNames());
  }

  /** Accuracy per horizon of forecasts issued from {@code first} on. */
  List<ForecastEvaluation.Accuracy> accuracy(double[][] forecasts, int first) {
    double[] y = demand.values();
    List<ForecastEvaluation.Accuracy> result = new ArrayList<>();
    for (int h = 1; h <= windows.horizon(); h++) {
      double absolutePct = 0;
      double squared = 0;
      int count = 0;
      for (int t = first; t + h < y.length; t++) {
        double error = y[t + h] - forecasts[t - first][h - 1];
        absolutePct += Math.abs(error) / y[t + h];
        squared += error * error;
        count++;
      }
      result.add(new ForecastEvaluation.Accuracy(h, count,
          count == 0 ? Double.NaN : 100 * absolutePct / count,
          count == 0 ? Double.NaN : Math.sqrt(squared / count)));
    }
    return result;
  }

  /** RMS of the one-month-ahead log error on the training windows. */
  private static double oneMonthLogError(double[][] predicted, WindowSet training) {
    double squared = 0;
    for (int w = 0; w < training.size(); w++) {
      double error = training.targets()[w][0] - predicted[w][0];
      squared += error * error;
    }
    return Math.sqrt(squared / training.size());
  }

  /**
   * RMS of a naive method's one-month-ahead log error at the issue months of the twin's
   * training windows for an origin, so both are sized on the same months.
   */
  private double naiveLogError(String method, int origin) {
    double[] y = demand.values();
    double squared = 0;
    int count = 0;
    for (int t = windows.firstIssue(); t <= origin - windows.horizon(); t++) {
      double forecast = NaiveForecasts.issue(method, y, t, 1)[0];
      double error = Math.log(y[t + 1]) - Math.log(forecast);
      squared += error * error;
      count++;
    }
    return Math.sqrt(squared / count);
  }

  private static ForecastEvaluation.Fit fit(YearMonth origin, WindowSet training,
      SequenceForecaster forecaster, double relativeError) {
    List<Double> train = forecaster.trainingLoss();
    List<Double> validation = forecaster.validationLoss();
    return new ForecastEvaluation.Fit(origin, training.size(), train.size(),
        train.isEmpty() ? Double.NaN : train.get(train.size() - 1),
        validation.isEmpty() ? Double.NaN : validation.get(validation.size() - 1),
        forecaster.trainingSeconds(), forecaster.parameterCount(), 100 * relativeError);
  }

  /** {@code [window][query][token]} averaged over queries. */
  private static double[][] meanAttention(double[][][] weights) {
    double[][] mean = new double[weights.length][];
    for (int w = 0; w < weights.length; w++) {
      int tokens = weights[w].length == 0 ? 0 : weights[w][0].length;
      mean[w] = new double[tokens];
      for (double[] query : weights[w]) {
        for (int k = 0; k < tokens; k++) {
          mean[w][k] += query[k] / weights[w].length;
        }
      }
    }
    return mean;
  }
}
