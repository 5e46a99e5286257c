package org.doppel.domains.traffic.grid;

import org.doppel.sdk.control.ControlLaw;

/**
 * Greens from a controller plugin's law on the {@link QueueBalanceModel}: the law sees
 * z = Vᵀ x and returns the junctions' split shifts, which are projected on the timing
 * constraints (each green within its bounds, the two summing to C − L).
 *
 * <p>A law that reads a disturbance forecast (MPC) is given the queues' drift under the equal
 * split, as a rate: the change the plant itself makes over each forecast cycle with nominal
 * greens and the forecast arrivals, so empty queues and spillback are in the drift, and the
 * linear model predicts only the effect of moving the splits. Not thread-safe.
 */
public final class ControllerPolicy implements SignalPolicy {

  private final String name;
  private final ControlLaw law;
  private final QueueBalanceModel balance;
  private final StoreAndForwardPlant plant;
  private final boolean forecasting;

  /**
   * @param forecasting whether the law is given the drift forecast (MPC) or none (LQR)
   */
  public ControllerPolicy(String name, ControlLaw law, QueueBalanceModel balance,
      StoreAndForwardPlant plant, boolean forecasting) {
    this.name = name;
    this.law = law;
    this.balance = balance;
    this.plant = plant;
    this.forecasting = forecasting;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double[] greens(int step, double[] queues, double[][] arrivalForecast) {
    double[][] drift = forecasting ? nominalDrift(plant, balance, queues, arrivalForecast)
        : new double[0][];
    double[] shifts = law.input(step, balance.reduce(queues), drift);
    return balance.greens(shifts);
  }

  /**
   * The queues' change per cycle, as a rate (veh/h), when the plant runs the equal split
   * over the forecast arrivals from {@code queues}.
   */
  static double[][] nominalDrift(StoreAndForwardPlant plant, QueueBalanceModel balance,
      double[] queues, double[][] arrivals) {
    double[][] drift = new double[arrivals.length][];
    double[] state = queues.clone();
    double[] greens = balance.nominalGreens();
    double perHour = 3600 / plant.samplePeriod();
    for (int k = 0; k < arrivals.length; k++) {
      double[] next = plant.step(state, greens, arrivals[k]).state();
      drift[k] = new double[next.length];
      for (int z = 0; z < next.length; z++) {
        drift[k][z] = (next[z] - state[z]) * perHour;
      }
      state = next;
    }
    return drift;
  }

  /** The law's diagnostics, for the report. */
  public java.util.Map<String, Object> diagnostics() {
    return law.diagnostics();
  }
}
