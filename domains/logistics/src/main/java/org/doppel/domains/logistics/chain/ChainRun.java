package org.doppel.domains.logistics.chain;

/**
 * What one policy did over a simulation: states at the start of every month (one more than
 * months), and per month and echelon the orders placed, the demand faced, the goods shipped
 * and the part of the month's demand shipped at once. Arrays are shared, not copied: treat
 * them as read-only.
 *
 * @param policy the policy's name
 * @param demand end demand per month
 */
public record ChainRun(String policy, double[] demand, double[][] states, double[][] orders,
    double[][] faced, double[][] shipped, double[][] filledAtOnce, int echelons) {

  public int months() {
    return demand.length;
  }

  /**
   * The same run from month {@code skipped} on, as if it had started there (a warm-up left
   * out of the figures).
   */
  public ChainRun after(int skipped) {
    if (skipped < 0 || skipped >= months()) {
      throw new IllegalArgumentException("cannot skip " + skipped + " of " + months()
          + " months");
    }
    return new ChainRun(policy, java.util.Arrays.copyOfRange(demand, skipped, months()),
        java.util.Arrays.copyOfRange(states, skipped, states.length), tail(orders, skipped),
        tail(faced, skipped), tail(shipped, skipped), tail(filledAtOnce, skipped), echelons);
  }

  private static double[][] tail(double[][] rows, int skipped) {
    return java.util.Arrays.copyOfRange(rows, skipped, rows.length);
  }

  /** Echelon {@code i}'s orders over the months. */
  public double[] ordersOf(int echelon) {
    double[] series = new double[months()];
    for (int k = 0; k < series.length; k++) {
      series[k] = orders[k][echelon];
    }
    return series;
  }

  /** State entry {@code index} at the end of every month (the start of the next). */
  public double[] endOfMonth(int index) {
    double[] series = new double[months()];
    for (int k = 0; k < series.length; k++) {
      series[k] = states[k + 1][index];
    }
    return series;
  }
}
