package org.doppel.domains.logistics.chain;

import java.util.Arrays;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;

/**
 * Model-predictive ordering through a controller plugin (the {@code mpc} plugin by default)
 * on the {@link InventoryPositionModel}: each month it plans the four orders over its horizon
 * to keep every echelon's net stock at its safety-stock target, weighing squared stock
 * deviations ({@code stateWeight}) against squared order deviations from the nominal flow
 * ({@code orderWeight}), with each order bounded to [0, capacity]. The end-demand forecast
 * enters the plan as the model's disturbance.
 *
 * <p>The nominal flow is the mean of the forecast issued when the law is designed; the law is
 * designed again every {@code redesignMonths} months, so the order bounds, which the plugin
 * holds in deviation from the nominal flow, stay exact. The plugin's orders are rounded to
 * whole units and held to the {@link OrderLimits} again after rounding.
 */
public final class MpcOrderPolicy implements OrderPolicy {

  /** The policy's name. */
  public static final String NAME = "mpc";

  private final Controller controller;
  private final Parameters parameters;
  private final InventoryPositionModel model;
  private final SafetyStock safety;
  private final OrderLimits limits;
  private final double stateWeight;
  private final double orderWeight;
  private final int redesignMonths;
  private ControlLaw law;
  private double nominal;
  private int designs;
  private long earlierFallbacks;

  /**
   * @param controller the controller plugin that designs the law
   * @param parameters the plugin's parameters (for {@code mpc}: horizon, moves)
   */
  public MpcOrderPolicy(Controller controller, Parameters parameters, SerialSupplyChain plant,
      SafetyStock safety, OrderLimits limits, double stateWeight, double orderWeight,
      int redesignMonths) {
    if (!(stateWeight > 0) || !(orderWeight > 0) || redesignMonths < 1) {
      throw new IllegalArgumentException("MPC weights must be positive and the redesign"
          + " period at least one month, got " + stateWeight + ", " + orderWeight + " and "
          + redesignMonths);
    }
    this.controller = controller;
    this.parameters = parameters;
    this.model = new InventoryPositionModel(plant);
    this.safety = safety;
    this.limits = limits;
    this.stateWeight = stateWeight;
    this.orderWeight = orderWeight;
    this.redesignMonths = redesignMonths;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** How many times the law was designed. */
  public int designs() {
    return designs;
  }

  /**
   * Months in which the plugin could not solve its program and fell back to its clipped
   * LQR input (its {@code fallback_steps} diagnostic, summed over designs); 0 for a plugin
   * that reports none.
   */
  public long fallbackMonths() {
    return earlierFallbacks + fallbacks(law);
  }

  @Override
  public double[] orders(int month, double[] state, double demand, DemandOutlook outlook) {
    double[] forecast = outlook.forecast(month);
    if (law == null || month % redesignMonths == 0) {
      earlierFallbacks += fallbacks(law);
      nominal = Arrays.stream(forecast).average().orElse(demand);
      law = controller.design(problem(nominal), parameters);
      designs++;
    }

    double[] estimate = model.estimate(state, safety.targets(month, outlook), nominal);
    double[][] disturbance = new double[forecast.length][1];
    disturbance[0][0] = demand - nominal;
    for (int h = 1; h < forecast.length; h++) {
      disturbance[h][0] = forecast[h - 1] - nominal;
    }
    double[] deviations = law.input(month, estimate, disturbance);

    double[] orders = new double[SerialSupplyChain.SIZE];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = limits.apply(nominal + deviations[i]);
    }
    return orders;
  }

  private static long fallbacks(ControlLaw law) {
    Object count = law == null ? null : law.diagnostics().get("fallback_steps");
    return count instanceof Number number ? number.longValue() : 0;
  }

  private ControlProblem problem(double flow) {
    int n = model.states();
    int m = SerialSupplyChain.SIZE;
    double[][] q = new double[n][n];
    double[][] c = new double[m][n];
    for (int i = 0; i < m; i++) {
      int e = model.netStockIndex(i);
      q[e][e] = stateWeight;
      c[i][e] = 1;
    }
    double[][] r = new double[m][m];
    double[] low = new double[m];
    double[] high = new double[m];
    for (int i = 0; i < m; i++) {
      r[i][i] = orderWeight;
      low[i] = -flow;
      high[i] = Math.floor(limits.capacity()) - flow;
    }
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(low, high, null, null, null);
    return new ControlProblem(model.linearization(), q, r, c, new double[m], bounds,
        SerialSupplyChain.MONTH_S);
  }
}
