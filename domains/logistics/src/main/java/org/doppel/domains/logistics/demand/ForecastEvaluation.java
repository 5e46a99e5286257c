package org.doppel.domains.logistics.demand;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the rolling-origin evaluation found: the forecasts every method issued at every month
 * of the test period, their error by horizon, and how each refit went. Arrays are shared, not
 * copied: treat them as read-only.
 *
 * @param demand the series
 * @param firstIssue the month index of the first forecast (the first origin)
 * @param horizon months forecast
 * @param forecasts by method ({@link #TWIN}, persistence, seasonal naive):
 *     {@code [issue - firstIssue][h - 1]}, demand units
 * @param errorScales by method: the one-month-ahead error's standard deviation at each issue,
 *     demand units, estimated on the training months before it
 * @param errors by method: accuracy per horizon over the issues whose target is in the data
 * @param fits one per origin
 * @param attention mean attention weights of the last origin's forecasts,
 *     {@code [issue][token]} (averaged over queries and heads); empty without attention
 * @param tokenNames one per token
 */
public record ForecastEvaluation(DemandSeries demand, int firstIssue, int horizon,
    Map<String, double[][]> forecasts, Map<String, double[]> errorScales,
    Map<String, List<Accuracy>> errors, List<Fit> fits, double[][] attention,
    List<YearMonth> attentionIssues, List<String> tokenNames) {

  /** The attention twin's method name. */
  public static final String TWIN = "twin";

  /** The methods, twin first. */
  public static final List<String> METHODS =
      List.of(TWIN, NaiveForecasts.PERSISTENCE, NaiveForecasts.SEASONAL_NAIVE);

  /** The number of issue months. */
  public int issues() {
    return demand.size() - firstIssue;
  }

  /**
   * Accuracy at one horizon.
   *
   * @param horizon months ahead
   * @param count forecasts scored
   * @param mapePct mean absolute percentage error
   * @param rmse root mean squared error, demand units
   */
  public record Accuracy(int horizon, int count, double mapePct, double rmse) {
  }

  /**
   * One refit of the twin.
   *
   * @param origin the last month the fit saw
   * @param windows training windows
   * @param epochs epochs trained
   * @param trainingLoss the last epoch's training loss (scaled units)
   * @param validationLoss the last epoch's validation loss, NaN without validation
   * @param seconds training wall-clock time
   * @param parameters trainable parameters
   * @param errorPct the relative one-month-ahead in-sample error (RMS of log errors), %
   */
  public record Fit(YearMonth origin, int windows, int epochs, double trainingLoss,
      double validationLoss, double seconds, long parameters, double errorPct) {
  }
}
