package org.doppel.sdk.dynamics;

import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The physics model of a plant: x' = f(x, u, w, t) in continuous time, or
 * x[k+1] = f(x[k], u[k], w[k]) in discrete time, with state x, input u and disturbance w.
 *
 * <p>A registered service carries its default parameters; {@link #configure} returns the
 * plant for a scenario's parameters. Implementations are immutable and thread-safe.
 */
@ConsumerType
public interface SystemDynamics extends Plugin {

  @Override
  default PluginType type() {
    return PluginType.DYNAMICS;
  }

  /** Names of the state variables, in state-vector order, with units in brackets. */
  List<String> stateNames();

  /** Names of the manipulated inputs, in input-vector order. */
  List<String> inputNames();

  /** Names of the exogenous disturbances, in order; empty when the plant has none. */
  default List<String> disturbanceNames() {
    return List.of();
  }

  /** Continuous time ({@code 0}) or the sample period of a discrete-time plant, seconds. */
  default double samplePeriod() {
    return 0;
  }

  /**
   * The right-hand side: dx/dt for a continuous plant, x[k+1] for a discrete one.
   *
   * @param time seconds (continuous) or the step index (discrete)
   * @param state the state, of length {@code stateNames().size()}
   * @param input the input, of length {@code inputNames().size()}
   * @param disturbance the disturbance, of length {@code disturbanceNames().size()}
   * @return a new array; the arguments are not modified
   */
  double[] evaluate(double time, double[] state, double[] input, double[] disturbance);

  /**
   * The linear model around an operating point, for linear controllers.
   *
   * @throws UnsupportedOperationException when this plant offers none
   */
  Linearization linearize(double[] state, double[] input);

  /**
   * This plant with a scenario's parameters applied. The default accepts no parameters.
   *
   * @throws org.doppel.sdk.PluginException naming the parameter that is unknown or invalid
   */
  default SystemDynamics configure(Parameters parameters) {
    parameters.requireOnly(java.util.Set.of());
    return this;
  }
}
