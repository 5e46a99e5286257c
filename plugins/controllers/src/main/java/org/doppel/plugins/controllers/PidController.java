package org.doppel.plugins.controllers;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discrete PID, {@code pid}, in the ideal form u = kp (e + (1/ti) ∫e dt + td de/dt) with
 * e = r - C x̂: one loop per output and input (C must have one row per input), stepped at
 * the control sample period.
 *
 * <p>Parameters: {@code kp} (default 1), positive: it scales all three actions, so a zero
 * or negative gain is refused (the loop's direction comes from C); {@code ti}, the reset
 * time in seconds (omit it, or give infinity, for no integral action; zero or negative is
 * an error); {@code td}, the derivative time in seconds (default 0 = no derivative action;
 * negative is an error), its derivative filtered with time constant td/n ({@code n},
 * default 10, positive); {@code anti_windup} (default true): back-calculation, the
 * integral is corrected by (u - v)/tt when the limits clip the wanted input v, with tracking
 * time {@code tt} (default sqrt(ti td), or ti when td = 0; positive). Inputs are clipped to the
 * problem's rate limits and bounds. The integral is forward Euler; the derivative is a
 * backward difference of e, zero on the first step.
 *
 * <p>Stateless and thread-safe.
 */
public final class PidController implements Controller {

  static final String ID = "pid";
  private static final Logger LOG = LoggerFactory.getLogger(PidController.class);
  private static final Set<String> KEYS = Set.of("kp", "ti", "td", "n", "anti_windup", "tt");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Discrete PID per output/input pair (ideal form), output saturation and"
        + " back-calculation anti-windup";
  }

  @Override
  public ControlLaw design(ControlProblem problem, Parameters parameters) {
    parameters.requireOnly(KEYS);
    PidSettings settings = PidSettings.from(parameters);
    int inputs = problem.plant().inputs();
    double[][] c = problem.outputMatrix();
    if (c.length != inputs) {
      throw new PluginException("pid runs one loop per output and input: the output matrix C"
          + " has " + c.length + " rows but the plant has " + inputs + " inputs");
    }
    for (double[] row : c) {
      if (row.length != problem.plant().states()) {
        throw new PluginException("the output matrix C has a row of " + row.length
            + " columns for " + problem.plant().states() + " states");
      }
    }
    if (problem.reference().length != c.length) {
      throw new PluginException("the reference has " + problem.reference().length
          + " values for " + c.length + " outputs");
    }
    LOG.info("PID designed: [{}] loops, {}", c.length, settings);
    return new PidLaw(settings, c, problem.reference(), problem.samplePeriod(),
        InputLimits.of(problem, inputs));
  }

  /**
   * The checked PID parameters.
   *
   * @param kp proportional gain
   * @param ti reset time, s; infinite for no integral action
   * @param td derivative time, s
   * @param filter the derivative filter's divisor n (filter time td/n)
   * @param antiWindup whether back-calculation is on
   * @param tt tracking time of the back-calculation, s
   */
  record PidSettings(double kp, double ti, double td, double filter, boolean antiWindup,
      double tt) {

    static PidSettings from(Parameters parameters) {
      String owner = parameters.owner();

      // In the ideal form kp scales all three actions, so kp <= 0 either reverses the loop
      // (positive feedback) or switches it off; the direction belongs in C, not in kp.
      double kp = parameters.getDouble("kp", 1);
      if (!(kp > 0) || !Double.isFinite(kp)) {
        throw new PluginException(owner + ": parameter 'kp' (proportional gain) must be a"
            + " positive number, got " + kp + "; in the ideal form it scales the integral"
            + " and derivative actions too, so a negative gain turns the loop into positive"
            + " feedback and zero switches it off");
      }

      double ti = parameters.getDouble("ti", Double.POSITIVE_INFINITY);
      if (!(ti > 0)) {
        throw new PluginException(owner + ": parameter 'ti' (reset time) must be positive"
            + " when integral action is on (omit 'ti', or give .inf, for none), got " + ti);
      }

      double td = parameters.getDouble("td", 0);
      if (!(td >= 0) || !Double.isFinite(td)) {
        throw new PluginException(owner + ": parameter 'td' (derivative time) must be zero"
            + " (no derivative action) or a positive number, got " + td);
      }

      double filter = parameters.getDouble("n", 10);
      if (!(filter > 0) || !Double.isFinite(filter)) {
        throw new PluginException(owner + ": parameter 'n' (derivative filter divisor) must"
            + " be a positive number, got " + filter);
      }

      double tt = parameters.getDouble("tt", td > 0 ? Math.sqrt(ti * td) : ti);
      if (!(tt > 0)) {
        throw new PluginException(owner + ": parameter 'tt' (tracking time) must be"
            + " positive, got " + tt);
      }
      return new PidSettings(kp, ti, td, filter, parameters.getBoolean("anti_windup", true),
          tt);
    }

    boolean integral() {
      return Double.isFinite(ti);
    }
  }
}
