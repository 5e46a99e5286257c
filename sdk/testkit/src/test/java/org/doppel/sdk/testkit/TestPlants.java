package org.doppel.sdk.testkit;

import java.util.List;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/** Small plants for the test kit's own tests: one right, two deliberately wrong. */
final class TestPlants {

  private TestPlants() {
  }

  /** A tank with level h [m], inflow q [m3/s] and leak w: h' = (q + w - 0.5 h^2) / 2. */
  static class Tank implements SystemDynamics {

    @Override
    public String id() {
      return "test-tank";
    }

    @Override
    public String description() {
      return "A draining tank for the test kit's tests";
    }

    @Override
    public List<String> stateNames() {
      return List.of("level [m]");
    }

    @Override
    public List<String> inputNames() {
      return List.of("inflow [m3/s]");
    }

    @Override
    public List<String> disturbanceNames() {
      return List.of("leak [m3/s]");
    }

    @Override
    public double[] evaluate(double time, double[] state, double[] input,
        double[] disturbance) {
      return new double[] {(input[0] + disturbance[0] - 0.5 * state[0] * state[0]) / 2};
    }

    @Override
    public Linearization linearize(double[] state, double[] input) {
      return new Linearization(new double[][] {{-0.5 * state[0]}}, new double[][] {{0.5}},
          new double[][] {{0.5}}, 0);
    }
  }

  /** Three state names, but evaluate returns four values. */
  static final class ExtraValue extends Tank {

    @Override
    public List<String> stateNames() {
      return List.of("level [m]", "temperature [K]", "pressure [Pa]");
    }

    @Override
    public double[] evaluate(double time, double[] state, double[] input,
        double[] disturbance) {
      return new double[4];
    }
  }

  /** A linearisation whose A has the wrong sign. */
  static final class WrongSlope extends Tank {

    @Override
    public Linearization linearize(double[] state, double[] input) {
      return new Linearization(new double[][] {{0.5 * state[0]}}, new double[][] {{0.5}},
          new double[][] {{0.5}}, 0);
    }
  }
}
