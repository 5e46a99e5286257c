package org.doppel.domains.logistics.chain;

/**
 * An outlook from forecasts issued every simulated month. Arrays are shared, not copied.
 *
 * @param forecasts {@code [month][h]}: the forecast for month + 1 + h issued at month
 * @param errorScales the one-month forecast error's standard deviation per month
 */
public record ForecastOutlook(double[][] forecasts, double[] errorScales)
    implements DemandOutlook {

  public ForecastOutlook {
    if (forecasts.length != errorScales.length) {
      throw new IllegalArgumentException(forecasts.length + " forecasts for "
          + errorScales.length + " error scales");
    }
  }

  @Override
  public double[] forecast(int month) {
    return forecasts[month];
  }

  @Override
  public double errorScale(int month) {
    return errorScales[month];
  }
}
