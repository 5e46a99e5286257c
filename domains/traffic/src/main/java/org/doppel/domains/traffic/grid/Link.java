package org.doppel.domains.traffic.grid;

/**
 * A directed road link of the network, as listed in {@code edges.csv}.
 *
 * @param id the SUMO edge id
 * @param fromNode the node it starts at
 * @param toNode the node it ends at
 * @param lengthM its length, m
 * @param lanes its number of lanes
 * @param speedLimit its speed limit, m/s
 * @param dx the x component of its unit direction
 * @param dy the y component of its unit direction
 * @param signalisedEnd whether it ends at a traffic light
 */
record Link(String id, String fromNode, String toNode, double lengthM, int lanes,
    double speedLimit, double dx, double dy, boolean signalisedEnd) {
}
