package org.doppel.domains.traffic.grid;

import java.util.List;

/**
 * A signalised approach: a link that ends at a traffic light, holding one store-and-forward
 * queue.
 *
 * @param index the position of its queue in the plant's state vector
 * @param edgeId the SUMO edge, such as {@code A0A1}
 * @param fromNode where the link starts (a junction or a fringe node such as {@code left1})
 * @param junction the signalised junction it ends at
 * @param stage 0 when it is served in the north-south stage, 1 in the east-west stage
 * @param lanes the number of lanes
 * @param lengthM the link length, m
 * @param fromFringe whether vehicles enter the network on it
 * @param detectors the ids of its loops, one per lane
 */
public record Approach(int index, String edgeId, String fromNode, String junction, int stage,
    int lanes, double lengthM, boolean fromFringe, List<String> detectors) {

  public Approach {
    detectors = List.copyOf(detectors);
  }
}
