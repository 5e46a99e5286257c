package org.doppel.domains.medical.pk;

import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;

/**
 * One compartment with first-order absorption, id {@code pk-oral-one-compartment}:
 * state x = (gut amount g, central amount a), mg; input u = dose rate into the gut, mg/s;
 * g' = -ka g + u, a' = ka g - ke a, and the concentration is a / V. An oral bolus adds the
 * dose to g. Bioavailability is taken as 1, so V stands for V/F.
 *
 * <p>Parameters: {@code ka_per_h} (default 1.5), {@code ke_per_h} (0.08), {@code volume_l}
 * (32), roughly a typical adult of the theophylline study. The model is linear, so its
 * linearisation is exact at every operating point. Immutable and thread-safe.
 */
public final class OralOneCompartment implements PkPlant {

  /** The plugin id. */
  public static final String ID = "pk-oral-one-compartment";

  private static final Set<String> KEYS = Set.of("ka_per_h", "ke_per_h", "volume_l");
  private static final double SECONDS_PER_HOUR = 3600;

  private final double kaPerH;
  private final double kePerH;
  private final double volumeL;

  /** The plant with its default parameters, as the registered service. */
  public OralOneCompartment() {
    this(1.5, 0.08, 32);
  }

  /**
   * The plant with given parameters.
   *
   * @throws PluginException naming a parameter that is not positive and finite
   */
  public OralOneCompartment(double kaPerH, double kePerH, double volumeL) {
    this.kaPerH = positive("ka_per_h", kaPerH);
    this.kePerH = positive("ke_per_h", kePerH);
    this.volumeL = positive("volume_l", volumeL);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "One-compartment pharmacokinetics with first-order absorption (oral dose)";
  }

  @Override
  public List<String> stateNames() {
    return List.of("gut amount [mg]", "central amount [mg]");
  }

  @Override
  public List<String> inputNames() {
    return List.of("dose rate into the gut [mg/s]");
  }

  @Override
  public double[] evaluate(double time, double[] state, double[] input, double[] disturbance) {
    double ka = kaPerH / SECONDS_PER_HOUR;
    double ke = kePerH / SECONDS_PER_HOUR;
    return new double[] {-ka * state[0] + input[0], ka * state[0] - ke * state[1]};
  }

  @Override
  public Linearization linearize(double[] state, double[] input) {
    double ka = kaPerH / SECONDS_PER_HOUR;
    double ke = kePerH / SECONDS_PER_HOUR;
    return new Linearization(new double[][] {{-ka, 0}, {ka, -ke}},
        new double[][] {{1}, {0}}, new double[2][0], 0);
  }

  @Override
  public OralOneCompartment configure(Parameters parameters) {
    parameters.requireOnly(KEYS);
    try {
      return new OralOneCompartment(parameters.getDouble("ka_per_h", kaPerH),
          parameters.getDouble("ke_per_h", kePerH), parameters.getDouble("volume_l", volumeL));
    } catch (PluginException e) {
      throw new PluginException(parameters.owner() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int doseState() {
    return 0;
  }

  @Override
  public int centralState() {
    return 1;
  }

  @Override
  public double volumeL() {
    return volumeL;
  }

  @Override
  public double concentration(double[] state) {
    return state[1] / volumeL;
  }

  static double positive(String name, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException("parameter '" + name + "' must be positive and finite, got "
          + value);
    }
    return value;
  }

  @Override
  public String toString() {
    return ID + " {ka " + kaPerH + "/h, ke " + kePerH + "/h, V " + volumeL + " L}";
  }
}
