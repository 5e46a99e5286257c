package org.doppel.domains.traffic.grid;

/**
 * Chooses every junction's greens once per cycle. Not thread-safe: one policy drives one
 * run.
 */
public interface SignalPolicy {

  /** The name reports use, such as {@code lqr}. */
  String name();

  /**
   * The greens for this cycle, two per junction, meeting the {@link SignalTiming}.
   *
   * @param step the cycle index from the start of the run
   * @param queues the vehicles on each approach now
   * @param arrivalForecast the arrivals expected over the next cycles,
   *     {@code [cycle][approach]} in veh/h (what the policy may know; empty when none)
   */
  double[] greens(int step, double[] queues, double[][] arrivalForecast);
}
