package org.doppel.domains.logistics.chain;

/**
 * Runs an ordering policy on a {@link SerialSupplyChain} through a demand series, checking
 * every month that nothing was created or lost.
 *
 * <p>Two balances are checked exactly (the data and all orders are whole units, so doubles
 * hold them without rounding): each echelon's net stock changes by its arrivals minus the
 * demand it faced, and the goods in the chain change by production started minus what the
 * retailer delivered to end customers. Stateless.
 */
public final class ChainSimulation {

  private ChainSimulation() {
  }

  /**
   * Simulates {@code demand.length} months.
   *
   * @param initial the state at the start of month 0
   * @throws IllegalStateException naming the month and echelon when a balance fails
   * @throws IllegalArgumentException when the policy orders outside its limits' sign (the
   *     plant refuses negative orders)
   */
  public static ChainRun run(SerialSupplyChain plant, OrderPolicy policy, double[] demand,
      DemandOutlook outlook, double[] initial) {
    int months = demand.length;
    int echelons = SerialSupplyChain.SIZE;
    double[][] states = new double[months + 1][];
    double[][] orders = new double[months][];
    double[][] faced = new double[months][];
    double[][] shipped = new double[months][];
    double[][] filled = new double[months][];
    states[0] = initial.clone();

    for (int k = 0; k < months; k++) {
      orders[k] = policy.orders(k, states[k], demand[k], outlook);
      SerialSupplyChain.Month month = plant.step(states[k], orders[k], demand[k]);
      checkBalance(plant, k, states[k], orders[k], month);
      states[k + 1] = month.next();
      faced[k] = month.faced();
      shipped[k] = month.shipped();
      filled[k] = month.filledAtOnce();
    }
    return new ChainRun(policy.name(), demand.clone(), states, orders, faced, shipped, filled,
        echelons);
  }

  static void checkBalance(SerialSupplyChain plant, int k, double[] before, double[] orders,
      SerialSupplyChain.Month month) {
    for (int i = 0; i < SerialSupplyChain.SIZE; i++) {
      double expected = plant.netStock(before, i) + month.arrived()[i] - month.faced()[i];
      double actual = plant.netStock(month.next(), i);
      if (expected != actual) {
        throw new IllegalStateException("inventory balance broken in month " + k + " at the "
            + SerialSupplyChain.ECHELONS.get(i) + ": net stock " + actual + ", expected "
            + expected);
      }
    }
    double produced = orders[SerialSupplyChain.SIZE - 1];
    double delivered = month.shipped()[0];
    double expected = plant.goods(before) + produced - delivered;
    double actual = plant.goods(month.next());
    if (expected != actual) {
      throw new IllegalStateException("goods balance broken in month " + k + ": the chain"
          + " holds " + actual + ", expected " + expected + " (" + produced + " produced, "
          + delivered + " delivered)");
    }
  }
}
