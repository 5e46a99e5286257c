package org.doppel.domains.medical.pk;

import java.util.Set;
import org.apache.commons.math3.ode.nonstiff.AdaptiveStepsizeIntegrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The adaptive Dormand–Prince integrator a plant is simulated with, checked before any
 * integration: steps and tolerances positive and finite, and the minimum step below the
 * maximum (an adaptive method with minimum = maximum cannot shrink its step to meet the
 * tolerances, so it gives up as soon as they bind: case C07).
 *
 * @param method {@code dormand-prince-853} (8th order) or {@code dormand-prince-54}
 * @param minStepS the smallest step, in the plant's time unit (seconds)
 * @param maxStepS the largest step
 * @param absoluteTolerance the absolute tolerance on each state
 * @param relativeTolerance the relative tolerance on each state
 */
public record IntegratorSettings(String method, double minStepS, double maxStepS,
    double absoluteTolerance, double relativeTolerance) {

  /** The keys {@link #from} reads. */
  public static final Set<String> KEYS = Set.of("method", "min_step_s", "max_step_s",
      "absolute_tolerance", "relative_tolerance");

  /** The defaults: 8th-order Dormand–Prince, steps 1e-6 s to 1 h, tolerances 1e-9 mg, 1e-9. */
  public static final IntegratorSettings DEFAULT = new IntegratorSettings(
      "dormand-prince-853", 1e-6, 3600, 1e-9, 1e-9);

  public IntegratorSettings {
    if (!method.equals("dormand-prince-853") && !method.equals("dormand-prince-54")) {
      throw new PluginException("integrator: method must be dormand-prince-853 or"
          + " dormand-prince-54, got '" + method + "'");
    }
    check("min_step_s", minStepS);
    check("max_step_s", maxStepS);
    check("absolute_tolerance", absoluteTolerance);
    check("relative_tolerance", relativeTolerance);
    if (!(minStepS < maxStepS)) {
      throw new PluginException("integrator: min_step_s " + minStepS + " must be below"
          + " max_step_s " + maxStepS + "; an adaptive integrator whose step cannot shrink"
          + " fails as soon as the tolerances bind (give a smaller min_step_s)");
    }
  }

  /**
   * The settings of a scenario's {@code integrator} section, defaults for what it leaves out.
   *
   * @throws PluginException naming the key and the reason
   */
  public static IntegratorSettings from(Parameters section) {
    section.requireOnly(KEYS);
    try {
      return new IntegratorSettings(section.getString("method", DEFAULT.method),
          section.getDouble("min_step_s", DEFAULT.minStepS),
          section.getDouble("max_step_s", DEFAULT.maxStepS),
          section.getDouble("absolute_tolerance", DEFAULT.absoluteTolerance),
          section.getDouble("relative_tolerance", DEFAULT.relativeTolerance));
    } catch (PluginException e) {
      throw new PluginException(section.owner() + ": " + e.getMessage(), e);
    }
  }

  /** A new integrator of these settings (Commons Math integrators hold state). */
  AdaptiveStepsizeIntegrator integrator() {
    return method.equals("dormand-prince-54")
        ? new DormandPrince54Integrator(minStepS, maxStepS, absoluteTolerance,
            relativeTolerance)
        : new DormandPrince853Integrator(minStepS, maxStepS, absoluteTolerance,
            relativeTolerance);
  }

  private static void check(String key, double value) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException("integrator: " + key + " must be positive and finite, got "
          + value);
    }
  }
}
