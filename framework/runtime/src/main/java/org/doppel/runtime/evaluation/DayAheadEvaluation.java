package org.doppel.runtime.evaluation;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.doppel.sdk.domain.ForecastTrace;

/**
 * The forecasts a {@link DayAheadEvaluator} issued, one per origin, next to what happened:
 * pooled accuracy, accuracy by origin and by horizon step, and the pooled trace the decision
 * twin consumes.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 */
public final class DayAheadEvaluation {

  private final int[] origins;
  private final LocalDateTime[][] times;
  private final double[][] actual;
  private final double[][] forecast;
  private final ForecastAccuracy pooled;

  DayAheadEvaluation(int[] origins, LocalDateTime[][] times, double[][] actual,
      double[][] forecast) {
    this.origins = origins.clone();
    this.times = deepCopy(times);
    this.actual = deepCopy(actual);
    this.forecast = deepCopy(forecast);
    this.pooled = ForecastAccuracy.of(flatten(actual), flatten(forecast));
  }

  /** The origins, as indices of the series, in time order. */
  public int[] origins() {
    return origins.clone();
  }

  /** The time of each origin (midnight of each forecast day). */
  public LocalDateTime[] originTimes() {
    return Arrays.stream(times).map(row -> row[0]).toArray(LocalDateTime[]::new);
  }

  public int horizon() {
    return forecast[0].length;
  }

  /** The errors of all forecast values pooled over every origin and step. */
  public ForecastAccuracy pooled() {
    return pooled;
  }

  /** The forecasts as issued, {@code [origin][step]}. */
  public double[][] forecasts() {
    return deepCopy(forecast);
  }

  /** The values that followed, {@code [origin][step]}. */
  public double[][] actuals() {
    return deepCopy(actual);
  }

  /** The signed errors, forecast − actual, {@code [origin][step]}. */
  public double[][] errors() {
    double[][] errors = new double[origins.length][horizon()];
    for (int o = 0; o < origins.length; o++) {
      for (int h = 0; h < horizon(); h++) {
        errors[o][h] = forecast[o][h] - actual[o][h];
      }
    }
    return errors;
  }

  /** The accuracy of each origin's forecast over its horizon. */
  public ForecastAccuracy[] byOrigin() {
    ForecastAccuracy[] result = new ForecastAccuracy[origins.length];
    for (int o = 0; o < origins.length; o++) {
      result[o] = ForecastAccuracy.of(actual[o], forecast[o]);
    }
    return result;
  }

  /** The accuracy at each horizon step, pooled over the origins (the "error by horizon"). */
  public ForecastAccuracy[] byStep() {
    ForecastAccuracy[] result = new ForecastAccuracy[horizon()];
    for (int h = 0; h < horizon(); h++) {
      result[h] = ForecastAccuracy.of(column(actual, h), column(forecast, h));
    }
    return result;
  }

  /**
   * Every forecast value in time order with the value that followed, for the decision twin.
   *
   * @param unit the values' unit
   * @param interval the time between steps
   */
  public ForecastTrace trace(String unit, Duration interval) {
    LocalDateTime[] stamps = Arrays.stream(times).flatMap(Arrays::stream)
        .toArray(LocalDateTime[]::new);
    return new ForecastTrace(stamps, flatten(actual), flatten(forecast), unit, interval);
  }

  private static double[] column(double[][] rows, int index) {
    return Arrays.stream(rows).mapToDouble(row -> row[index]).toArray();
  }

  private static double[] flatten(double[][] rows) {
    return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
  }

  private static double[][] deepCopy(double[][] rows) {
    return Arrays.stream(rows).map(double[]::clone).toArray(double[][]::new);
  }

  private static LocalDateTime[][] deepCopy(LocalDateTime[][] rows) {
    return Arrays.stream(rows).map(LocalDateTime[]::clone).toArray(LocalDateTime[][]::new);
  }
}
