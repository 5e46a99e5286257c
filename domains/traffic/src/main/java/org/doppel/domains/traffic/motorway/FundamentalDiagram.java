package org.doppel.domains.traffic.motorway;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * A trapezoidal fundamental diagram per lane with a capacity drop: sending (demand) flow
 * min(v k, Q), receiving (supply) flow min(Q, w (k_jam − k)), and a queue that discharges
 * at (1 − δ) Q.
 *
 * @param freeSpeedKmh v, km/h
 * @param capacityPerLane Q, veh/h per lane
 * @param jamDensityPerLane k_jam, veh/km per lane
 * @param waveSpeedKmh w, the speed at which congestion travels upstream, km/h
 * @param capacityDrop δ, the fraction of capacity lost once a queue discharges, in [0, 0.5)
 */
public record FundamentalDiagram(double freeSpeedKmh, double capacityPerLane,
    double jamDensityPerLane, double waveSpeedKmh, double capacityDrop) {

  /** The keys of {@link #from}. */
  public static final Set<String> KEYS = Set.of("free_speed_kmh", "capacity_veh_h_lane",
      "jam_density_veh_km_lane", "wave_speed_kmh", "capacity_drop");

  public FundamentalDiagram {
    positive("free_speed_kmh", freeSpeedKmh);
    positive("capacity_veh_h_lane", capacityPerLane);
    positive("wave_speed_kmh", waveSpeedKmh);
    if (!(jamDensityPerLane > capacityPerLane / freeSpeedKmh)) {
      throw new PluginException("fundamental diagram: jam_density_veh_km_lane ("
          + jamDensityPerLane + ") must exceed the critical density capacity / free speed ("
          + capacityPerLane / freeSpeedKmh + ")");
    }
    if (!(capacityDrop >= 0 && capacityDrop < 0.5)) {
      throw new PluginException("fundamental diagram: capacity_drop must be in [0, 0.5), got "
          + capacityDrop);
    }
  }

  /** This diagram with any of {@link #KEYS} replaced from {@code p}. */
  public FundamentalDiagram with(Parameters p) {
    return new FundamentalDiagram(p.getDouble("free_speed_kmh", freeSpeedKmh),
        p.getDouble("capacity_veh_h_lane", capacityPerLane),
        p.getDouble("jam_density_veh_km_lane", jamDensityPerLane),
        p.getDouble("wave_speed_kmh", waveSpeedKmh),
        p.getDouble("capacity_drop", capacityDrop));
  }

  /** The critical density Q / v, veh/km per lane. */
  public double criticalDensityPerLane() {
    return capacityPerLane / freeSpeedKmh;
  }

  private static void positive(String key, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException("fundamental diagram: " + key + " must be positive, got "
          + value);
    }
  }
}
