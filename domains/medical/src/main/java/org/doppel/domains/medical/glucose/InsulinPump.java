package org.doppel.domains.medical.glucose;

/**
 * An insulin pump model from {@code pump_params.csv}: a requested basal or bolus rate is
 * rounded to the pump's increment (in pmol/min, as simglucose does) and clipped to its limits
 * (in U/min). Whatever a policy asks for, what is delivered lies within the limits.
 *
 * @param name the pump's name, such as {@code Insulet}
 * @param minBolus the smallest bolus rate, U/min
 * @param maxBolus the largest bolus rate, U/min
 * @param bolusIncrement the bolus step, pmol/min
 * @param minBasal the smallest basal rate, U/min
 * @param maxBasal the largest basal rate, U/min
 * @param basalIncrement the basal step, pmol/min
 * @param samplePeriod minutes between pump commands
 */
public record InsulinPump(String name, double minBolus, double maxBolus, double bolusIncrement,
    double minBasal, double maxBasal, double basalIncrement, double samplePeriod) {

  /** pmol of insulin in one unit. */
  public static final double PMOL_PER_UNIT = 6000;

  public InsulinPump {
    if (!(minBolus >= 0 && maxBolus >= minBolus && minBasal >= 0 && maxBasal >= minBasal)) {
      throw new IllegalArgumentException("pump " + name + ": limits must satisfy 0 <= min <="
          + " max, got bolus [" + minBolus + ", " + maxBolus + "] and basal [" + minBasal
          + ", " + maxBasal + "]");
    }
    if (!(bolusIncrement > 0 && basalIncrement > 0 && samplePeriod > 0)) {
      throw new IllegalArgumentException("pump " + name + ": increments and sample time must"
          + " be positive");
    }
  }

  /** The basal rate the pump delivers for a requested one, U/min. */
  public double basal(double requested) {
    return deliver(requested, basalIncrement, minBasal, maxBasal);
  }

  /** The bolus rate the pump delivers for a requested one, U/min. */
  public double bolus(double requested) {
    return deliver(requested, bolusIncrement, minBolus, maxBolus);
  }

  private static double deliver(double requested, double increment, double min, double max) {
    if (!Double.isFinite(requested)) {
      // A policy that fails numerically gets the pump's safe minimum, never a runaway dose.
      return min;
    }
    double rounded = Math.rint(requested * PMOL_PER_UNIT / increment) * increment
        / PMOL_PER_UNIT;
    return Math.max(min, Math.min(max, rounded));
  }
}
