package org.doppel.domains.traffic.sumo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One closed-loop run of a signal policy on live SUMO. Arrays are per cycle, approaches in
 * the store-and-forward model's state order, greens two per junction (north-south,
 * east-west) as in the model's input; treat as immutable.
 *
 * @param policy the policy's name
 * @param demandScale SUMO's {@code --scale} (1: the shipped demand)
 * @param written {@code [cycle][input]}: the greens written into SUMO (whole seconds), s
 * @param measured {@code [cycle][input]}: the greens SUMO ran, timed from the phase changes
 *     it reported, s
 * @param queues {@code [cycle + 1][approach]}: vehicles on each approach's lanes at each
 *     cycle start (and the end), veh
 * @param halting {@code [cycle + 1][approach]}: of those, the ones standing, veh
 * @param kpis the KPIs by name ({@link SumoGridPlant} says how each is computed)
 */
public record SumoRun(String policy, double demandScale, double[][] written,
    double[][] measured, double[][] queues, double[][] halting, Map<String, Double> kpis) {

  public SumoRun {
    kpis = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
  }

  /** The number of cycles run. */
  public int cycles() {
    return written.length;
  }
}
