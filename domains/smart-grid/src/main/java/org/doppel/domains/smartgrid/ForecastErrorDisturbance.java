package org.doppel.domains.smartgrid;

import java.time.Duration;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.domain.Disturbance;
import org.doppel.sdk.domain.ForecastTrace;

/**
 * Turns the demand the twin did not predict into the load disturbance of the two areas.
 *
 * <p>Half-hour j's error e_j = actual_j − forecast_j (MW) is split between the two areas,
 * equally by default, and put in per-unit of one area's capacity: ΔPd1 = s e_j / capacity,
 * ΔPd2 = (1 − s) e_j / capacity with area 1's share s (0.5: ΔPd1 = ΔPd2 = e_j / 2 /
 * capacity; two equal areas with equal loads then exchange no tie-line power). A
 * half-hourly value is an average over its half-hour, so it is placed at the half-hour's
 * middle; between middles the disturbance moves linearly, it rises from 0 at the start of
 * the test period to e_0 at the first middle (so the loop does not start with an artificial
 * step), and it holds e_last over the last half of the last half-hour. The result is sampled
 * at each control step, every {@code dt} seconds of simulated time, over exactly the test
 * period. With a time compression c, each half-hour is played in 1800 / c seconds.
 *
 * <p>Stateless and thread-safe.
 */
final class ForecastErrorDisturbance {

  private ForecastErrorDisturbance() {
  }

  /** How many control steps each interval of {@code trace} lasts. */
  static int stepsPerInterval(Duration interval, double samplePeriod, int timeCompression) {
    double seconds = interval.toNanos() / 1e9 / timeCompression;
    double steps = seconds / samplePeriod;
    long rounded = Math.round(steps);
    if (rounded < 1 || Math.abs(steps - rounded) > 1e-9 * steps) {
      throw new PluginException("domain/smart-grid: the control sample period " + samplePeriod
          + " s must divide the forecast interval " + interval + " (compressed "
          + timeCompression + " times: " + seconds + " s) into whole steps");
    }
    return (int) rounded;
  }

  /** The whole error of each half-hour of {@code trace}, in pu of one area's capacity. */
  static double[] errors(ForecastTrace trace, double areaCapacityMw) {
    if (!trace.unit().equalsIgnoreCase("MW")) {
      throw new PluginException("domain/smart-grid: the forecast trace must be in MW to be"
          + " put in per-unit of the area capacity, got '" + trace.unit() + "'");
    }
    double[] actual = trace.actual();
    double[] forecast = trace.forecast();
    double[] errors = new double[actual.length];
    for (int j = 0; j < errors.length; j++) {
      errors[j] = (actual[j] - forecast[j]) / areaCapacityMw;
      if (!Double.isFinite(errors[j])) {
        throw new PluginException("domain/smart-grid: forecast error at " + trace.timestamps()[j]
            + " is not finite (actual " + actual[j] + ", forecast " + forecast[j] + ")");
      }
    }
    return errors;
  }

  /**
   * The disturbance [ΔPd1, ΔPd2] at each control step: {@code errors.length ·
   * stepsPerInterval} steps, interpolated and shared out as the class describes, computed
   * on demand so that millions of steps cost no memory.
   */
  static Disturbance sample(double[] errors, int stepsPerInterval, double area1Share) {
    if (errors.length == 0) {
      throw new PluginException("domain/smart-grid: the forecast trace is empty");
    }
    double[] knots = errors.clone();
    long steps = (long) knots.length * stepsPerInterval;
    return new Disturbance() {
      @Override
      public long steps() {
        return steps;
      }

      @Override
      public int width() {
        return 2;
      }

      @Override
      public void fill(long step, double[] target) {
        double value = at(knots, (double) step / stepsPerInterval);
        target[0] = area1Share * value;
        target[1] = (1 - area1Share) * value;
      }
    };
  }

  /** The interpolated error at {@code tau} intervals from the start of the test period. */
  static double at(double[] errors, double tau) {
    double position = tau - 0.5;
    if (position < 0) {
      return errors[0] * (tau / 0.5);
    }
    int knot = (int) Math.floor(position);
    if (knot >= errors.length - 1) {
      return errors[errors.length - 1];
    }
    double fraction = position - knot;
    return (1 - fraction) * errors[knot] + fraction * errors[knot + 1];
  }
}
