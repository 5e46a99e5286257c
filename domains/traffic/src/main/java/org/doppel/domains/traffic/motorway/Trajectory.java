package org.doppel.domains.traffic.motorway;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * One closed-loop run of the corridor model, minute by minute. {@code density},
 * {@code speed} and {@code outflow} are {@code [minute][cell]}; the queues are at the end of
 * each minute.
 *
 * @param density veh/km over all lanes
 * @param speed outflow / density above the critical density, else the free-flow speed, m/s
 * @param outflow through flow leaving each cell, veh/h
 * @param originQueue veh
 * @param rampQueue veh
 * @param rate the metering rate applied, veh/h
 * @param rampFlow the ramp's flow into the mainline, veh/h
 */
public record Trajectory(String policy, double[][] density, double[][] speed,
    double[][] outflow, double[] originQueue, double[] rampQueue, double[] rate,
    double[] rampFlow) {

  /**
   * Runs {@code policy} on {@code model} from {@code initial} for {@code minutes}.
   *
   * @param disturbance the measured demands of each minute
   */
  public static Trajectory run(CellTransmissionModel model, double[] initial,
      IntFunction<double[]> disturbance, RampPolicy policy, int minutes) {
    int n = model.corridor().cells();
    double[][] density = new double[minutes][];
    double[][] speed = new double[minutes][n];
    double[][] outflow = new double[minutes][];
    double[] origin = new double[minutes];
    double[] queue = new double[minutes];
    double[] rate = new double[minutes];
    double[] ramp = new double[minutes];
    double[] state = initial.clone();
    for (int m = 0; m < minutes; m++) {
      double[] w = disturbance.apply(m);
      rate[m] = policy.rate(m, state, w);
      CellTransmissionModel.Step step = model.advance(state, rate[m], w);
      state = step.state();
      density[m] = Arrays.copyOf(state, n);
      outflow[m] = step.cellOutflow();
      for (int i = 0; i < n; i++) {
        // Below the critical density vehicles run at the free-flow speed.
        speed[m][i] = density[m][i] > model.criticalDensity(i)
            ? Math.min(model.diagram().freeSpeedKmh(), outflow[m][i] / density[m][i]) / 3.6
            : model.diagram().freeSpeedKmh() / 3.6;
      }
      origin[m] = state[model.originQueue()];
      queue[m] = state[model.rampQueue()];
      ramp[m] = step.rampFlow();
    }
    return new Trajectory(policy.name(), density, speed, outflow, origin, queue, rate, ramp);
  }

  public int minutes() {
    return rate.length;
  }
}
