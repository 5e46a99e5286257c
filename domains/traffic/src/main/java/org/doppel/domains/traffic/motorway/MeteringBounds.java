package org.doppel.domains.traffic.motorway;

import org.doppel.sdk.PluginException;

/**
 * The metering rate's limits, veh/h: the lowest rate a signal may show (a green every few
 * seconds) and the ramp's capacity, which is also the rate of no metering.
 *
 * @param min the lowest rate, veh/h
 * @param max the highest rate, veh/h
 */
public record MeteringBounds(double min, double max) {

  public MeteringBounds {
    if (!(min >= 0) || !(max > min) || !Double.isFinite(max)) {
      throw new PluginException("motorway: metering bounds need 0 <= min_rate_veh_h <"
          + " max_rate_veh_h, got " + min + " and " + max);
    }
  }

  /** {@code rate} within the bounds. */
  public double clip(double rate) {
    return Math.min(max, Math.max(min, rate));
  }
}
