package org.doppel.domains.logistics.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class SerialSupplyChainTest {

  private final SerialSupplyChain plant = new SerialSupplyChain();

  @Test
  void stateVectorHasOnHandBacklogAndOneSlotPerLeadTimeMonth() {
    // Lead times 1, 1, 1, 2: (2 + 1) * 3 + (2 + 2) = 13 states.
    assertEquals(13, plant.states());
    assertEquals(13, plant.stateNames().size());
    assertEquals("factory in transit, arriving in month +1 [M USD]",
        plant.stateNames().get(plant.transitIndex(3, 2)));
    assertEquals(4, plant.inputNames().size());
    assertEquals(List.of("end-customer demand [M USD/month]"), plant.disturbanceNames());
  }

  @Test
  void inventoryBalanceHoldsToTheUnitEveryMonthUnderRandomOrdersAndShortages() {
    Random random = new Random(7);
    double[] state = plant.steadyState(100, new double[] {20, 20, 20, 20});
    double goods = plant.goods(state);
    double produced = 0;
    double delivered = 0;
    int shortMonths = 0;
    for (int k = 0; k < 2000; k++) {
      double demand = random.nextInt(250);
      double[] orders = new double[4];
      for (int i = 0; i < 4; i++) {
        orders[i] = random.nextInt(250);
      }
      SerialSupplyChain.Month month = plant.step(state, orders, demand);
      ChainSimulation.checkBalance(plant, k, state, orders, month);
      for (int i = 0; i < 4; i++) {
        assertEquals(plant.netStock(state, i) + month.arrived()[i] - month.faced()[i],
            plant.netStock(month.next(), i), "echelon " + i + ", month " + k);
        assertTrue(month.next()[plant.onHandIndex(i)] >= 0);
        assertTrue(month.next()[plant.backlogIndex(i)] >= 0);
        if (month.next()[plant.backlogIndex(i)] > 0) {
          shortMonths++;
        }
      }
      produced += orders[3];
      delivered += month.shipped()[0];
      state = month.next();
    }

    assertEquals(goods + produced - delivered, plant.goods(state));
    assertTrue(shortMonths > 100, "the random orders should leave echelons short often");
  }

  @Test
  void anEchelonShortOfStockShipsAllItHasAndBacklogsTheRest() {
    double[] state = plant.steadyState(10, new double[] {5, 0, 0, 0});
    SerialSupplyChain.Month month = plant.step(state, new double[] {30, 0, 0, 0}, 40);

    // The retailer has 5 + 10 arriving and faces 40: it ships 15 and owes 25.
    assertEquals(15, month.shipped()[0]);
    assertEquals(15, month.filledAtOnce()[0]);
    assertEquals(0, month.next()[plant.onHandIndex(0)]);
    assertEquals(25, month.next()[plant.backlogIndex(0)]);
    // The wholesaler has 10 arriving and faces the retailer's 30: it ships 10 into the
    // retailer's transit slot and owes 20.
    assertEquals(10, month.next()[plant.transitIndex(0, 1)]);
    assertEquals(20, month.next()[plant.backlogIndex(1)]);

    // Next month the retailer serves its old backlog first.
    SerialSupplyChain.Month after = plant.step(month.next(), new double[] {0, 0, 0, 0}, 5);
    assertEquals(10, after.shipped()[0]);
    assertEquals(0, after.filledAtOnce()[0]);
    assertEquals(20, after.next()[plant.backlogIndex(0)]);
  }

  @Test
  void aShipmentArrivesAfterTheLeadTime() {
    SerialSupplyChain chain = new SerialSupplyChain(new int[] {3, 1, 1, 2});
    double[] state = chain.steadyState(0, new double[] {0, 100, 0, 0});
    double[] arrivals = new double[5];
    double[] orders = {40, 0, 0, 0};
    for (int k = 0; k < 5; k++) {
      SerialSupplyChain.Month month = chain.step(state, orders, 0);
      arrivals[k] = month.arrived()[0];
      state = month.next();
      orders = new double[4];
    }
    assertArrayEquals(new double[] {0, 0, 0, 40, 0}, arrivals);
  }

  @Test
  void linearizationEqualsTheMonthInsideEitherRegime() {
    Random random = new Random(11);
    for (int trial = 0; trial < 200; trial++) {
      boolean stocked = trial % 2 == 0;
      double[] state = new double[plant.states()];
      for (int i = 0; i < 4; i++) {
        state[plant.onHandIndex(i)] = stocked ? 500 + random.nextInt(100) : random.nextInt(5);
        state[plant.backlogIndex(i)] = stocked ? 0 : random.nextInt(50);
        for (int slot = 1; slot <= plant.leadTime(i); slot++) {
          state[plant.transitIndex(i, slot)] = random.nextInt(50);
        }
      }
      double[] orders = new double[4];
      for (int i = 0; i < 4; i++) {
        orders[i] = stocked ? random.nextInt(50) : 100 + random.nextInt(50);
      }

      Linearization model = plant.linearize(state, orders);
      double[] expected = plant.step(state, orders, orders[0]).next();
      double[] linear = apply(model, state, orders, orders[0]);
      assertArrayEquals(expected, linear, 0, (stocked ? "stocked" : "short") + " trial "
          + trial);
    }
  }

  @Test
  void linearizationIsDiscreteAtOneMonth() {
    Linearization model = plant.linearize(plant.steadyState(100, new double[4]),
        new double[] {100, 100, 100, 100});
    assertEquals(SerialSupplyChain.MONTH_S, model.samplePeriod());
    assertEquals(2_629_746, SerialSupplyChain.MONTH_S);
  }

  @Test
  void negativeOrdersAndDemandAreRefused() {
    double[] state = plant.steadyState(10, new double[4]);
    IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
        () -> plant.step(state, new double[] {1, -1, 0, 0}, 5));
    assertTrue(order.getMessage().contains("wholesaler order"), order.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> plant.step(state, new double[4], -3));
  }

  @Test
  void scenarioSetsLeadTimesAndRefusesBadOnes() {
    SerialSupplyChain configured = plant.configure(Parameters.of("chain",
        Map.of("lead_times", List.of(2, 1, 3, 4))));
    assertArrayEquals(new int[] {2, 1, 3, 4}, configured.leadTimes());

    PluginException zero = assertThrows(PluginException.class, () -> plant.configure(
        Parameters.of("chain", Map.of("lead_times", List.of(1, 0, 1, 1)))));
    assertTrue(zero.getMessage().contains("wholesaler"), zero.getMessage());
    assertThrows(PluginException.class, () -> plant.configure(
        Parameters.of("chain", Map.of("lead_times", List.of(1, 1.5, 1, 1)))));
    assertThrows(PluginException.class, () -> plant.configure(
        Parameters.of("chain", Map.of("lead_time", 2))));
  }

  static double[] apply(Linearization model, double[] x, double[] u, double w) {
    double[][] a = model.a();
    double[][] b = model.b();
    double[][] g = model.g();
    double[] next = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      double sum = g[r][0] * w;
      for (int c = 0; c < x.length; c++) {
        sum += a[r][c] * x[c];
      }
      for (int c = 0; c < u.length; c++) {
        sum += b[r][c] * u[c];
      }
      next[r] = sum;
    }
    return next;
  }
}
