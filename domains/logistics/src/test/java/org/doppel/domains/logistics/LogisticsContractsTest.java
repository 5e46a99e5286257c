package org.doppel.domains.logistics;

import java.util.ArrayList;
import java.util.List;
import org.doppel.domains.logistics.chain.SerialSupplyChain;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.doppel.sdk.testkit.DomainModuleContract;
import org.doppel.sdk.testkit.SystemDynamicsContract;
import org.junit.jupiter.api.Nested;

/** The SDK test kit's contracts, run on the domain and on its supply-chain plant. */
class LogisticsContractsTest {

  @Nested
  class Domain extends DomainModuleContract {

    @Override
    protected DomainModule domain() {
      return new LogisticsDomain();
    }
  }

  @Nested
  class Plant extends SystemDynamicsContract {

    @Override
    protected SystemDynamics dynamics() {
      return new SerialSupplyChain();
    }

    /**
     * Every echelon well stocked, with goods in transit and orders flowing: inside one
     * shipping regime, where the plant is linear. At the default point (all zero) on-hand
     * and backlog switch, and a central difference straddles the kink.
     */
    @Override
    protected double[] operatingState() {
      List<Double> state = new ArrayList<>();
      for (int leadTime : SerialSupplyChain.DEFAULT_LEAD_TIMES) {
        state.add(100.0);
        state.add(0.0);
        for (int slot = 0; slot < leadTime; slot++) {
          state.add(10.0);
        }
      }
      return state.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    protected double[] operatingInput() {
      return new double[] {10, 10, 10, 10};
    }

    @Override
    protected double[] operatingDisturbance() {
      return new double[] {10};
    }
  }
}
