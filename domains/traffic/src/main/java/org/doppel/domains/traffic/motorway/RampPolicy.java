package org.doppel.domains.traffic.motorway;

/**
 * How the on-ramp is metered, minute by minute. A policy holds the state of one run (an
 * integrator, a plan): not thread-safe, one instance per run.
 */
public interface RampPolicy {

  /** The policy's name in reports ({@code no-metering}, {@code alinea}, {@code mpc}). */
  String name();

  /**
   * The metering rate for the coming minute, veh/h, within the metering bounds.
   *
   * @param minute the minute index from the start of the run
   * @param state the plant's state now (see {@link CellTransmissionModel})
   * @param disturbance the demands measured this minute
   */
  double rate(int minute, double[] state, double[] disturbance);

  /** Figures about the run so far (fallbacks, overrides), for the report. */
  default java.util.Map<String, Double> diagnostics() {
    return java.util.Map.of();
  }
}
