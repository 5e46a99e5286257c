package org.doppel.runtime.evaluation;

/**
 * Point-forecast error metrics over paired actual and forecast values.
 *
 * <p>Every metric refuses empty input, arrays of different lengths and non-finite values, with
 * a message naming the metric and the offending index. Stateless and thread-safe.
 */
public final class ForecastMetrics {

  private ForecastMetrics() {
  }

  /**
   * The mean absolute percentage error, in percent: 100 · mean(|a − f| / |a|).
   *
   * @throws IllegalArgumentException when an actual value is zero, where the percentage error
   *     is undefined, or on the conditions the class describes
   */
  public static double mape(double[] actual, double[] forecast) {
    check("MAPE", actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      if (actual[i] == 0) {
        throw new IllegalArgumentException("MAPE: actual value is zero at index " + i
            + ", where the percentage error is undefined; use MAE or RMSE for this series");
      }
      sum += Math.abs(actual[i] - forecast[i]) / Math.abs(actual[i]);
    }
    return 100 * sum / actual.length;
  }

  /** The root mean squared error, in the values' unit. */
  public static double rmse(double[] actual, double[] forecast) {
    check("RMSE", actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double error = forecast[i] - actual[i];
      sum += error * error;
    }
    return Math.sqrt(sum / actual.length);
  }

  /** The mean absolute error, in the values' unit. */
  public static double mae(double[] actual, double[] forecast) {
    check("MAE", actual, forecast);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(forecast[i] - actual[i]);
    }
    return sum / actual.length;
  }

  private static void check(String metric, double[] actual, double[] forecast) {
    if (actual.length != forecast.length) {
      throw new IllegalArgumentException(metric + ": actual and forecast differ in length ("
          + actual.length + " vs " + forecast.length + ")");
    }
    if (actual.length == 0) {
      throw new IllegalArgumentException(metric + ": no values to compare");
    }
    for (int i = 0; i < actual.length; i++) {
      if (!Double.isFinite(actual[i]) || !Double.isFinite(forecast[i])) {
        throw new IllegalArgumentException(metric + ": non-finite value at index " + i
            + " (actual " + actual[i] + ", forecast " + forecast[i] + ")");
      }
    }
  }
}
