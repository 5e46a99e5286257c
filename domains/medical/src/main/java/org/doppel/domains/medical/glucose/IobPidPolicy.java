package org.doppel.domains.medical.glucose;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * A PID on the CGM reading with an insulin-on-board limit, on top of the patient's basal rate
 * (a hybrid closed loop: meal boluses by carbohydrate ratio stay manual unless
 * {@code meal_bolus} is false). This is the bundle's own PID, not the {@code pid} controller
 * plugin, because the IOB limit is a bound that moves with every dose, which a design-time
 * bound of the plugin cannot express.
 *
 * <p>With e = CGM − target (mg/dL) and period T:
 * <pre>
 *   u = basal + Kp (e + I + Td · de/dt),   Kp = 1 / (CF · τp)   [U/min per mg/dL]
 *   I ← I + e T / Ti   (held while the output is limited in the direction e pushes it)
 *   0 <= u <= basal + max(0, IOB_max − IOB) / T
 * </pre>
 * so a correction of e mg/dL is paced to act over about τp minutes (CF from
 * {@code Quest.csv}), de/dt is the CGM slope filtered over {@code derivative_filter_min}, and
 * the insulin delivered above basal that is still on board ({@link InsulinOnBoard}) caps what
 * the loop may add, at {@code iob_max_fraction_tdi} of the patient's total daily insulin.
 * Not thread-safe: one policy per patient.
 */
final class IobPidPolicy implements InsulinPolicy {

  /** The keys of the {@code pid} section. */
  static final Set<String> KEYS = Set.of("target", "tau_p_min", "ti_min", "td_min",
      "derivative_filter_min", "iob_max_fraction_tdi", "insulin_peak_min", "meal_bolus");

  /**
   * The tuning.
   *
   * @param target set-point, mg/dL
   * @param tauP minutes over which a correction is paced
   * @param ti integral time, min ({@code Double.POSITIVE_INFINITY}: no integral action)
   * @param td derivative time, min
   * @param derivativeFilter time constant of the slope filter, min
   * @param iobMaxFractionTdi the IOB cap as a fraction of the total daily insulin
   * @param insulinPeak the IOB model's time constant, min
   * @param mealBolus whether meals get a carbohydrate-ratio bolus
   */
  record Tuning(double target, double tauP, double ti, double td, double derivativeFilter,
      double iobMaxFractionTdi, double insulinPeak, boolean mealBolus) {

    static Tuning from(Parameters section) {
      section.requireOnly(KEYS);
      Tuning tuning = new Tuning(section.getDouble("target", 120),
          section.getDouble("tau_p_min", 240), section.getDouble("ti_min", 600),
          section.getDouble("td_min", 30), section.getDouble("derivative_filter_min", 15),
          section.getDouble("iob_max_fraction_tdi", 0.1),
          section.getDouble("insulin_peak_min", 75), section.getBoolean("meal_bolus", true));
      tuning.check(section.owner());
      return tuning;
    }

    void check(String owner) {
      positive(owner, "target", target);
      positive(owner, "tau_p_min", tauP);
      if (!(ti > 0)) {
        throw new PluginException(owner + ": parameter 'ti_min' must be positive (.inf for no"
            + " integral action), got " + ti);
      }
      if (!(td >= 0) || !Double.isFinite(td)) {
        throw new PluginException(owner + ": parameter 'td_min' must be 0 or positive, got "
            + td);
      }
      positive(owner, "derivative_filter_min", derivativeFilter);
      positive(owner, "iob_max_fraction_tdi", iobMaxFractionTdi);
      positive(owner, "insulin_peak_min", insulinPeak);
    }

    private static void positive(String owner, String key, double value) {
      if (!(value > 0) || !Double.isFinite(value)) {
        throw new PluginException(owner + ": parameter '" + key + "' must be positive, got "
            + value);
      }
    }
  }

  private final VirtualPatient patient;
  private final Tuning tuning;
  private final InsulinOnBoard onBoard;
  private final double gain;
  private double integral;
  private double slope;
  private double lastReading = Double.NaN;
  private double lastBasal;

  IobPidPolicy(VirtualPatient patient, Tuning tuning) {
    this.patient = patient;
    this.tuning = tuning;
    this.onBoard = new InsulinOnBoard(tuning.insulinPeak());
    this.gain = 1 / (patient.correctionFactor() * tuning.tauP());
  }

  /** Units on board now. */
  double insulinOnBoard() {
    return onBoard.units();
  }

  @Override
  public Dose decide(Observation observation) {
    double period = observation.periodMinutes();
    double basal = patient.basalRate();
    if (!Double.isNaN(lastReading)) {
      onBoard.advance(observation.deliveredLastPeriod() - lastBasal * period, period);
    }

    double error = observation.cgm() - tuning.target();
    if (!Double.isNaN(lastReading)) {
      double raw = (observation.cgm() - lastReading) / period;
      slope += (raw - slope) * period / (period + tuning.derivativeFilter());
    }
    lastReading = observation.cgm();

    double bolus = tuning.mealBolus()
        ? BasalBolusPolicy.mealBolus(patient, observation, tuning.target()) : 0;
    double room = Math.max(0, patient.totalDailyInsulin() * tuning.iobMaxFractionTdi()
        - onBoard.units() - bolus);
    double ceiling = basal + room / period;

    double wanted = basal + gain * (error + integral + tuning.td() * slope);
    double rate = Math.max(0, Math.min(ceiling, wanted));
    boolean pushedFurther = (rate < wanted && error > 0) || (rate > wanted && error < 0);
    if (Double.isFinite(tuning.ti()) && !pushedFurther) {
      integral += error * period / tuning.ti();
    }
    lastBasal = basal;
    return new Dose(rate, bolus);
  }
}
