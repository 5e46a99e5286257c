package org.doppel.domains.smartgrid;

import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The smart-grid keys of a scenario's {@code control} section, with their defaults.
 *
 * <p>{@code controller} belongs to the pipeline (which controller to run, with its
 * parameters); it is accepted here and not read.
 *
 * @param areaCapacityMw the capacity of each area, the per-unit base of its powers (20000 MW)
 * @param samplePeriod the control sample period and plant step, s (0.1)
 * @param inputLimitPu the bound on each area's secondary-control input |ΔPc|, pu (0.1)
 * @param area1Share the share of the forecast error that falls in area 1, 0 to 1 (0.5)
 * @param timeCompression how many times faster than real time the forecast errors are played
 *     (1: real time)
 * @param baselineIntegralGain K_I of the baseline integral AGC, per second (0.69)
 * @param baselineResetTime the PID reset time that carries K_I = kp / ti, s (0.1)
 * @param aceIntegralWeight the LQR state weight on each integral-of-ACE state; every other
 *     state weighs 1 (100, see {@link SmartGridDomain#ACE_INTEGRAL_WEIGHT})
 * @param plant parameters for the {@code lfc-two-area} plant
 */
public record ControlSettings(double areaCapacityMw, double samplePeriod, double inputLimitPu,
    double area1Share, int timeCompression, double baselineIntegralGain, double baselineResetTime,
    double aceIntegralWeight, Parameters plant) {

  /** The keys {@link #from} accepts. */
  public static final Set<String> KEYS = Set.of("controller", "area_capacity_mw",
      "sample_period_s", "input_limit_pu", "area1_share", "time_compression",
      "baseline_integral_gain", "baseline_reset_time_s", "ace_integral_weight", "plant");

  /**
   * The settings in {@code control}.
   *
   * @throws PluginException naming an unknown key or an invalid value
   */
  public static ControlSettings from(Parameters control) {
    control.requireOnly(KEYS);
    return new ControlSettings(
        positive(control, "area_capacity_mw", 20_000),
        positive(control, "sample_period_s", 0.1),
        positive(control, "input_limit_pu", 0.1),
        share(control, "area1_share", 0.5),
        atLeastOne(control, "time_compression"),
        positive(control, "baseline_integral_gain", SmartGridDomain.BASELINE_INTEGRAL_GAIN),
        positive(control, "baseline_reset_time_s", SmartGridDomain.BASELINE_RESET_TIME_S),
        positive(control, "ace_integral_weight", SmartGridDomain.ACE_INTEGRAL_WEIGHT),
        plantParameters(control));
  }

  private static double positive(Parameters control, String key, double fallback) {
    double value = control.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(control.owner() + ": '" + key + "' must be a positive number,"
          + " got " + value);
    }
    return value;
  }

  private static double share(Parameters control, String key, double fallback) {
    double value = control.getDouble(key, fallback);
    if (!(value >= 0 && value <= 1)) {
      throw new PluginException(control.owner() + ": '" + key + "' must be between 0 and 1,"
          + " got " + value);
    }
    return value;
  }

  private static int atLeastOne(Parameters control, String key) {
    int value = control.getInt(key, 1);
    if (value < 1) {
      throw new PluginException(control.owner() + ": '" + key + "' must be a whole number of"
          + " at least 1 (1 = real time), got " + value);
    }
    return value;
  }

  private static Parameters plantParameters(Parameters control) {
    Object plant = control.asMap().get("plant");
    if (plant == null) {
      return Parameters.of("dynamics/" + TwoAreaLoadFrequencyControl.ID, Map.of());
    }
    if (!(plant instanceof Map<?, ?> map)) {
      throw new PluginException(control.owner() + ": 'plant' must be a map of "
          + TwoAreaLoadFrequencyControl.ID + " parameters " + LfcParameters.KEYS + ", got '"
          + plant + "'");
    }
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    map.forEach((key, value) -> values.put(String.valueOf(key), value));
    return Parameters.of("dynamics/" + TwoAreaLoadFrequencyControl.ID, values);
  }
}
