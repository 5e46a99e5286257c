package org.doppel.sdk.domain;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * Forecasts as issued, next to the measurements that followed, over the test period.
 *
 * @param timestamps one per step
 * @param actual the measured values
 * @param forecast the twin's forecast of each value, issued at its forecast origin
 * @param unit the values' unit
 * @param interval the time between steps
 */
public record ForecastTrace(LocalDateTime[] timestamps, double[] actual, double[] forecast,
    String unit, Duration interval) {

  public ForecastTrace {
    if (timestamps.length != actual.length || actual.length != forecast.length) {
      throw new IllegalArgumentException("timestamps, actual and forecast differ in length: "
          + timestamps.length + ", " + actual.length + ", " + forecast.length);
    }
    timestamps = timestamps.clone();
    actual = actual.clone();
    forecast = forecast.clone();
  }

  @Override
  public double[] actual() {
    return actual.clone();
  }

  @Override
  public double[] forecast() {
    return forecast.clone();
  }

  @Override
  public LocalDateTime[] timestamps() {
    return timestamps.clone();
  }
}
