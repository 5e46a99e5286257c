package org.doppel.domains.traffic.grid;

import java.util.Arrays;

/**
 * Runs a signal policy closed-loop on the store-and-forward plant over the data's period,
 * one step per cycle, with the calibrated arrivals. Stateless.
 *
 * <p>The policy is told the arrivals it may know: their mean over the last
 * {@code forecastLookbackMinutes} minutes held over the next {@code forecastCycles} cycles
 * (persistence: what a controller on the street could measure), never the arrivals still
 * to come.
 */
public final class GridSimulation {

  private GridSimulation() {
  }

  /**
   * The calibrated arrivals averaged over each cycle and multiplied by {@code scale},
   * {@code [cycle][approach]}, veh/h.
   */
  public static double[][] arrivalsPerCycle(GridModel model, double scale) {
    double period = model.timing().cycleSeconds();
    int minutes = model.arrivals().length;
    int steps = (int) Math.floor(minutes * 60 / period);
    double[][] perCycle = new double[steps][model.queues()];
    for (int k = 0; k < steps; k++) {
      double from = k * period;
      double to = from + period;
      for (int m = (int) (from / 60); m < minutes && m * 60 < to; m++) {
        double overlap = Math.min(to, (m + 1) * 60.0) - Math.max(from, m * 60.0);
        for (int z = 0; z < model.queues(); z++) {
          perCycle[k][z] += scale * model.arrivals()[m][z] * overlap / period;
        }
      }
    }
    return perCycle;
  }

  /**
   * Runs {@code policy} from empty queues (the simulated network starts empty at 06:00).
   *
   * @param demandScale the factor on every arrival (1: the data's demand)
   * @param forecastCycles how many cycles of arrival forecast the policy is given
   * @throws IllegalStateException when a policy's greens break the timing
   */
  public static GridRun run(StoreAndForwardPlant plant, SignalPolicy policy,
      double demandScale, int forecastCycles, int forecastLookbackMinutes) {
    GridModel model = plant.model();
    double[][] arrivals = arrivalsPerCycle(model, demandScale);
    int steps = arrivals.length;
    int n = model.queues();
    double period = model.timing().cycleSeconds();
    int lookback = Math.max(1, (int) Math.round(forecastLookbackMinutes * 60 / period));

    double[][] queues = new double[steps + 1][];
    double[][] greens = new double[steps][];
    double[][] discharged = new double[steps][];
    double[] entered = new double[steps];
    double[] exited = new double[steps];
    queues[0] = new double[n];
    for (int k = 0; k < steps; k++) {
      double[][] forecast = persistence(arrivals, k, lookback, forecastCycles);
      greens[k] = policy.greens(k, queues[k].clone(), forecast);
      model.timing().check(greens[k]);
      StoreAndForwardPlant.Step step = plant.step(queues[k], greens[k], arrivals[k]);
      queues[k + 1] = step.state();
      discharged[k] = step.discharged();
      entered[k] = step.entered();
      exited[k] = step.exited();
    }
    return new GridRun(policy.name(), model, queues, greens, discharged, entered, exited);
  }

  /**
   * The persistence forecast at cycle {@code step}: the mean arrivals of the last
   * {@code lookback} cycles (none before the first cycle: zeros), held over {@code cycles}
   * cycles. Also what the live SUMO plant gives the policies.
   */
  public static double[][] persistence(double[][] arrivals, int step, int lookback,
      int cycles) {
    double[] mean = new double[arrivals[0].length];
    int from = Math.max(0, step - lookback);
    for (int k = from; k < step; k++) {
      for (int z = 0; z < mean.length; z++) {
        mean[z] += arrivals[k][z] / (step - from);
      }
    }
    double[][] forecast = new double[cycles][];
    Arrays.setAll(forecast, k -> mean.clone());
    return forecast;
  }
}
