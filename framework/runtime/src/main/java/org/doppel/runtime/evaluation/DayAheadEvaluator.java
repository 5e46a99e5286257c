package org.doppel.runtime.evaluation;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.data.TimeSeries;

/**
 * The day-ahead protocol: one forecast issued at each midnight of the test period, each
 * covering the next {@code horizon} steps, all inside the test period.
 *
 * <p>An origin is a test index whose timestamp is 00:00 and whose whole horizon ends at or
 * before the end of the test period; the forecaster sees only the origin and may use values
 * before it. On the default smart-grid split (the last 672 half-hours of 4032, starting at a
 * midnight) that gives 14 origins. Stateless and thread-safe.
 */
public final class DayAheadEvaluator {

  private DayAheadEvaluator() {
  }

  /**
   * Evaluates {@code forecaster} on column {@code column} of {@code series}, from
   * {@code testStart} to the end of the series.
   */
  public static DayAheadEvaluation evaluate(TimeSeries series, String column, int testStart,
      int horizon, Forecaster forecaster) {
    return evaluate(series.timestamps(), series.column(column), testStart, series.size(),
        horizon, forecaster);
  }

  /**
   * Evaluates {@code forecaster} on the test period {@code [testStart, testEnd)} of a series.
   *
   * @throws IllegalArgumentException when the period is outside the series, no origin fits
   *     in it, or the forecaster returns a forecast of the wrong length or a non-finite value
   *     (naming the origin)
   */
  public static DayAheadEvaluation evaluate(LocalDateTime[] timestamps, double[] values,
      int testStart, int testEnd, int horizon, Forecaster forecaster) {
    int[] origins = midnightOrigins(timestamps, values.length, testStart, testEnd, horizon);

    LocalDateTime[][] times = new LocalDateTime[origins.length][];
    double[][] actual = new double[origins.length][];
    double[][] forecast = new double[origins.length][];
    for (int o = 0; o < origins.length; o++) {
      int origin = origins[o];
      times[o] = Arrays.copyOfRange(timestamps, origin, origin + horizon);
      actual[o] = Arrays.copyOfRange(values, origin, origin + horizon);
      forecast[o] = checked(forecaster.forecast(origin), origin, timestamps[origin], horizon);
    }
    return new DayAheadEvaluation(origins, times, actual, forecast);
  }

  /**
   * The midnight origins in {@code [testStart, testEnd)} whose horizon fits before
   * {@code testEnd}.
   */
  public static int[] midnightOrigins(LocalDateTime[] timestamps, int length, int testStart,
      int testEnd, int horizon) {
    if (timestamps.length != length) {
      throw new IllegalArgumentException(timestamps.length + " timestamps for " + length
          + " values");
    }
    if (horizon <= 0) {
      throw new IllegalArgumentException("horizon must be positive, got " + horizon);
    }
    if (testStart < 0 || testEnd > length || testStart >= testEnd) {
      throw new IllegalArgumentException("test period [" + testStart + ", " + testEnd
          + ") is not inside a series of " + length + " values");
    }

    List<Integer> origins = new ArrayList<>();
    for (int t = testStart; t + horizon <= testEnd; t++) {
      if (timestamps[t].toLocalTime().equals(LocalTime.MIDNIGHT)) {
        origins.add(t);
      }
    }
    if (origins.isEmpty()) {
      throw new IllegalArgumentException("no midnight in the test period [" + testStart + ", "
          + testEnd + ") leaves room for a horizon of " + horizon + " steps");
    }
    return origins.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double[] checked(double[] forecast, int origin, LocalDateTime time,
      int horizon) {
    if (forecast == null || forecast.length != horizon) {
      throw new IllegalArgumentException("forecast at origin " + origin + " (" + time
          + ") has " + (forecast == null ? "no" : forecast.length) + " values, expected "
          + horizon);
    }
    for (int h = 0; h < horizon; h++) {
      if (!Double.isFinite(forecast[h])) {
        throw new IllegalArgumentException("forecast at origin " + origin + " (" + time
            + ") is " + forecast[h] + " at step " + h);
      }
    }
    return forecast.clone();
  }
}
