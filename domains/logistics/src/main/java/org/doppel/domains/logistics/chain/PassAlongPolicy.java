package org.doppel.domains.logistics.chain;

/**
 * The classic pass-along policy: every echelon orders exactly what it was asked this month,
 * with no forecast and no correction of its stock. Orders upstream are then copies of end
 * demand (a bullwhip ratio of one), while stock drifts with every change in demand.
 */
public final class PassAlongPolicy implements OrderPolicy {

  /** The policy's name. */
  public static final String NAME = "pass-along";

  private final OrderLimits limits;

  public PassAlongPolicy(OrderLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public double[] orders(int month, double[] state, double demand, DemandOutlook outlook) {
    double[] orders = new double[SerialSupplyChain.SIZE];
    double asked = demand;
    for (int i = 0; i < orders.length; i++) {
      orders[i] = limits.apply(asked);
      asked = orders[i];
    }
    return orders;
  }
}
