package org.doppel.domains.medical.pk;

import java.util.Map;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;

/**
 * Doses chosen by a PID loop (the {@code pid} plugin) on the measured trough concentration:
 * the error is the trough target minus the concentration measured before each dose, the
 * output is the dose, bounded to [0, max] with the plugin's anti-windup. The PID needs no
 * model: its problem carries the twin's sampled model only because the plugin's problem
 * type asks for one, and its state estimate holds just the measured concentration (times V
 * in the central amount, read back through C = 1/V). Not thread-safe.
 */
public final class PidDosing implements DosingPolicy {

  private final PkPlant twin;
  private final ControlLaw law;
  private final DosingSettings settings;

  private PidDosing(PkPlant twin, ControlLaw law, DosingSettings settings) {
    this.twin = twin;
    this.law = law;
    this.settings = settings;
  }

  /**
   * The policy designed by {@code pid} with the section's {@code pid} parameters.
   *
   * @throws org.doppel.sdk.PluginException from the plugin, naming what it refused
   */
  public static PidDosing design(Controller pid, PkPlant twin, DosingSettings settings) {
    double period = settings.intervalH() * 3600;
    BolusModel model = BolusModel.of(twin, period, 1);
    int n = model.states;
    double[][] a = new double[n][n];
    double[][] b = new double[n][1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(model.a[i], 0, a[i], 0, n);
      b[i][0] = model.b[i][0];
    }
    double[][] output = new double[1][n];
    output[0][twin.centralState()] = 1 / twin.volumeL();
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {0},
        new double[] {settings.maxDoseMg()}, null, null, null);
    ControlProblem problem = new ControlProblem(
        new org.doppel.sdk.dynamics.Linearization(a, b, new double[n][0], period),
        new double[n][n], new double[][] {{1}}, output, new double[] {settings.pidTarget()},
        bounds, period);
    return new PidDosing(twin, pid.design(problem, settings.pid()), settings);
  }

  @Override
  public String name() {
    return "pid";
  }

  @Override
  public double dose(int index, double measuredConcentration) {
    double[] estimate = new double[twin.stateNames().size()];
    estimate[twin.centralState()] = measuredConcentration * twin.volumeL();
    double dose = law.input(index, estimate, new double[0][])[0];
    return Math.min(settings.maxDoseMg(), Math.max(0, dose));
  }

  @Override
  public Map<String, Object> diagnostics() {
    return law.diagnostics();
  }
}
