package org.doppel.domains.logistics.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.domains.logistics.demand.DemandSeries;
import org.doppel.domains.logistics.demand.ShippedSales;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.Parameters;
import org.junit.jupiter.api.Test;

/**
 * The three policies on the shipped sales' last five years, fed seasonal-naive forecasts
 * (the forecaster is tested elsewhere).
 */
class OrderPoliciesTest {

  private static final int MONTHS = 60;

  private final SerialSupplyChain plant = new SerialSupplyChain();
  private final DemandSeries sales = ShippedSales.read();
  private final int start = sales.size() - MONTHS;
  private final double[] demand = Arrays.copyOfRange(sales.values(), start, sales.size());
  private final DemandOutlook outlook = seasonalNaive();
  private final OrderLimits limits = new OrderLimits(20_000);
  private final SafetyStock safety = new SafetyStock(plant, 1.65);
  private final double[] initial = plant.steadyState(sales.values()[start - 1],
      safety.targets(0, outlook));

  @Test
  void passAlongBullwhipIsAtLeastOneAtEveryEchelon() {
    ChainKpis kpis = kpis(run(new PassAlongPolicy(limits)));

    for (ChainKpis.Echelon echelon : kpis.echelons()) {
      assertTrue(echelon.bullwhip() >= 1, echelon.name() + ": " + echelon.bullwhip());
    }
  }

  @Test
  void orderUpToAmplifiesDemandVariabilityAtTheRetailerAndDampsItNowhere() {
    ChainKpis kpis = kpis(run(new OrderUpToPolicy(plant, safety, limits)));

    // Measured: 1.18, 1.02, 1.30, 1.00 (retailer ... factory).
    assertTrue(kpis.echelons().get(0).bullwhip() > 1.1, kpis.echelons().toString());
    for (ChainKpis.Echelon echelon : kpis.echelons()) {
      assertTrue(echelon.bullwhip() >= 1, kpis.echelons().toString());
    }
  }

  @Test
  void upstreamEchelonsOrderUpToTheEndDemandShiftedByTheLeadTimesBelowThem() {
    double[] state = plant.steadyState(100, new double[4]);
    double[] forecast = {100, 100, 100, 100, 500, 100, 100, 100, 100, 100, 100, 100};
    DemandOutlook spike = new ForecastOutlook(new double[][] {forecast}, new double[] {0});

    double[] orders = new OrderUpToPolicy(plant, safety, limits).orders(0, state, 100, spike);

    // Lead times 1, 1, 1, 2: the factory covers months 4 and 5 of the forecast, where the
    // spike of month 5 falls; the echelons below cover months 1, 2 and 3.
    assertArrayEquals(new double[] {100, 100, 100, 500}, orders);
  }

  @Test
  void noPolicyEverOrdersBelowZeroOrAboveCapacity() {
    OrderLimits tight = new OrderLimits(13_000);
    MpcOrderPolicy mpc = mpc(tight);
    List<OrderPolicy> policies = List.of(new PassAlongPolicy(tight),
        new OrderUpToPolicy(plant, safety, tight), mpc);

    for (OrderPolicy policy : policies) {
      ChainRun run = run(policy);
      boolean atCapacity = false;
      for (double[] orders : run.orders()) {
        for (double order : orders) {
          assertTrue(order >= 0 && order <= 13_000, policy.name() + " ordered " + order);
          assertEquals(Math.rint(order), order, policy.name() + " ordered part of a unit");
          atCapacity |= order == 13_000;
        }
      }
      assertTrue(atCapacity, policy.name() + " never reached the capacity; the test is void");
    }
    assertEquals(5, mpc.designs());
  }

  @Test
  void mpcKeepsServiceAndOrdersSmootherThanOrderUpTo() {
    ChainKpis upTo = kpis(run(new OrderUpToPolicy(plant, safety, limits)));
    ChainKpis mpc = kpis(run(mpc(limits)));

    assertTrue(mpc.echelons().get(3).bullwhip() < upTo.echelons().get(3).bullwhip(),
        "factory bullwhip: mpc " + mpc.echelons().get(3).bullwhip() + ", order-up-to "
            + upTo.echelons().get(3).bullwhip());
    assertTrue(mpc.echelons().get(0).fillRate() > 0.8, mpc.echelons().toString());
  }

  private MpcOrderPolicy mpc(OrderLimits orderLimits) {
    return new MpcOrderPolicy(new MpcController(), Parameters.of("control/mpc",
        Map.of("horizon", 12)), plant, safety, orderLimits, 1, 0.05, 12);
  }

  private ChainRun run(OrderPolicy policy) {
    return ChainSimulation.run(plant, policy, demand, outlook, initial);
  }

  private ChainKpis kpis(ChainRun run) {
    double[] holding = {0.02, 0.02, 0.02, 0.02};
    double[] backorder = {0.2, 0.2, 0.2, 0.2};
    return ChainKpis.of(plant, run, holding, backorder);
  }

  private DemandOutlook seasonalNaive() {
    double[] y = sales.values();
    double[][] forecasts = new double[MONTHS][12];
    double[] scales = new double[MONTHS];
    for (int k = 0; k < MONTHS; k++) {
      int issued = start + k;
      for (int h = 1; h <= 12; h++) {
        forecasts[k][h - 1] = y[issued + h - 12];
      }
      scales[k] = 0.05 * y[issued];
    }
    return new ForecastOutlook(forecasts, scales);
  }
}
