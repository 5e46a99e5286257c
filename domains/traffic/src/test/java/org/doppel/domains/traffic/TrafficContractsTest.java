package org.doppel.domains.traffic;

import java.util.Arrays;
import org.doppel.domains.traffic.grid.GridModel;
import org.doppel.domains.traffic.grid.StoreAndForwardPlant;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.doppel.sdk.testkit.DomainModuleContract;
import org.doppel.sdk.testkit.SystemDynamicsContract;
import org.junit.jupiter.api.Nested;

/** The SDK test kit's contracts, run on the domain and on the registered grid plant. */
class TrafficContractsTest {

  private static final StoreAndForwardPlant PLANT = new StoreAndForwardPlant();

  @Nested
  class Domain extends DomainModuleContract {

    @Override
    protected DomainModule domain() {
      return new TrafficDomain();
    }
  }

  @Nested
  class Plant extends SystemDynamicsContract {

    @Override
    protected SystemDynamics dynamics() {
      return PLANT;
    }

    /**
     * Every approach holding 2 % more than its equal-split green clears: saturated, where
     * the plant is linear, with room left so that nothing spills back. At the default point
     * (all empty) no approach discharges at saturation and the greens move nothing.
     */
    @Override
    protected double[] operatingState() {
      GridModel model = PLANT.model();
      return Arrays.stream(model.saturationFlow())
          .map(s -> 1.02 * s * model.timing().equalGreen() / 3600).toArray();
    }

    @Override
    protected double[] operatingInput() {
      GridModel model = PLANT.model();
      double[] ns = new double[model.network().junctions().size()];
      Arrays.fill(ns, model.timing().equalGreen());
      return model.timing().greens(ns);
    }

    @Override
    protected double[] operatingDisturbance() {
      double[] arrivals = new double[PLANT.model().queues()];
      Arrays.fill(arrivals, 100);
      return arrivals;
    }
  }
}
