package org.doppel.domains.logistics.chain;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;

/**
 * The key figures of a {@link ChainRun}, per echelon: fill rate (the share of the demand it
 * faced that it shipped the same month), mean on-hand stock and mean backlog at month ends,
 * holding plus backorder cost, and the bullwhip ratio var(orders) / var(end demand), both
 * variances over the simulated months.
 *
 * @param echelons one entry per echelon, retailer first
 * @param totalCost the chain's holding plus backorder cost over all months
 */
public record ChainKpis(String policy, List<Echelon> echelons, double totalCost) {

  /** The figures of one echelon. */
  public record Echelon(String name, double fillRate, double meanOnHand, double meanBacklog,
      double holdingCost, double backorderCost, double bullwhip) {

    public double cost() {
      return holdingCost + backorderCost;
    }
  }

  /**
   * @param holdingCost cost of holding one unit on hand for a month, per echelon
   * @param backorderCost cost of owing one unit for a month, per echelon
   */
  public static ChainKpis of(SerialSupplyChain plant, ChainRun run, double[] holdingCost,
      double[] backorderCost) {
    double demandVariance = StatUtils.populationVariance(run.demand());
    List<Echelon> echelons = new ArrayList<>();
    double total = 0;
    for (int i = 0; i < SerialSupplyChain.SIZE; i++) {
      double faced = 0;
      double filled = 0;
      for (int k = 0; k < run.months(); k++) {
        faced += run.faced()[k][i];
        filled += run.filledAtOnce()[k][i];
      }
      double[] onHand = run.endOfMonth(plant.onHandIndex(i));
      double[] backlog = run.endOfMonth(plant.backlogIndex(i));
      double holding = holdingCost[i] * StatUtils.sum(onHand);
      double backorder = backorderCost[i] * StatUtils.sum(backlog);
      double bullwhip = StatUtils.populationVariance(run.ordersOf(i)) / demandVariance;
      echelons.add(new Echelon(SerialSupplyChain.ECHELONS.get(i),
          faced == 0 ? 1 : filled / faced, StatUtils.mean(onHand), StatUtils.mean(backlog),
          holding, backorder, bullwhip));
      total += holding + backorder;
    }
    return new ChainKpis(run.policy(), List.copyOf(echelons), total);
  }
}
