package org.doppel.domains.medical.glucose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * The UVA/Padova type 1 diabetes model of one simglucose virtual patient as a dynamics
 * plugin, id {@code uva-padova-t1d}; the equations and the 13 states are those of
 * {@link UvaPadovaModel} (see there).
 *
 * <p>Continuous time in seconds, as the SDK asks: {@link #evaluate} returns dx/dt per second
 * (the model's per-minute rates divided by 60), while the input keeps its clinical unit:
 * u = [insulin infusion, U/min]. Disturbances w = [carbohydrate intake, g/min; size of the
 * current meal D, mg]. {@link #linearize} differentiates numerically (forward differences,
 * so the non-negativity guards of states at zero are not straddled) and takes D = 0, the
 * fasting gastric emptying rate, so the meal size's column of G is zero. Parameter
 * {@code patient} (default {@code adolescent#001}) picks the virtual patient. Immutable and
 * thread-safe.
 */
public final class UvaPadovaDynamics implements SystemDynamics {

  /** The plugin id. */
  public static final String ID = "uva-padova-t1d";

  /** The patient of the service's default configuration. */
  public static final String DEFAULT_PATIENT = "adolescent#001";

  static final List<String> STATES = List.of("Qsto1 [mg]", "Qsto2 [mg]", "Qgut [mg]",
      "Gp [mg/kg]", "Gt [mg/kg]", "Ip [pmol/kg]", "X [pmol/L]", "I1 [pmol/L]", "Id [pmol/L]",
      "Il [pmol/kg]", "Isc1 [pmol/kg]", "Isc2 [pmol/kg]", "Gs [mg/kg]");
  static final List<String> INPUTS = List.of("insulin [U/min]");
  static final List<String> DISTURBANCES = List.of("carbohydrate intake [g/min]",
      "meal size D [mg]");

  private static final double SECONDS_PER_MINUTE = 60;
  private static final Set<String> KEYS = Set.of("patient");

  private final UvaPadovaModel model;

  /** The service: the default patient from the shipped tables. */
  public UvaPadovaDynamics() {
    this(loadDefault());
  }

  UvaPadovaDynamics(VirtualPatient patient) {
    this.model = new UvaPadovaModel(patient);
  }

  /** The virtual patient this plant models. */
  public VirtualPatient patient() {
    return model.patient();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "UVA/Padova type 1 diabetes glucose-insulin model (Dalla Man et al. 2007), one of"
        + " the 30 simglucose virtual patients";
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
  public double[] evaluate(double time, double[] state, double[] input, double[] disturbance) {
    double[] dx = new double[STATES.size()];
    model.derivative(state, input[0], disturbance[0], disturbance[1], dx);
    for (int i = 0; i < dx.length; i++) {
      dx[i] /= SECONDS_PER_MINUTE;
    }
    return dx;
  }

  /** The Jacobians at (state, input) with no meal: A, B (per U/min) and G (per g/min). */
  @Override
  public Linearization linearize(double[] state, double[] input) {
    int n = STATES.size();
    double[] fasting = {0, 0};
    double[] f0 = evaluate(0, state, input, fasting);
    double[][] a = new double[n][n];
    for (int j = 0; j < n; j++) {
      double h = 1e-6 * Math.max(1, Math.abs(state[j]));
      double[] shifted = state.clone();
      shifted[j] += h;
      double[] f1 = evaluate(0, shifted, input, fasting);
      for (int i = 0; i < n; i++) {
        a[i][j] = (f1[i] - f0[i]) / h;
      }
    }
    double[][] b = column(f0, evaluate(0, state, new double[] {input[0] + 1e-6}, fasting),
        1e-6);
    double[][] carbs = column(f0, evaluate(0, state, input, new double[] {1e-3, 0}), 1e-3);
    double[][] g = new double[n][2];
    for (int i = 0; i < n; i++) {
      g[i][0] = carbs[i][0];
    }
    return new Linearization(a, b, g, 0);
  }

  private static double[][] column(double[] f0, double[] f1, double h) {
    double[][] column = new double[f0.length][1];
    for (int i = 0; i < f0.length; i++) {
      column[i][0] = (f1[i] - f0[i]) / h;
    }
    return column;
  }

  @Override
  public UvaPadovaDynamics configure(Parameters parameters) {
    parameters.requireOnly(KEYS);
    String name = parameters.getString("patient", DEFAULT_PATIENT);
    try {
      return new UvaPadovaDynamics(GlucoseTables.load().patient(name));
    } catch (IllegalArgumentException e) {
      throw new PluginException(parameters.owner() + ": parameter 'patient': "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static VirtualPatient loadDefault() {
    try {
      return GlucoseTables.load().patient(DEFAULT_PATIENT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
