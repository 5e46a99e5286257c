package org.doppel.domains.medical.pk;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The multiple-dose experiment of the {@code pk.dosing} section: every policy doses at the
 * same times, every {@code interval_h} hours over {@code days} days, within
 * [0, {@code max_dose_mg}], on the concentration measured just before each dose (a trough
 * sample with a proportional error of {@code measurement_cv}).
 *
 * @param days the simulated days
 * @param intervalH hours between doses
 * @param maxDoseMg the largest single dose any policy may give
 * @param windowLow the therapeutic window's lower edge, mg/L
 * @param windowHigh its upper edge, mg/L
 * @param toxic the toxic level, mg/L
 * @param measurementCv the relative SD of a measured concentration
 * @param outputStepH the step of the concentration record the KPIs are computed on, hours
 * @param fixedDoseMg the fixed regimen's dose
 * @param mpcTarget the mean concentration over a dosing interval MPC aims at, mg/L
 * @param mpcPeakLimit the highest concentration MPC may predict at any hour, mg/L
 * @param mpcDoseWeight MPC's weight on a dose's departure from the steady dose, per mg²,
 *     against 1 per (mg/L)² of mean squared concentration error
 * @param observerGain the share of the measured-minus-predicted central amount MPC's twin
 *     takes in at each measurement, in [0, 1]
 * @param mpc the {@code mpc} plugin's own parameters
 * @param pidTarget the trough concentration the PID aims at, mg/L: below the window's edge
 *     by default (8), since with a 12-h interval this population's peak-to-trough ratio of
 *     about 3 puts peaks above 20 mg/L when troughs are held at 10
 * @param pid the {@code pid} plugin's own parameters ({@code ti} in seconds)
 * @param subjects how many subjects to dose (from the first); 0 for all
 * @param twin the model MPC plans on: {@code fit}, the subject's own fit to all its samples
 *     (the simulated patient itself), or {@code map}, the MAP fit to its first samples under
 *     the prior of the other subjects (a twin with a realistic model error), or
 *     {@code adaptive}, that MAP fit refitted after every measured trough
 *     ({@link AdaptiveMpcDosing})
 */
public record DosingSettings(int days, double intervalH, double maxDoseMg, double windowLow,
    double windowHigh, double toxic, double measurementCv, double outputStepH,
    double fixedDoseMg, double mpcTarget, double mpcPeakLimit, double mpcDoseWeight,
    double observerGain, Parameters mpc, double pidTarget, Parameters pid, int subjects,
    String twin) {

  /** The keys of the section. */
  public static final Set<String> KEYS = Set.of("days", "interval_h", "max_dose_mg",
      "window_mg_per_L", "toxic_mg_per_L", "measurement_cv", "output_step_h", "fixed_dose_mg",
      "mpc_target_mg_per_L", "mpc_peak_limit_mg_per_L", "mpc_dose_weight", "observer_gain",
      "mpc", "pid_target_mg_per_L", "pid", "subjects", "twin");

  /** The {@code mpc} plugin's parameters when the section gives none: three days ahead. */
  static final java.util.Map<String, Object> DEFAULT_MPC = java.util.Map.of("horizon", 6);

  /**
   * The {@code pid} plugin's parameters when the section gives none: kp 40 mg per mg/L and
   * a reset time of 24 h, tuned on the theophylline subjects' fits (see the notes).
   */
  static final java.util.Map<String, Object> DEFAULT_PID = java.util.Map.of("kp", 40,
      "ti", 86400);

  /**
   * The settings of a {@code dosing} section, defaults for what it leaves out.
   *
   * @throws PluginException naming the key and the reason
   */
  public static DosingSettings from(Parameters section) {
    section.requireOnly(KEYS);
    double[] window = section.getDoubles("window_mg_per_L", new double[] {10, 20});
    if (window.length != 2 || !(window[0] >= 0) || !(window[0] < window[1])) {
      throw new PluginException(section.owner() + ": parameter 'window_mg_per_L' must be"
          + " [low, high] with 0 <= low < high, got " + java.util.Arrays.toString(window));
    }
    double interval = Sections.positive(section, "interval_h", 12);
    double step = Sections.positive(section, "output_step_h", 0.1);
    double perInterval = interval / step;
    if (Math.abs(perInterval - Math.rint(perInterval)) > 1e-9 * perInterval) {
      throw new PluginException(section.owner() + ": 'interval_h' " + interval + " must be a"
          + " whole number of 'output_step_h' " + step);
    }
    double maxDose = Sections.positive(section, "max_dose_mg", 800);
    double fixed = Sections.positive(section, "fixed_dose_mg", 300);
    if (fixed > maxDose) {
      throw new PluginException(section.owner() + ": 'fixed_dose_mg' " + fixed + " exceeds"
          + " 'max_dose_mg' " + maxDose);
    }
    double cv = section.getDouble("measurement_cv", 0.1);
    double gain = section.getDouble("observer_gain", 0.5);
    if (!(cv >= 0 && cv < 1) || !(gain >= 0 && gain <= 1)) {
      throw new PluginException(section.owner() + ": 'measurement_cv' must be in [0, 1) and"
          + " 'observer_gain' in [0, 1], got " + cv + " and " + gain);
    }
    double target = Sections.positive(section, "mpc_target_mg_per_L", 15);
    double peak = Sections.positive(section, "mpc_peak_limit_mg_per_L", 19);
    if (!(target < peak)) {
      throw new PluginException(section.owner() + ": 'mpc_target_mg_per_L' " + target
          + " must be below 'mpc_peak_limit_mg_per_L' " + peak);
    }
    int subjects = section.getInt("subjects", 0);
    if (subjects < 0) {
      throw new PluginException(section.owner() + ": 'subjects' must be 0 (all) or positive,"
          + " got " + subjects);
    }
    return new DosingSettings(Sections.atLeast(section, "days", 7, 1), interval, maxDose,
        window[0], window[1], Sections.positive(section, "toxic_mg_per_L", 20), cv, step, fixed,
        target, peak, Sections.positive(section, "mpc_dose_weight", 1e-4), gain,
        orDefault(Sections.sub(section, "mpc"), DEFAULT_MPC),
        Sections.positive(section, "pid_target_mg_per_L", 8),
        orDefault(Sections.sub(section, "pid"), DEFAULT_PID), subjects, twin(section));
  }

  private static String twin(Parameters section) {
    String twin = section.getString("twin", "fit");
    if (!twin.equals("fit") && !twin.equals("map") && !twin.equals("adaptive")) {
      throw new PluginException(section.owner() + ": parameter 'twin' must be fit, map or"
          + " adaptive, got '" + twin + "'");
    }
    return twin;
  }

  private static Parameters orDefault(Parameters given, java.util.Map<String, Object> values) {
    return given.asMap().isEmpty() ? Parameters.of(given.owner(), values) : given;
  }

  /** The number of doses over the experiment. */
  public int doses() {
    return (int) Math.round(days * 24 / intervalH);
  }

  /** A copy over {@code fewer} days, for a quick run. */
  public DosingSettings withDays(int fewer) {
    return new DosingSettings(fewer, intervalH, maxDoseMg, windowLow, windowHigh, toxic,
        measurementCv, outputStepH, fixedDoseMg, mpcTarget, mpcPeakLimit, mpcDoseWeight,
        observerGain, mpc, pidTarget, pid, subjects, twin);
  }

  /** A copy dosing at most {@code count} subjects, for a quick run. */
  public DosingSettings withSubjects(int count) {
    return new DosingSettings(days, intervalH, maxDoseMg, windowLow, windowHigh, toxic,
        measurementCv, outputStepH, fixedDoseMg, mpcTarget, mpcPeakLimit, mpcDoseWeight,
        observerGain, mpc, pidTarget, pid, count, twin);
  }
}
