package org.doppel.domains.logistics.chain;

import org.doppel.sdk.dynamics.Linearization;

/**
 * The linear model a controller plans the chain with: every echelon ships in full, so a
 * shipment equals the order it answers and the chain is linear. Coordinates are deviations:
 * per echelon its net stock minus its target stock, then its transit slots minus a nominal
 * monthly flow; inputs are orders minus the nominal flow; the disturbance is end demand minus
 * the nominal flow. The nominal flow cancels out of every upstream echelon's balance, so the
 * model is exact while nobody runs short.
 *
 * <p>State block of echelon i: {@code [e_i, p_i1 .. p_iL]}; one month:
 * e_i' = e_i + p_i1 − (w for the retailer, u_{i−1} otherwise), p_ij' = p_i(j+1), p_iL' = u_i.
 *
 * <p>Immutable and thread-safe.
 */
public final class InventoryPositionModel {

  private final SerialSupplyChain plant;
  private final int[] offsets;
  private final int states;

  public InventoryPositionModel(SerialSupplyChain plant) {
    this.plant = plant;
    this.offsets = new int[SerialSupplyChain.SIZE];
    int offset = 0;
    for (int i = 0; i < SerialSupplyChain.SIZE; i++) {
      offsets[i] = offset;
      offset += 1 + plant.leadTime(i);
    }
    this.states = offset;
  }

  public int states() {
    return states;
  }

  /** The index of echelon {@code i}'s net-stock deviation. */
  public int netStockIndex(int echelon) {
    return offsets[echelon];
  }

  /** The discrete model, one step a month. */
  public Linearization linearization() {
    int n = states;
    int m = SerialSupplyChain.SIZE;
    double[][] a = new double[n][n];
    double[][] b = new double[n][m];
    double[][] g = new double[n][1];
    for (int i = 0; i < m; i++) {
      int e = offsets[i];
      int lead = plant.leadTime(i);
      a[e][e] = 1;
      a[e][e + 1] = 1;
      if (i == 0) {
        g[e][0] = -1;
      } else {
        b[e][i - 1] = -1;
      }
      for (int slot = 1; slot < lead; slot++) {
        a[e + slot][e + slot + 1] = 1;
      }
      b[e + lead][i] = 1;
    }
    return new Linearization(a, b, g, SerialSupplyChain.MONTH_S);
  }

  /**
   * The model state of a plant state. What an upstream echelon still owes echelon i counts as
   * if shipped into i's last transit slot, so the model sees i's inventory position right.
   *
   * @param targets the target net stock of each echelon
   * @param nominal the nominal monthly flow
   */
  public double[] estimate(double[] plantState, double[] targets, double nominal) {
    double[] x = new double[states];
    for (int i = 0; i < SerialSupplyChain.SIZE; i++) {
      int e = offsets[i];
      int lead = plant.leadTime(i);
      x[e] = plant.netStock(plantState, i) - targets[i];
      for (int slot = 1; slot <= lead; slot++) {
        x[e + slot] = plantState[plant.transitIndex(i, slot)] - nominal;
      }
      if (i < SerialSupplyChain.SIZE - 1) {
        x[e + lead] += plantState[plant.backlogIndex(i + 1)];
      }
    }
    return x;
  }
}
