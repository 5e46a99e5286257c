package org.doppel.domains.traffic.motorway;

import java.util.Arrays;

/**
 * The decision twin's figures for one policy.
 *
 * @param totalTimeSpent vehicle-hours in the corridor and both queues
 * @param bottleneckThroughput mean flow into the bottleneck cell over the throughput window,
 *     veh/h
 * @param meanRampQueue veh
 * @param maxRampQueue veh
 * @param breakdownMinute the first minute a cell from the on-ramp to the bottleneck is
 *     congested (speed below {@link Calibration#CONGESTED_SPEED_M_S}); -1 for none
 */
public record MotorwayKpis(double totalTimeSpent, double bottleneckThroughput,
    double meanRampQueue, double maxRampQueue, int breakdownMinute) {

  /**
   * The figures of a run.
   *
   * @param from first minute of the throughput window
   * @param to the minute after its end
   */
  public static MotorwayKpis of(CellTransmissionModel model, Trajectory run, int from,
      int to) {
    Corridor corridor = model.corridor();
    double hours = CellTransmissionModel.STEP_S / 3600;
    double vehicleHours = 0;
    for (int m = 0; m < run.minutes(); m++) {
      double vehicles = run.originQueue()[m] + run.rampQueue()[m];
      for (int i = 0; i < corridor.cells(); i++) {
        vehicles += run.density()[m][i] * corridor.lengthsKm()[i];
      }
      vehicleHours += vehicles * hours;
    }

    int bottleneck = corridor.bottleneckCell();
    double throughput = 0;
    for (int m = from; m < to; m++) {
      throughput += run.outflow()[m][bottleneck - 1];
    }
    throughput /= Math.max(1, to - from);

    return new MotorwayKpis(vehicleHours, throughput,
        Arrays.stream(run.rampQueue()).average().orElse(0),
        Arrays.stream(run.rampQueue()).max().orElse(0),
        breakdown(run.speed(), corridor.onRampCell(), bottleneck)[0]);
  }

  /**
   * The first congested minute and cell between {@code first} (inclusive) and {@code end}
   * (exclusive) in a {@code [minute][cell]} speed field (m/s); {@code {-1, -1}} for none.
   */
  static int[] breakdown(double[][] speed, int first, int end) {
    for (int m = 0; m < speed.length; m++) {
      for (int i = first; i < end; i++) {
        if (speed[m][i] < Calibration.CONGESTED_SPEED_M_S) {
          return new int[] {m, i};
        }
      }
    }
    return new int[] {-1, -1};
  }
}
