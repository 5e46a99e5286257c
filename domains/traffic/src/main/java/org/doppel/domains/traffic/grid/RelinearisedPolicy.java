package org.doppel.domains.traffic.grid;

import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.Controller;

/**
 * Greens from a controller plugin redesigned on the plant linearised at the current queues
 * ({@link QueueBalanceModel}): only approaches holding at least what their equal-split green
 * clears respond to their green, so the law never spends green on a queue the green cannot
 * shorten. A junction with no such approach keeps the equal split. One law is designed per
 * saturated set met and reused when the set recurs (the linearisation depends on nothing
 * else). The change of a split between cycles is limited here, as a law met again has no
 * memory of the last input. Not thread-safe.
 *
 * <p>Linearising with the forecast arrivals as well (an approach counted saturated when its
 * queue plus a cycle's arrivals exceed what the green clears) was tried and was worse at
 * twice the demand: 4263 against 4205 veh·h for LQR (see docs/notes/traffic.md).
 */
public final class RelinearisedPolicy implements SignalPolicy {

  private final String name;
  private final Controller controller;
  private final Parameters parameters;
  private final StoreAndForwardPlant plant;
  private final double inputWeight;
  private final double greenRateSeconds;
  private final boolean forecasting;
  private final java.util.Map<java.util.BitSet, ControlLaw> laws = new java.util.HashMap<>();
  private double[] previous;

  /**
   * @param forecasting whether the law is given the drift forecast (MPC) or none (LQR)
   */
  public RelinearisedPolicy(String name, Controller controller, Parameters parameters,
      StoreAndForwardPlant plant, double inputWeight, double greenRateSeconds,
      boolean forecasting) {
    this.name = name;
    this.controller = controller;
    this.parameters = parameters;
    this.plant = plant;
    this.inputWeight = inputWeight;
    this.greenRateSeconds = greenRateSeconds;
    this.forecasting = forecasting;
    this.previous = new double[plant.model().network().junctions().size()];
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double[] greens(int step, double[] queues, double[][] arrivalForecast) {
    double[] shifts = new double[previous.length];
    QueueBalanceModel balance;
    try {
      balance = new QueueBalanceModel(plant, queues, new double[queues.length], inputWeight,
          greenRateSeconds);
    } catch (IllegalArgumentException nothingSaturated) {
      balance = null;
    }
    if (balance != null) {
      QueueBalanceModel designed = balance;
      ControlLaw law = laws.computeIfAbsent(balance.saturated(),
          key -> controller.design(designed.problem(), parameters));
      double[][] drift = forecasting ? ControllerPolicy.nominalDrift(plant, balance, queues,
          arrivalForecast) : new double[0][];
      shifts = law.input(0, balance.reduce(queues), drift);
    }
    for (int j = 0; j < shifts.length; j++) {
      shifts[j] = Math.max(previous[j] - greenRateSeconds,
          Math.min(previous[j] + greenRateSeconds, shifts[j]));
    }
    previous = shifts.clone();
    SignalTiming timing = plant.model().timing();
    double[] ns = new double[shifts.length];
    for (int j = 0; j < ns.length; j++) {
      ns[j] = timing.equalGreen() + shifts[j];
    }
    double[] greens = timing.greens(ns);
    for (int j = 0; j < shifts.length; j++) {
      previous[j] = greens[2 * j] - timing.equalGreen();
    }
    return greens;
  }

  /** How many distinct saturated sets, and so designs, the run met. */
  public int designs() {
    return laws.size();
  }
}
