package org.doppel.domains.medical.pk;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;

/**
 * Doses chosen by a model-predictive controller (the {@code mpc} plugin) on the twin's
 * {@link BolusModel}: every interval it plans the next doses so that the predicted
 * concentration at each of 12 points of every interval stays close to the steady profile
 * whose interval mean is the target, with every dose in [0, max] and the predicted
 * concentration at those points at most the peak limit (hard constraints; when no dose meets
 * them the plugin falls back to its clipped LQR input and counts it).
 *
 * <p>The controller works in deviations from the steady state (z - z_ss, u - u_ss), since
 * the plugin regulates to zero. Its state estimate is the twin's prediction of the plant's
 * states from the doses given, with the central amount moved towards the measured
 * concentration times V by the observer gain at each measurement. Not thread-safe.
 */
public final class MpcDosing implements DosingPolicy {

  /** Concentration points per interval the controller weighs and bounds. */
  static final int POINTS = 12;

  private final PkPlant twin;
  private final BolusModel model;
  private final BolusModel.Steady steady;
  private final ControlLaw law;
  private final DosingSettings settings;
  private double[] predicted;

  private MpcDosing(PkPlant twin, BolusModel model, BolusModel.Steady steady, ControlLaw law,
      DosingSettings settings) {
    this.twin = twin;
    this.model = model;
    this.steady = steady;
    this.law = law;
    this.settings = settings;
    this.predicted = new double[model.a.length];
  }

  /**
   * The policy for a patient whose twin is {@code twin}, designed by {@code mpc}.
   *
   * @throws org.doppel.sdk.PluginException from the plugin, naming what it refused
   */
  public static MpcDosing design(Controller mpc, PkPlant twin, DosingSettings settings) {
    BolusModel model = BolusModel.of(twin, settings.intervalH() * 3600, POINTS);
    BolusModel.Steady steady = model.steady(settings.mpcTarget());
    int size = model.a.length;
    int n = model.states;

    double[][] q = new double[size][size];
    double[] stateMax = new double[size];
    Arrays.fill(stateMax, Double.POSITIVE_INFINITY);
    for (int j = 0; j < POINTS; j++) {
      q[n + j][n + j] = 1.0 / POINTS;
      stateMax[n + j] = settings.mpcPeakLimit() - steady.state()[n + j];
    }
    double[][] output = new double[1][size];
    output[0][size - 1] = 1;
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {-steady.dose()},
        new double[] {settings.maxDoseMg() - steady.dose()}, null, null, stateMax);
    ControlProblem problem = new ControlProblem(model.linearization(), q,
        new double[][] {{settings.mpcDoseWeight()}}, output, new double[] {0}, bounds,
        model.periodS);
    return new MpcDosing(twin, model, steady, mpc.design(problem, settings.mpc()), settings);
  }

  @Override
  public String name() {
    return "mpc";
  }

  @Override
  public double dose(int index, double measuredConcentration) {
    int central = twin.centralState();
    double measuredAmount = measuredConcentration * twin.volumeL();
    predicted[central] += settings.observerGain() * (measuredAmount - predicted[central]);
    return decide(index);
  }

  /**
   * The dose for an explicit estimate of the plant's states (amounts, mg) instead of the
   * observer's, for a caller that estimates them itself.
   */
  double dose(int index, double[] plantState) {
    System.arraycopy(plantState, 0, predicted, 0, model.states);
    return decide(index);
  }

  private double decide(int index) {
    double[] deviation = new double[predicted.length];
    for (int i = 0; i < model.states; i++) {
      deviation[i] = predicted[i] - steady.state()[i];
    }
    double wanted = steady.dose() + law.input(index, deviation, new double[0][])[0];
    // The law meets the bounds on the deviation; adding u_ss back may round past them.
    double dose = Math.min(settings.maxDoseMg(), Math.max(0, wanted));
    predicted = model.next(predicted, dose);
    return dose;
  }

  /** The dose that holds the target mean concentration in steady state, mg. */
  public double steadyDose() {
    return steady.dose();
  }

  @Override
  public Map<String, Object> diagnostics() {
    Map<String, Object> diagnostics = new LinkedHashMap<>(law.diagnostics());
    diagnostics.put("steady_dose_mg", steady.dose());
    return diagnostics;
  }
}
