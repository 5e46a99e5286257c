package org.doppel.domains.logistics.chain;

/**
 * How the echelons of a {@link SerialSupplyChain} choose their orders each month, after the
 * month's end demand is seen (see the plant's timing). Not thread-safe: a policy may hold
 * state for one simulation.
 */
public interface OrderPolicy {

  /** The policy's name in reports, such as {@code order-up-to}. */
  String name();

  /**
   * The four orders for {@code month}, retailer first: whole units within the limits.
   *
   * @param state the plant state at the start of the month
   * @param demand the end demand of the month
   */
  double[] orders(int month, double[] state, double demand, DemandOutlook outlook);
}
