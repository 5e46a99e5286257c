package org.doppel.domains.medical.pk;

import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;

/**
 * The one-compartment intravenous model, id {@code pk-iv-one-compartment}: state x = central
 * amount a, mg; input u = infusion rate, mg/s; a' = -ke a + u; concentration a / V. A bolus
 * adds the dose to a.
 *
 * <p>Parameters: {@code ke_per_h} (default 0.5) and {@code volume_l} (10). Indomethacin's
 * curves are bi-exponential, so this model fits them only roughly (see
 * {@code docs/notes/medical.md}). Immutable and thread-safe.
 */
public final class IvOneCompartment implements PkPlant {

  /** The plugin id. */
  public static final String ID = "pk-iv-one-compartment";

  private static final Set<String> KEYS = Set.of("ke_per_h", "volume_l");

  private final double kePerH;
  private final double volumeL;

  /** The plant with its default parameters, as the registered service. */
  public IvOneCompartment() {
    this(0.5, 10);
  }

  /**
   * The plant with given parameters.
   *
   * @throws PluginException naming a parameter that is not positive and finite
   */
  public IvOneCompartment(double kePerH, double volumeL) {
    this.kePerH = OralOneCompartment.positive("ke_per_h", kePerH);
    this.volumeL = OralOneCompartment.positive("volume_l", volumeL);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "One-compartment pharmacokinetics after an intravenous bolus";
  }

  @Override
  public List<String> stateNames() {
    return List.of("central amount [mg]");
  }

  @Override
  public List<String> inputNames() {
    return List.of("infusion rate [mg/s]");
  }

  @Override
  public double[] evaluate(double time, double[] state, double[] input, double[] disturbance) {
    return new double[] {-kePerH / 3600 * state[0] + input[0]};
  }

  @Override
  public Linearization linearize(double[] state, double[] input) {
    return new Linearization(new double[][] {{-kePerH / 3600}}, new double[][] {{1}},
        new double[1][0], 0);
  }

  @Override
  public IvOneCompartment configure(Parameters parameters) {
    parameters.requireOnly(KEYS);
    try {
      return new IvOneCompartment(parameters.getDouble("ke_per_h", kePerH),
          parameters.getDouble("volume_l", volumeL));
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
    return 0;
  }

  @Override
  public double volumeL() {
    return volumeL;
  }

  @Override
  public double concentration(double[] state) {
    return state[0] / volumeL;
  }

  @Override
  public String toString() {
    return ID + " {ke " + kePerH + "/h, V " + volumeL + " L}";
  }
}
