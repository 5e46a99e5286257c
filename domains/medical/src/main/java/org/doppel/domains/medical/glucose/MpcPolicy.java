package org.doppel.domains.medical.glucose;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/**
 * Model-predictive insulin dosing on the patient's twin: the {@code mpc} controller plugin
 * designed on the UVA/Padova model linearised at the patient's basal steady state and held
 * over each control period, in deviations from that state (so the set-point is the patient's
 * basal glucose Gb). Every step it plans insulin over the horizon from the twin's state and
 * the announced meal (the carbohydrate still to be eaten at 5 g/min enters the prediction as
 * a disturbance forecast), and applies the first move. Meals get no separate bolus: the plan
 * front-loads insulin when a meal is announced.
 *
 * <p>The cost weighs plasma glucose, (G − Gb)² with weight {@code glucose_weight} per
 * (mg/dL)², against the insulin deviation, {@code insulin_weight} per (U/h)²; the input is
 * bounded to [0, min({@code max_rate_u_per_h}, {@code max_rate_tdi_per_h} · TDI)] U/h
 * (defaults 30 U/h and 0.5 of the total daily insulin per hour; the pump clips again to its
 * own limits). The plugin's {@code horizon} (default here 24 steps, 2 h) and {@code moves}
 * pass through. A hard lower glucose bound (a state bound of the plugin) was tried and made
 * things worse: the bound is often infeasible after a meal's insulin, and the plugin's
 * fallback, the clipped LQR input, then doses without the meal forecast.
 * Not thread-safe: one policy per patient.
 */
final class MpcPolicy implements InsulinPolicy {

  /** The keys of the {@code mpc} section: the plugin's and the glucose problem's. */
  static final Set<String> KEYS = Set.of("horizon", "moves", "glucose_weight",
      "insulin_weight", "max_rate_u_per_h", "max_rate_tdi_per_h");

  /** The keys passed on to the {@code mpc} plugin. */
  static final Set<String> PLUGIN_KEYS = Set.of("horizon", "moves");

  /** Steps of the prediction horizon unless {@code horizon} says otherwise: 2 h at 5 min. */
  static final int DEFAULT_HORIZON = 24;

  private static final double MINUTES_PER_HOUR = 60;

  private final VirtualPatient patient;
  private final ControlLaw law;
  private final int horizon;
  private long step;

  MpcPolicy(VirtualPatient patient, ControlLaw law, int horizon) {
    this.patient = patient;
    this.law = law;
    this.horizon = horizon;
  }

  /**
   * The control problem for {@code patient}, in deviations from its basal steady state, with
   * the input in U/h and one disturbance, the carbohydrate intake in g/min.
   */
  static ControlProblem problem(VirtualPatient patient, Parameters section,
      int periodMinutes) {
    double glucoseWeight = positive(section, "glucose_weight", 1);
    double insulinWeight = positive(section, "insulin_weight", 5);
    double maxRate = Math.min(positive(section, "max_rate_u_per_h", 30),
        positive(section, "max_rate_tdi_per_h", 0.5) * patient.totalDailyInsulin());

    Linearization full = new UvaPadovaDynamics(patient).linearize(patient.initialState(),
        new double[] {patient.basalRate()});
    double[][] a = full.a();
    double[][] b = full.b();
    double[][] fullG = full.g();
    int n = a.length;
    double[][] g = new double[n][1];
    for (int i = 0; i < n; i++) {
      b[i][0] /= MINUTES_PER_HOUR;
      g[i][0] = fullG[i][0];
    }
    Linearization plant = new Linearization(a, b, g, 0);

    double[][] q = new double[n][n];
    q[UvaPadovaModel.GP][UvaPadovaModel.GP] = glucoseWeight / (patient.vg * patient.vg);
    double[][] c = new double[1][n];
    c[0][UvaPadovaModel.GP] = 1 / patient.vg;
    double basal = patient.basalRate() * MINUTES_PER_HOUR;
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {-basal},
        new double[] {Math.max(0, maxRate - basal)}, null, null, null);
    return new ControlProblem(plant, q, new double[][] {{insulinWeight}}, c, new double[] {0},
        bounds, periodMinutes * 60.0);
  }

  /** The parameters the {@code mpc} plugin reads. */
  static Parameters pluginParameters(Parameters section) {
    section.requireOnly(KEYS);
    java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
    values.put("horizon", DEFAULT_HORIZON);
    for (String key : PLUGIN_KEYS) {
      if (section.has(key)) {
        values.put(key, section.asMap().get(key));
      }
    }
    return Parameters.of(section.owner(), values);
  }

  @Override
  public Dose decide(Observation observation) {
    double[] deviation = observation.twinState().clone();
    double[] basalState = patient.x0;
    for (int i = 0; i < deviation.length; i++) {
      deviation[i] -= basalState[i];
    }
    double[][] meal = mealForecast(observation.remainingMeal(), observation.periodMinutes());

    double[] input = law.input(step++, deviation, meal);
    double rate = patient.basalRate() + input[0] / MINUTES_PER_HOUR;
    return new Dose(Math.max(0, rate), 0);
  }

  /** The mean carbohydrate intake over each coming period, g/min, to the horizon's end. */
  private double[][] mealForecast(double remaining, int period) {
    double[][] forecast = new double[horizon + 1][1];
    double left = remaining;
    for (int k = 0; k < forecast.length && left > 0; k++) {
      double eaten = Math.min(left, PatientSimulator.EAT_RATE * period);
      forecast[k][0] = eaten / period;
      left -= eaten;
    }
    return forecast;
  }

  private static double positive(Parameters section, String key, double fallback) {
    double value = section.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(section.owner() + ": parameter '" + key + "' must be"
          + " positive, got " + value);
    }
    return value;
  }
}
