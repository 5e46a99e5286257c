package org.doppel.runtime.evaluation;

/**
 * The three headline errors of a set of forecasts.
 *
 * @param mape mean absolute percentage error, percent
 * @param rmse root mean squared error, in the values' unit
 * @param mae mean absolute error, in the values' unit
 * @param points how many forecast values were compared
 */
public record ForecastAccuracy(double mape, double rmse, double mae, int points) {

  /**
   * The accuracy of {@code forecast} against {@code actual}.
   *
   * @throws IllegalArgumentException as {@link ForecastMetrics} does
   */
  public static ForecastAccuracy of(double[] actual, double[] forecast) {
    return new ForecastAccuracy(ForecastMetrics.mape(actual, forecast),
        ForecastMetrics.rmse(actual, forecast), ForecastMetrics.mae(actual, forecast),
        actual.length);
  }
}
