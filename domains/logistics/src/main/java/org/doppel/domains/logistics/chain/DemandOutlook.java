package org.doppel.domains.logistics.chain;

/**
 * What an ordering policy knows of future demand at the end of each simulated month.
 * Implementations are immutable.
 */
public interface DemandOutlook {

  /**
   * The demand forecast for months {@code month + 1, month + 2, ...}, issued at the end of
   * {@code month} (its demand already seen); at least as many months as the lead times of
   * the whole chain together.
   */
  double[] forecast(int month);

  /**
   * The standard deviation of a one-month-ahead forecast error at {@code month}, in demand
   * units: what safety stock is sized on.
   */
  double errorScale(int month);
}
