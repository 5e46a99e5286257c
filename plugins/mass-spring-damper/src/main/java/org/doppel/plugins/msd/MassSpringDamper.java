package org.doppel.plugins.msd;

import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * A mass on a linear spring with a viscous damper, pushed by a force: the smallest complete
 * {@link SystemDynamics}, id {@value #ID}.
 *
 * <p>Newton's second law for a mass m [kg] on a spring of stiffness k [N/m] with a damper
 * of coefficient c [N s/m], driven by the input force F [N] and a disturbance force
 * F<sub>d</sub> [N]:
 * <pre>
 *   m x'' = F + F_d − c x' − k x
 * </pre>
 * written as first-order equations in the state [x, v] = [position [m], velocity [m/s]]:
 * <pre>
 *   x' = v
 *   v' = (F + F_d − c v − k x) / m
 * </pre>
 * The model is linear, so {@link #linearize} is exact and the same at every operating
 * point. Free of forces, it oscillates at the natural frequency ω0 = √(k/m) with damping
 * ratio ζ = c / (2 √(k m)); a constant force F holds it at x = F / k.
 *
 * <p>Parameters (all optional, all positive): {@code mass} [kg], {@code stiffness} [N/m],
 * {@code damping} [N s/m]. Immutable and thread-safe.
 */
public final class MassSpringDamper implements SystemDynamics {

  /** The plugin id a scenario names. */
  public static final String ID = "mass-spring-damper";

  /** The parameter keys {@link #configure} accepts. */
  public static final Set<String> PARAMETERS = Set.of("mass", "stiffness", "damping");

  private static final List<String> STATES = List.of("position [m]", "velocity [m/s]");
  private static final List<String> INPUTS = List.of("force [N]");
  private static final List<String> DISTURBANCES = List.of("disturbance force [N]");

  private static final double DEFAULT_MASS = 1;
  private static final double DEFAULT_STIFFNESS = 4;
  private static final double DEFAULT_DAMPING = 0.4;

  private final double mass;
  private final double stiffness;
  private final double damping;

  /**
   * The registered plant: 1 kg on 4 N/m with 0.4 N s/m, so ω0 = 2 rad/s and ζ = 0.1 (a
   * lightly damped oscillation that is easy to see in a plot).
   */
  public MassSpringDamper() {
    this(DEFAULT_MASS, DEFAULT_STIFFNESS, DEFAULT_DAMPING);
  }

  /**
   * A plant with the given coefficients.
   *
   * @throws IllegalArgumentException naming the coefficient that is not a positive number
   */
  public MassSpringDamper(double mass, double stiffness, double damping) {
    this.mass = requirePositive("mass", mass);
    this.stiffness = requirePositive("stiffness", stiffness);
    this.damping = requirePositive("damping", damping);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Mass-spring-damper driven by a force: the smallest example plugin";
  }

  @Override
  public List<String> stateNames() {
    return STATES;
  }

  @Override
  public List<String> inputNames() {
    return INPUTS;
  }

  @Override
  public List<String> disturbanceNames() {
    return DISTURBANCES;
  }

  /** The mass m, kg. */
  public double mass() {
    return mass;
  }

  /** The spring stiffness k, N/m. */
  public double stiffness() {
    return stiffness;
  }

  /** The damping coefficient c, N s/m. */
  public double damping() {
    return damping;
  }

  /** The undamped natural frequency ω0 = √(k/m), rad/s. */
  public double naturalFrequency() {
    return Math.sqrt(stiffness / mass);
  }

  /** The damping ratio ζ = c / (2 √(k m)): below 1 it oscillates, from 1 on it does not. */
  public double dampingRatio() {
    return damping / (2 * Math.sqrt(stiffness * mass));
  }

  /** [x', v'] at [x, v] under the force and the disturbance force; time does not matter. */
  @Override
  public double[] evaluate(double time, double[] state, double[] input,
      double[] disturbance) {
    requireLength("state", state, STATES);
    requireLength("input", input, INPUTS);
    requireLength("disturbance", disturbance, DISTURBANCES);

    double position = state[0];
    double velocity = state[1];
    double force = input[0] + disturbance[0];
    return new double[] {velocity,
        (force - damping * velocity - stiffness * position) / mass};
  }

  /**
   * The exact linear model: A = [[0, 1], [−k/m, −c/m]], B = G = [[0], [1/m]], continuous
   * time. The operating point does not matter, as the plant is linear.
   */
  @Override
  public Linearization linearize(double[] state, double[] input) {
    double[][] a = {{0, 1}, {-stiffness / mass, -damping / mass}};
    double[][] b = {{0}, {1 / mass}};
    double[][] g = {{0}, {1 / mass}};
    return new Linearization(a, b, g, 0);
  }

  /**
   * This plant with a scenario's {@link #PARAMETERS}; those not given keep this plant's
   * values.
   *
   * @throws PluginException naming an unknown key, or a value that is not a positive number
   */
  @Override
  public MassSpringDamper configure(Parameters parameters) {
    parameters.requireOnly(PARAMETERS);
    return new MassSpringDamper(
        positive(parameters, "mass", mass, "kg"),
        positive(parameters, "stiffness", stiffness, "N/m"),
        positive(parameters, "damping", damping, "N s/m"));
  }

  @Override
  public String toString() {
    return ID + "{mass=" + mass + " kg, stiffness=" + stiffness + " N/m, damping=" + damping
        + " N s/m}";
  }

  private static double positive(Parameters parameters, String key, double fallback,
      String unit) {
    double value = parameters.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(parameters.owner() + ": parameter '" + key + "' must be a"
          + " positive number (" + unit + "), got " + parameters.asMap().get(key));
    }
    return value;
  }

  private static double requirePositive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive number, got " + value);
    }
    return value;
  }

  private static void requireLength(String what, double[] values, List<String> names) {
    if (values.length != names.size()) {
      throw new IllegalArgumentException(ID + ": " + what + " needs " + names.size()
          + " value(s) " + names + ", got " + values.length);
    }
  }
}
