package org.doppel.runtime.evaluation;

/**
 * Something that forecasts a series from a forecast origin: the index of the first value to
 * forecast. A forecaster may use the values before {@code origin} and nothing from
 * {@code origin} on; the evaluation trusts it to keep to that.
 */
@FunctionalInterface
public interface Forecaster {

  /**
   * The forecast of the values at {@code origin}, {@code origin + 1}, ... over the horizon.
   *
   * @param origin the index of the first value forecast
   * @return one value per horizon step
   */
  double[] forecast(int origin);
}
