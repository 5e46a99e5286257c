package __package__;

import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.dynamics.SystemDynamics;
import org.doppel.sdk.testkit.DomainModuleContract;
import org.doppel.sdk.testkit.SystemDynamicsContract;
import org.junit.jupiter.api.Nested;

/** The SDK test kit's contracts, run on the domain and on its plant. */
class __Name__ContractsTest {

  @Nested
  class Domain extends DomainModuleContract {

    @Override
    protected DomainModule domain() {
      return new __Name__Domain();
    }
  }

  @Nested
  class Plant extends SystemDynamicsContract {

    @Override
    protected SystemDynamics dynamics() {
      return new __Name__Plant();
    }

    @Override
    protected double[] operatingState() {
      return new double[] {0.5};
    }

    @Override
    protected double[] operatingInput() {
      return new double[] {1.5};
    }
  }
}
