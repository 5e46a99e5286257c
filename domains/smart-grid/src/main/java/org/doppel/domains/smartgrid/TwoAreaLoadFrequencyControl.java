package org.doppel.domains.smartgrid;

import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.dynamics.Linearization;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * The linear two-area non-reheat thermal load-frequency-control model with integral-of-ACE
 * states, id {@code lfc-two-area}.
 *
 * <p>State x = [Δf1, ΔPg1, ΔPv1, ∫ACE1, ΔPtie12, Δf2, ΔPg2, ΔPv2, ∫ACE2] (frequency deviations
 * in Hz, powers in pu MW of area capacity), input u = [ΔPc1, ΔPc2] (speed-changer set-points,
 * the secondary control), disturbance w = [ΔPd1, ΔPd2] (load changes, positive = more load).
 * Per area i, with j the other area and the tie-line flow ΔPtie12 seen from area 1:
 * <pre>
 *   Δf_i'   = (−Δf_i + Kp ΔPg_i − Kp s_i ΔPtie12 − Kp ΔPd_i) / Tp   (s_1 = 1, s_2 = a12)
 *   ΔPg_i'  = (ΔPv_i − ΔPg_i) / Tt
 *   ΔPv_i'  = (ΔPc_i − Δf_i / R − ΔPv_i) / Tg
 *   ∫ACE_i' = ACE_i = β Δf_i + s_i ΔPtie12
 *   ΔPtie12' = 2π T12 (Δf1 − Δf2)
 * </pre>
 * The state order is that of the shared LQR reference vectors. Immutable and thread-safe.
 */
public final class TwoAreaLoadFrequencyControl implements SystemDynamics {

  /** The plugin id. */
  public static final String ID = "lfc-two-area";

  static final List<String> STATES = List.of("df1 [Hz]", "dPg1 [pu]", "dPv1 [pu]",
      "intACE1 [pu s]", "dPtie12 [pu]", "df2 [Hz]", "dPg2 [pu]", "dPv2 [pu]",
      "intACE2 [pu s]");
  static final List<String> INPUTS = List.of("dPc1 [pu]", "dPc2 [pu]");
  static final List<String> DISTURBANCES = List.of("dPd1 [pu]", "dPd2 [pu]");

  static final int DF1 = 0;
  static final int PG1 = 1;
  static final int PV1 = 2;
  static final int INT_ACE1 = 3;
  static final int TIE = 4;
  static final int DF2 = 5;
  static final int PG2 = 6;
  static final int PV2 = 7;
  static final int INT_ACE2 = 8;

  private final LfcParameters p;

  /** The plant with the Elgerd–Fosha parameters. */
  public TwoAreaLoadFrequencyControl() {
    this(LfcParameters.ELGERD_FOSHA);
  }

  public TwoAreaLoadFrequencyControl(LfcParameters parameters) {
    this.p = parameters;
  }

  public LfcParameters parameters() {
    return p;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Two-area non-reheat thermal load-frequency control with integral-of-ACE states"
        + " (Elgerd-Fosha parameters)";
  }

  @Override
  public List<String> stateNames() {
    return STATES;
  }

  @Override
  public List<String> inputNames() {
    return INPUTS;
  }

  @Override
  public List<String> disturbanceNames() {
    return DISTURBANCES;
  }

  @Override
  public double[] evaluate(double time, double[] x, double[] u, double[] w) {
    double[] dx = new double[STATES.size()];
    double tie = x[TIE];
    area(x, u[0], w[0], tie, DF1, dx);
    area(x, u[1], w[1], p.a12() * tie, DF2, dx);
    dx[TIE] = 2 * Math.PI * p.t12() * (x[DF1] - x[DF2]);
    return dx;
  }

  /** One area's four states, starting at {@code first}; {@code tieOut} is s_i ΔPtie12. */
  private void area(double[] x, double control, double load, double tieOut, int first,
      double[] dx) {
    double df = x[first];
    double pg = x[first + 1];
    double pv = x[first + 2];
    dx[first] = (-df + p.kp() * (pg - tieOut - load)) / p.tp();
    dx[first + 1] = (pv - pg) / p.tt();
    dx[first + 2] = (control - df / p.r() - pv) / p.tg();
    dx[first + 3] = p.beta() * df + tieOut;
  }

  /** The model is linear: the same (A, B, G) at every operating point. */
  @Override
  public Linearization linearize(double[] state, double[] input) {
    double[][] a = new double[9][9];
    double[][] b = new double[9][2];
    double[][] g = new double[9][2];
    areaMatrices(a, b, g, DF1, 0, 1);
    areaMatrices(a, b, g, DF2, 1, p.a12());
    a[TIE][DF1] = 2 * Math.PI * p.t12();
    a[TIE][DF2] = -2 * Math.PI * p.t12();
    return new Linearization(a, b, g, 0);
  }

  private void areaMatrices(double[][] a, double[][] b, double[][] g, int first, int area,
      double tieSign) {
    int df = first;
    int pg = first + 1;
    int pv = first + 2;
    int integral = first + 3;
    a[df][df] = -1 / p.tp();
    a[df][pg] = p.kp() / p.tp();
    a[df][TIE] = -tieSign * p.kp() / p.tp();
    g[df][area] = -p.kp() / p.tp();
    a[pg][pg] = -1 / p.tt();
    a[pg][pv] = 1 / p.tt();
    a[pv][df] = -1 / (p.r() * p.tg());
    a[pv][pv] = -1 / p.tg();
    b[pv][area] = 1 / p.tg();
    a[integral][df] = p.beta();
    a[integral][TIE] = tieSign;
  }

  /**
   * The plant with a scenario's parameters: any of {@link LfcParameters#KEYS}, the rest at
   * the Elgerd–Fosha values.
   */
  @Override
  public TwoAreaLoadFrequencyControl configure(Parameters parameters) {
    return new TwoAreaLoadFrequencyControl(LfcParameters.from(parameters));
  }
}
