package __package__;

import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * A heated room as one thermal capacity, id {@value #ID}: the plant of the
 * {@code __id__} domain.
 *
 * <p>With C the room's heat capacity [kJ/K] and R its thermal resistance to outside
 * [K/kW], the temperature deviation ΔT [K] from the set-point under a heating power
 * deviation Δq [kW] and a heat demand the forecast missed, Δd [kW], follows
 * <pre>
 *   C dΔT/dt = −ΔT / R + Δq − Δd
 * </pre>
 * The model is linear, so {@link #linearize} is exact. Parameters (optional, positive):
 * {@code capacity_kj_per_k}, {@code resistance_k_per_kw}. Immutable and thread-safe.
 */
public final class __Name__Plant implements SystemDynamics {

  /** The plugin id. */
  public static final String ID = "__id__-room";

  /** The parameters {@link #configure} accepts. */
  public static final Set<String> PARAMETERS = Set.of("capacity_kj_per_k",
      "resistance_k_per_kw");

  private static final List<String> STATES = List.of("temperature deviation [K]");
  private static final List<String> INPUTS = List.of("heating power deviation [kW]");
  private static final List<String> DISTURBANCES = List.of("missed heat demand [kW]");

  private final double capacity;
  private final double resistance;

  /** A room of 36,000 kJ/K (10 kWh/K) behind 2 K/kW: a 20-hour time constant. */
  public __Name__Plant() {
    this(36_000, 2);
  }

  public __Name__Plant(double capacity, double resistance) {
    this.capacity = capacity;
    this.resistance = resistance;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "A heated room as one thermal capacity (the __id__ domain's plant)";
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

  @Override
  public double[] evaluate(double time, double[] state, double[] input,
      double[] disturbance) {
    return new double[] {(-state[0] / resistance + input[0] - disturbance[0]) / capacity};
  }

  @Override
  public Linearization linearize(double[] state, double[] input) {
    return new Linearization(new double[][] {{-1 / (resistance * capacity)}},
        new double[][] {{1 / capacity}}, new double[][] {{-1 / capacity}}, 0);
  }

  @Override
  public __Name__Plant configure(Parameters parameters) {
    parameters.requireOnly(PARAMETERS);
    return new __Name__Plant(positive(parameters, "capacity_kj_per_k", capacity),
        positive(parameters, "resistance_k_per_kw", resistance));
  }

  private static double positive(Parameters parameters, String key, double fallback) {
    double value = parameters.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(parameters.owner() + ": parameter '" + key
          + "' must be a positive number, got " + parameters.asMap().get(key));
    }
    return value;
  }
}
