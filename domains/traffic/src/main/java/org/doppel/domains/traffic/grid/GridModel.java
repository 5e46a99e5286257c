package org.doppel.domains.traffic.grid;

/**
 * The calibrated store-and-forward model of the grid: what {@link GridCalibration} estimates
 * from the loops. Arrays are indexed by approach (state order). Treat as immutable.
 *
 * @param network the grid
 * @param timing cycle, lost time and green bounds
 * @param saturationFlow discharge rate of each approach during green, veh/h
 * @param storage the vehicles each approach holds bumper to bumper, veh
 * @param turning {@code [from][to]}: the share of approach {@code from}'s discharge that
 *     enters approach {@code to}; the rest of each row leaves the network
 * @param arrivals {@code [minute][approach]}: vehicles entering each approach from outside
 *     the modelled links (fringe inflow and trips starting on the link), veh/h
 * @param freeFlowSeconds free-flow travel time over each approach, s
 * @param laneSaturationFlow the estimated per-lane saturation flow, veh/h
 * @param startSeconds simulation seconds after midnight of minute 0
 */
public record GridModel(GridNetwork network, SignalTiming timing, double[] saturationFlow,
    double[] storage, double[][] turning, double[][] arrivals, double[] freeFlowSeconds,
    double laneSaturationFlow, double startSeconds) {

  /** The number of queues. */
  public int queues() {
    return saturationFlow.length;
  }

  /** The share of approach {@code from}'s discharge that leaves the network. */
  public double exitShare(int from) {
    double stays = 0;
    for (double t : turning[from]) {
      stays += t;
    }
    return 1 - stays;
  }

  /** The input index of the stage that serves {@code approach}. */
  public int greenOf(int approach) {
    Approach a = network.approaches().get(approach);
    return network.greenIndex(a.junction(), a.stage());
  }
}
