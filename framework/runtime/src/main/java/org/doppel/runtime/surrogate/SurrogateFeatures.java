package org.doppel.runtime.surrogate;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.doppel.runtime.data.FeatureScaler;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a series into the model's input windows and targets: the standardised value plus
 * calendar features (time of day and day of week, each as sine and cosine) at every step.
 *
 * <p>A window for origin {@code t} holds steps {@code [t - inputWindow, t)}; its target is
 * steps {@code [t, t + horizon)}. Nothing at or after the origin enters a window. Immutable
 * and thread-safe.
 */
final class SurrogateFeatures {

  /** The scaler's one column. */
  static final String COLUMN = "value";

  /** The features of one step, in order. */
  static final List<String> NAMES = List.of(COLUMN, "day_sin", "day_cos", "week_sin",
      "week_cos");

  private static final double SECONDS_PER_DAY = 86_400;

  private final FeatureScaler scaler;
  private final int inputWindow;
  private final int horizon;

  SurrogateFeatures(FeatureScaler scaler, int inputWindow, int horizon) {
    this.scaler = scaler;
    this.inputWindow = inputWindow;
    this.horizon = horizon;
  }

  FeatureScaler scaler() {
    return scaler;
  }

  static int count() {
    return NAMES.size();
  }

  /** The values in the model's units. */
  double[] scale(double[] values) {
    return scaler.transformColumn(COLUMN, values);
  }

  /** A forecast back in the data's units. */
  double[] unscale(double[] scaled) {
    return scaler.inverseTransformColumn(COLUMN, scaled);
  }

  /**
   * Input windows for {@code origins}, {@code [origins, inputWindow, features]}.
   *
   * @param scaled the series in the model's units
   * @throws IllegalArgumentException for an origin whose window starts before the series
   */
  INDArray windows(LocalDateTime[] timestamps, double[] scaled, int[] origins) {
    int f = count();
    float[] data = new float[origins.length * inputWindow * f];
    int at = 0;
    for (int origin : origins) {
      if (origin < inputWindow || origin > scaled.length) {
        throw new IllegalArgumentException("origin " + origin + " needs the " + inputWindow
            + " values before it, but the series has " + scaled.length + " values");
      }
      for (int t = origin - inputWindow; t < origin; t++) {
        data[at++] = (float) scaled[t];
        double day = 2 * Math.PI * secondOfDay(timestamps[t]) / SECONDS_PER_DAY;
        double week = 2 * Math.PI * (timestamps[t].getDayOfWeek().getValue() - 1
            + secondOfDay(timestamps[t]) / SECONDS_PER_DAY) / 7;
        data[at++] = (float) Math.sin(day);
        data[at++] = (float) Math.cos(day);
        data[at++] = (float) Math.sin(week);
        data[at++] = (float) Math.cos(week);
      }
    }
    return Nd4j.create(data, new long[] {origins.length, inputWindow, f}, 'c');
  }

  /** Targets for {@code origins}, {@code [origins, horizon]}, in the model's units. */
  INDArray targets(double[] scaled, int[] origins) {
    float[] data = new float[origins.length * horizon];
    int at = 0;
    for (int origin : origins) {
      for (int h = 0; h < horizon; h++) {
        data[at++] = (float) scaled[origin + h];
      }
    }
    return Nd4j.create(data, new long[] {origins.length, horizon}, 'c');
  }

  /**
   * The seasonal lag in steps that the network's forecast starts from: one week when the
   * window holds a week, else one day when it holds a day, else 0 (no seasonal start).
   */
  static int seasonalLag(LocalDateTime[] timestamps, int inputWindow) {
    if (timestamps.length < 2) {
      return 0;
    }
    Duration step = Duration.between(timestamps[0], timestamps[1]);
    for (Duration season : List.of(Duration.ofDays(7), Duration.ofDays(1))) {
      if (!step.isNegative() && !step.isZero() && season.toNanos() % step.toNanos() == 0) {
        long lag = season.toNanos() / step.toNanos();
        if (lag <= inputWindow) {
          return (int) lag;
        }
      }
    }
    return 0;
  }

  private static double secondOfDay(LocalDateTime time) {
    return time.toLocalTime().toSecondOfDay();
  }
}
