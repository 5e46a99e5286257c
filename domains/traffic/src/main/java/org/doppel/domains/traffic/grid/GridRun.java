package org.doppel.domains.traffic.grid;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One closed-loop run of a policy on the grid plant. Arrays are per cycle; treat as
 * immutable.
 *
 * @param policy the policy's name
 * @param model the plant's model
 * @param queues {@code [cycle + 1][approach]}, veh, from the start
 * @param greens {@code [cycle][input]}, s
 * @param discharged {@code [cycle][approach]}: vehicles over each stop line, veh
 * @param entered vehicles entering per cycle
 * @param exited vehicles leaving the network per cycle
 */
public record GridRun(String policy, GridModel model, double[][] queues, double[][] greens,
    double[][] discharged, double[] entered, double[] exited) {

  /** The number of cycles run. */
  public int cycles() {
    return greens.length;
  }

  /**
   * The KPIs, by name with units.
   *
   * <ul>
   *   <li>{@code total_time_spent_veh_h}: Σ over cycles and approaches of the vehicles
   *   present (mean of the cycle's start and end) × T;
   *   <li>{@code total_delay_veh_h}: the time spent beyond each served vehicle's free-flow
   *   time over its approach;
   *   <li>{@code max_queue_veh}: the largest vehicles on one approach at any cycle end;
   *   <li>{@code throughput_veh}: vehicles that left the network;
   *   <li>{@code in_network_at_end_veh}: vehicles still in it when the data ends.
   * </ul>
   */
  public Map<String, Double> kpis() {
    double period = model.timing().cycleSeconds();
    double timeSpent = 0;
    double freeFlow = 0;
    double maxQueue = 0;
    double throughput = 0;
    for (int k = 0; k < cycles(); k++) {
      for (int z = 0; z < model.queues(); z++) {
        timeSpent += (queues[k][z] + queues[k + 1][z]) / 2 * period / 3600;
        freeFlow += discharged[k][z] * model.freeFlowSeconds()[z] / 3600;
        maxQueue = Math.max(maxQueue, queues[k + 1][z]);
      }
      throughput += exited[k];
    }
    double atEnd = 0;
    for (double x : queues[cycles()]) {
      atEnd += x;
    }
    Map<String, Double> kpis = new LinkedHashMap<>();
    kpis.put("total_time_spent_veh_h", timeSpent);
    kpis.put("total_delay_veh_h", Math.max(0, timeSpent - freeFlow));
    kpis.put("max_queue_veh", maxQueue);
    kpis.put("throughput_veh", throughput);
    kpis.put("in_network_at_end_veh", atEnd);
    return kpis;
  }

  /** The mean over cycles of each approach's vehicles. */
  public double[] meanQueues() {
    double[] mean = new double[model.queues()];
    for (int k = 1; k <= cycles(); k++) {
      for (int z = 0; z < mean.length; z++) {
        mean[z] += queues[k][z] / cycles();
      }
    }
    return mean;
  }
}
