package org.doppel.domains.traffic.motorway;

import java.util.Map;

/**
 * ALINEA feedback ramp metering with queue override: r(k) = r(k−1) + K_R (ô − o(k)), where
 * o is the occupancy (%) at the measurement cell and ô its target; then, so that the ramp
 * queue n stays under its limit n_max, r ≥ d + (n − n_max) / T (the rate that brings the
 * queue back to n_max within one minute with ramp demand d); then the bounds. The integrator
 * continues from the rate actually applied, so a bound or an override never winds it up.
 * Occupancy is the model's density per lane times the data's mean vehicle length.
 */
public final class Alinea implements RampPolicy {

  private final CellTransmissionModel model;
  private final MeteringBounds bounds;
  private final int cell;
  private final double gain;
  private final double targetOccupancy;
  private final double queueLimit;
  private double previous = Double.NaN;
  private int overrides;

  /**
   * @param cell the measurement cell
   * @param gain K_R, veh/h per % of occupancy
   * @param targetOccupancy ô, %
   * @param queueLimit n_max, veh
   */
  public Alinea(CellTransmissionModel model, MeteringBounds bounds, int cell, double gain,
      double targetOccupancy, double queueLimit) {
    this.model = model;
    this.bounds = bounds;
    this.cell = cell;
    this.gain = gain;
    this.targetOccupancy = targetOccupancy;
    this.queueLimit = queueLimit;
  }

  /**
   * The target occupancy at which the measurement cell just feeds the bottleneck its
   * capacity, times {@code margin}.
   */
  public static double bottleneckOccupancy(CellTransmissionModel model, int cell,
      double margin) {
    int bottleneck = model.corridor().bottleneckCell();
    double density = model.capacity(bottleneck) / model.diagram().freeSpeedKmh();
    return margin * occupancy(model, cell, density);
  }

  /** Occupancy (%) of a cell at a density (veh/km over all lanes). */
  static double occupancy(CellTransmissionModel model, int cell, double density) {
    double perLane = density / model.corridor().lanes()[cell];
    return perLane * MotorwayLoops.DEFAULT_VEHICLE_LENGTH_M / 10;
  }

  @Override
  public String name() {
    return "alinea";
  }

  @Override
  public double rate(int minute, double[] state, double[] disturbance) {
    if (Double.isNaN(previous)) {
      previous = bounds.max();
    }
    double measured = occupancy(model, cell, state[cell]);
    double rate = previous + gain * (targetOccupancy - measured);

    double release = queueRelease(model, state, disturbance, queueLimit);
    if (release > rate) {
      rate = release;
      overrides++;
    }

    previous = bounds.clip(rate);
    return previous;
  }

  /**
   * The queue override's rate: what brings the ramp queue back to {@code limit} within one
   * minute if this minute's demand arrives, veh/h.
   */
  static double queueRelease(CellTransmissionModel model, double[] state, double[] disturbance,
      double limit) {
    double queue = state[model.rampQueue()];
    return disturbance[1] + (queue - limit) * 3600 / CellTransmissionModel.STEP_S;
  }

  /** n_max of the queue override, veh. */
  double queueLimit() {
    return queueLimit;
  }

  @Override
  public Map<String, Double> diagnostics() {
    return Map.of("queue_override_minutes", (double) overrides);
  }
}
