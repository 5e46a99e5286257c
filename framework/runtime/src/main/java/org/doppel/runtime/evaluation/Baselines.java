package org.doppel.runtime.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The naive forecasts a twin's forecast must beat, on the same origins and horizon.
 *
 * <p>Each baseline reads the series it is given only before the forecast origin. Stateless
 * and thread-safe; the returned forecasters keep a reference to the series, which callers must
 * not change while using them.
 */
public final class Baselines {

  /** The id of {@link #persistence}. */
  public static final String PERSISTENCE = "persistence";

  /** The id of the seasonal naive forecast that repeats the previous day. */
  public static final String SEASONAL_NAIVE_DAY = "seasonal-naive-day";

  /** The id of the seasonal naive forecast that repeats the same day of the previous week. */
  public static final String SEASONAL_NAIVE_WEEK = "seasonal-naive-week";

  private Baselines() {
  }

  /** The last observed value, {@code series[origin - 1]}, held over the whole horizon. */
  public static Forecaster persistence(double[] series, int horizon) {
    requirePositive("horizon", horizon);
    return origin -> {
      requireHistory(PERSISTENCE, origin, 1, series.length);
      double[] forecast = new double[horizon];
      java.util.Arrays.fill(forecast, series[origin - 1]);
      return forecast;
    };
  }

  /**
   * The seasonal naive forecast with season {@code period}: step h repeats the value one
   * season earlier, {@code series[origin - period + (h mod period)]}, so horizons longer than
   * a season repeat the last observed season.
   */
  public static Forecaster seasonalNaive(double[] series, int period, int horizon) {
    requirePositive("period", period);
    requirePositive("horizon", horizon);
    return origin -> {
      requireHistory("seasonal naive (period " + period + ")", origin, period, series.length);
      double[] forecast = new double[horizon];
      for (int h = 0; h < horizon; h++) {
        forecast[h] = series[origin - period + (h % period)];
      }
      return forecast;
    };
  }

  /**
   * The three standard baselines for a series with {@code stepsPerDay} values a day, by id:
   * persistence, seasonal naive one day and seasonal naive one week, in that order.
   */
  public static Map<String, Forecaster> standard(double[] series, int stepsPerDay,
      int horizon) {
    requirePositive("steps per day", stepsPerDay);
    Map<String, Forecaster> baselines = new LinkedHashMap<>();
    baselines.put(PERSISTENCE, persistence(series, horizon));
    baselines.put(SEASONAL_NAIVE_DAY, seasonalNaive(series, stepsPerDay, horizon));
    baselines.put(SEASONAL_NAIVE_WEEK, seasonalNaive(series, 7 * stepsPerDay, horizon));
    return baselines;
  }

  private static void requireHistory(String baseline, int origin, int needed, int length) {
    if (origin < needed || origin > length) {
      throw new IllegalArgumentException(baseline + ": origin " + origin + " needs " + needed
          + " earlier value(s) in a series of " + length);
    }
  }

  private static void requirePositive(String what, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(what + " must be positive, got " + value);
    }
  }
}
