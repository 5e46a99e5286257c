package org.doppel.domains.smartgrid;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/**
 * The parameters of the two-area non-reheat thermal load-frequency-control model, the same
 * for both areas. Defaults are the classic set of Elgerd and Fosha (IEEE Trans. PAS-89(4),
 * 1970), also in Elgerd's <i>Electric Energy Systems Theory</i>.
 *
 * @param tp power-system time constant Tp, s (20)
 * @param kp power-system gain Kp, Hz per pu MW (120)
 * @param tt turbine time constant Tt, s (0.3)
 * @param tg governor time constant Tg, s (0.08)
 * @param r speed regulation R, Hz per pu MW (2.4)
 * @param beta frequency bias β, pu MW per Hz (0.425)
 * @param t12 synchronising coefficient T12, pu MW per rad (0.086)
 * @param a12 area capacity ratio a12 = −P1/P2, negative (−1: equal areas)
 */
public record LfcParameters(double tp, double kp, double tt, double tg, double r,
    double beta, double t12, double a12) {

  /** The parameter keys {@link #from} accepts. */
  public static final Set<String> KEYS = Set.of("tp", "kp", "tt", "tg", "r", "beta", "t12",
      "a12");

  /** Elgerd–Fosha. */
  public static final LfcParameters ELGERD_FOSHA =
      new LfcParameters(20, 120, 0.3, 0.08, 2.4, 0.425, 0.086, -1);

  /**
   * The defaults with the values {@code parameters} gives.
   *
   * @throws PluginException naming an unknown key, or a value that is not finite, a time
   *     constant or gain that is not positive, or an a12 that is not negative
   */
  public static LfcParameters from(Parameters parameters) {
    parameters.requireOnly(KEYS);
    LfcParameters d = ELGERD_FOSHA;
    return new LfcParameters(
        positive(parameters, "tp", d.tp, "s"),
        positive(parameters, "kp", d.kp, "Hz/pu MW"),
        positive(parameters, "tt", d.tt, "s"),
        positive(parameters, "tg", d.tg, "s"),
        positive(parameters, "r", d.r, "Hz/pu MW"),
        positive(parameters, "beta", d.beta, "pu MW/Hz"),
        positive(parameters, "t12", d.t12, "pu MW/rad"),
        negative(parameters, "a12", d.a12));
  }

  private static double positive(Parameters parameters, String key, double fallback,
      String unit) {
    double value = parameters.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(parameters.owner() + ": parameter '" + key + "' must be a"
          + " positive number (" + unit + "), got " + value);
    }
    return value;
  }

  private static double negative(Parameters parameters, String key, double fallback) {
    double value = parameters.getDouble(key, fallback);
    if (!(value < 0) || !Double.isFinite(value)) {
      throw new PluginException(parameters.owner() + ": parameter '" + key + "' must be"
          + " negative (a12 = -P1/P2), got " + value);
    }
    return value;
  }
}
