package org.doppel.plugins.controllers;

import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.testkit.ControllerContract;
import org.doppel.sdk.testkit.ReferencePlant;
import org.junit.jupiter.api.Nested;

/** The SDK test kit's controller contract, run on every controller of this bundle. */
class ControllerContractsTest {

  @Nested
  class Lqr extends ControllerContract {

    @Override
    protected Controller controller() {
      return new LqrController();
    }
  }

  @Nested
  class Lqi extends ControllerContract {

    @Override
    protected Controller controller() {
      return new LqiController();
    }
  }

  @Nested
  class Mpc extends ControllerContract {

    @Override
    protected Controller controller() {
      return new MpcController();
    }
  }

  /** PD on the double integrator (poles at -1 ± i), P on the first-order plants. */
  @Nested
  class Pid extends ControllerContract {

    @Override
    protected Controller controller() {
      return new PidController();
    }

    @Override
    protected Parameters parameters(ReferencePlant plant) {
      double td = plant.problem().plant().states() == 2 ? 1 : 0;
      return Parameters.of("controller/pid", Map.of("kp", 2.0, "td", td));
    }
  }

  /** With one exact sensor the fused estimate is the state, so the law is the LQR's. */
  @Nested
  class AttentionEstimate extends ControllerContract {

    @Override
    protected Controller controller() {
      return new AttentionEstimateController();
    }

    @Override
    protected Parameters parameters(ReferencePlant plant) {
      return Parameters.of("controller/attention-estimate", Map.of("fusion", "mean",
          "sensors", List.of(Map.of("noise", 0.0, "bias", 0.0, "delay", 0))));
    }
  }
}
