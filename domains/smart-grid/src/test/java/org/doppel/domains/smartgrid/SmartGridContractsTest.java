package org.doppel.domains.smartgrid;

import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.doppel.sdk.testkit.DomainModuleContract;
import org.doppel.sdk.testkit.SystemDynamicsContract;
import org.junit.jupiter.api.Nested;

/** The SDK test kit's contracts, run on the domain and on its plant. */
class SmartGridContractsTest {

  @Nested
  class Domain extends DomainModuleContract {

    @Override
    protected DomainModule domain() {
      return new SmartGridDomain();
    }
  }

  @Nested
  class Plant extends SystemDynamicsContract {

    @Override
    protected SystemDynamics dynamics() {
      return new TwoAreaLoadFrequencyControl();
    }
  }
}
