package org.doppel.domains.medical.glucose;

import java.util.Set;
import org.apache.commons.math3.ode.nonstiff.DormandPrince54Integrator;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The adaptive Dormand–Prince 5(4) integrator's set-up for the glucose model, in minutes:
 * checked before any simulation (case C07), so an impossible set-up is an error naming the
 * key rather than a failure hours into a run.
 *
 * @param minStep the smallest step, min
 * @param maxStep the largest step, min (at most the one-minute simulation step)
 * @param absoluteTolerance per state, in the state's units
 * @param relativeTolerance per state
 */
public record IntegratorSettings(double minStep, double maxStep, double absoluteTolerance,
    double relativeTolerance) {

  /** The keys of the {@code integrator} section. */
  public static final Set<String> KEYS = Set.of("min_step_min", "max_step_min",
      "absolute_tolerance", "relative_tolerance");

  /** 1e-8 to 1 min, tolerances 1e-6: the one-minute step is taken in a few sub-steps. */
  public static final IntegratorSettings DEFAULT = new IntegratorSettings(1e-8, 1, 1e-6, 1e-6);

  /** The settings of a scenario's {@code integrator} section (defaults for what is left out). */
  public static IntegratorSettings from(Parameters section) {
    section.requireOnly(KEYS);
    IntegratorSettings settings = new IntegratorSettings(
        section.getDouble("min_step_min", DEFAULT.minStep),
        section.getDouble("max_step_min", DEFAULT.maxStep),
        section.getDouble("absolute_tolerance", DEFAULT.absoluteTolerance),
        section.getDouble("relative_tolerance", DEFAULT.relativeTolerance));
    settings.check(section.owner());
    return settings;
  }

  /**
   * Fails, naming the key, unless 0 < min step < max step <= 1 min and both tolerances are
   * positive and finite.
   */
  public void check(String owner) {
    if (!(minStep > 0) || !Double.isFinite(minStep)) {
      throw invalid(owner, "min_step_min", minStep, "must be positive");
    }
    if (!(maxStep > minStep) || !Double.isFinite(maxStep)) {
      throw invalid(owner, "max_step_min", maxStep,
          "must be finite and above min_step_min (" + minStep + ")");
    }
    if (maxStep > PatientSimulator.STEP_MIN) {
      throw invalid(owner, "max_step_min", maxStep,
          "must not exceed the simulation step of " + PatientSimulator.STEP_MIN + " min");
    }
    if (!(absoluteTolerance > 0) || !Double.isFinite(absoluteTolerance)) {
      throw invalid(owner, "absolute_tolerance", absoluteTolerance, "must be positive");
    }
    if (!(relativeTolerance > 0) || !Double.isFinite(relativeTolerance)) {
      throw invalid(owner, "relative_tolerance", relativeTolerance, "must be positive");
    }
  }

  DormandPrince54Integrator integrator() {
    return new DormandPrince54Integrator(minStep, maxStep, absoluteTolerance,
        relativeTolerance);
  }

  private static PluginException invalid(String owner, String key, double value,
      String reason) {
    return new PluginException(owner + ": integrator '" + key + "' " + reason + ", got "
        + value);
  }
}
