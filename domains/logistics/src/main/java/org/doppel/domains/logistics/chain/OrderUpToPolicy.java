package org.doppel.domains.logistics.chain;

/**
 * Order-up-to (base stock) with a forecast: each month every echelon raises its inventory
 * position to S = the demand it expects over its lead time + its safety stock. The inventory
 * position after this month's arrivals and demand is net stock + goods still in transit +
 * what its supplier still owes it + the order.
 *
 * <p>Every echelon plans on the end-demand forecast, shared along the chain. An echelon above
 * the retailer faces the orders of the echelons below, which buy ahead of end demand by their
 * lead times; so echelon i expects, in month t + h, the end demand of month t + h + D_i, D_i
 * the sum of the lead times below it. The forecast must reach the sum of all lead times.
 */
public final class OrderUpToPolicy implements OrderPolicy {

  /** The policy's name. */
  public static final String NAME = "order-up-to";

  private final SerialSupplyChain plant;
  private final SafetyStock safety;
  private final OrderLimits limits;
  private final String name;

  public OrderUpToPolicy(SerialSupplyChain plant, SafetyStock safety, OrderLimits limits) {
    this(NAME, plant, safety, limits);
  }

  /** The policy under another name, for a variant fed a different forecast. */
  public OrderUpToPolicy(String name, SerialSupplyChain plant, SafetyStock safety,
      OrderLimits limits) {
    this.name = name;
    this.plant = plant;
    this.safety = safety;
    this.limits = limits;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public double[] orders(int month, double[] state, double demand, DemandOutlook outlook) {
    double[] forecast = outlook.forecast(month);
    double[] targets = safety.targets(month, outlook);
    double[] orders = new double[SerialSupplyChain.SIZE];
    double faced = demand;
    int downstreamLead = 0;
    for (int i = 0; i < orders.length; i++) {
      double position = positionBeforeOrder(state, i, faced);
      double orderUpTo = leadTimeDemand(forecast, downstreamLead, plant.leadTime(i))
          + targets[i];
      orders[i] = limits.apply(orderUpTo - position);
      faced = orders[i];
      downstreamLead += plant.leadTime(i);
    }
    return orders;
  }

  /**
   * Net stock after this month's arrival and demand, plus the goods still in transit, plus
   * what the supplier owes: the arrival moves from transit to stock, so it cancels.
   */
  double positionBeforeOrder(double[] state, int echelon, double faced) {
    double position = plant.netStock(state, echelon) + plant.inTransit(state, echelon) - faced;
    if (echelon < SerialSupplyChain.SIZE - 1) {
      position += state[plant.backlogIndex(echelon + 1)];
    }
    return position;
  }

  /** The forecast end demand of months t + 1 + shift .. t + lead + shift. */
  static double leadTimeDemand(double[] forecast, int shift, int lead) {
    if (forecast.length < shift + lead) {
      throw new IllegalArgumentException("the forecast covers " + forecast.length
          + " months; an echelon with lead time " + lead + " above lead times of " + shift
          + " needs " + (shift + lead));
    }
    double sum = 0;
    for (int h = shift; h < shift + lead; h++) {
      sum += forecast[h];
    }
    return sum;
  }
}
