package org.doppel.domains.logistics.chain;

/**
 * The net stock each echelon aims to hold beyond expected demand: z · √L · σ, with σ the
 * outlook's one-month forecast error and L the echelon's lead time, so an echelon whose
 * replenishment takes longer holds more. Treats monthly errors as independent, which
 * understates the spread of a biased forecast. Immutable.
 *
 * @param factor z, the number of error standard deviations held
 */
public record SafetyStock(SerialSupplyChain plant, double factor) {

  public SafetyStock {
    if (!(factor >= 0) || !Double.isFinite(factor)) {
      throw new IllegalArgumentException("safety factor must be finite and not negative, got "
          + factor);
    }
  }

  /**
   * The target net stock of every echelon at {@code month}, in whole units (so a chain
   * started at its targets holds whole units, and its balances are exact).
   */
  public double[] targets(int month, DemandOutlook outlook) {
    double sigma = outlook.errorScale(month);
    double[] targets = new double[SerialSupplyChain.SIZE];
    for (int i = 0; i < targets.length; i++) {
      targets[i] = Math.rint(factor * Math.sqrt(plant.leadTime(i)) * sigma);
    }
    return targets;
  }
}
