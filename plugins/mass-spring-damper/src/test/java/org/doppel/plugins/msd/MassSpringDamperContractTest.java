package org.doppel.plugins.msd;

import org.doppel.sdk.dynamics.SystemDynamics;
import org.doppel.sdk.testkit.SystemDynamicsContract;

/** The SDK test kit's dynamics contract, away from rest so that every term counts. */
class MassSpringDamperContractTest extends SystemDynamicsContract {

  @Override
  protected SystemDynamics dynamics() {
    return new MassSpringDamper(2, 3, 0.5);
  }

  @Override
  protected double[] operatingState() {
    return new double[] {0.3, -1.2};
  }

  @Override
  protected double[] operatingInput() {
    return new double[] {0.7};
  }
}
