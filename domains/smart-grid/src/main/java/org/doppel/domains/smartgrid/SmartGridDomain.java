package org.doppel.domains.smartgrid;

import java.net.URL;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.domain.ClosedLoopTrajectory;
import org.doppel.sdk.domain.Disturbance;
import org.doppel.sdk.domain.ControlCase;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.domain.ForecastTrace;
import org.doppel.sdk.dynamics.Linearization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smart-grid domain, id {@code smart-grid}: day-ahead forecasting of England and Wales
 * half-hourly demand, and load-frequency control of two equal areas against the demand the
 * forecast missed.
 *
 * <p>The decision twin's question: if generation is scheduled to the twin's day-ahead
 * forecast, the secondary control (AGC) must absorb what the forecast got wrong; how well do
 * the twin's controller and the classic integral AGC hold frequency and tie-line flow? The
 * {@code control} keys are those of {@link ControlSettings}. Stateless and thread-safe.
 */
public final class SmartGridDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "smart-grid";

  /** The name of the demand dataset in {@link #datasets()}. */
  public static final String DEMAND = "demand";

  /** The id of the baseline controller: the PID plugin, used as a near-pure integral AGC. */
  public static final String BASELINE_CONTROLLER = "pid";

  /**
   * K_I of the baseline integral AGC, per second: the gain that minimises the integral of
   * the squared ACE of both areas after a 0.01 pu step load in area 1 (the classic ISE
   * criterion of integral AGC tuning), for the Elgerd–Fosha plant; the loop goes unstable
   * near 1.39.
   */
  public static final double BASELINE_INTEGRAL_GAIN = 0.69;

  /**
   * The PID reset time through which K_I is given, kp = K_I · ti: short, so the proportional
   * part (kp = 0.069 on ACE) stays small beside the integral one.
   */
  public static final double BASELINE_RESET_TIME_S = 0.1;

  /**
   * The LQR weight on each integral-of-ACE state (all other states and both inputs weigh 1).
   * With Q = I the LQR holds frequency about 2.3 times worse than the integral AGC on this
   * plant, because it weighs governor and turbine states as much as the error that secondary
   * control exists to remove. Weighting ∫ACE by 100 makes the LQR's frequency deviation
   * under a load ramp 2.7 times smaller than the AGC's, with a 22 % overshoot of the input
   * after a 0.01 pu step (1000 gives 5 times smaller but 127 % overshoot): see
   * {@code docs/notes/smart-grid.md}.
   */
  public static final double ACE_INTEGRAL_WEIGHT = 100;

  private static final Logger LOG = LoggerFactory.getLogger(SmartGridDomain.class);
  private static final String RESOURCES = "/org/doppel/domains/smartgrid/";

  private static final String ATTRIBUTION = "Demand: half-hourly electricity demand of England"
      + " and Wales, Monday 5 June to Sunday 27 August 2000 (4032 half-hours, MW), dataset"
      + " 'taylor' of the R package forecast (Hyndman et al.), provided by James W. Taylor;"
      + " distributed in that package under GPL-3. Cite: Taylor, J.W. (2003) Short-term"
      + " electricity demand forecasting using double seasonal exponential smoothing. Journal"
      + " of the Operational Research Society, 54, 799-805. Plant: two-area non-reheat"
      + " thermal load-frequency control with the parameters of Elgerd and Fosha, IEEE Trans."
      + " PAS-89(4), 1970.";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "England and Wales half-hourly demand (Taylor 2003) and two-area load-frequency"
        + " control against the forecast's errors";
  }

  @Override
  public URL defaultScenario() {
    return resource("smart-grid.yaml");
  }

  @Override
  public Map<String, URL> datasets() {
    return Map.of(DEMAND, resource("data/taylor_halfhourly_demand.csv"));
  }

  @Override
  public String dataAttribution() {
    return ATTRIBUTION;
  }

  /**
   * Demand is never below zero: a negative value in any file the scenario names is refused
   * by the ingest at its file, line and column (NaN and infinite cells are refused there
   * anyway, unless the scenario asks for them to be interpolated). The file is never
   * changed.
   */
  @Override
  public Column targetColumn(Column declared) {
    return declared.atLeast(0);
  }

  /**
   * The LFC experiment over the test period. The disturbance is built as
   * {@link ForecastErrorDisturbance} describes: in real time by default, 18,000 steps a
   * half-hour at 0.1 s, so 672 half-hours make 12,096,000 steps (about 0.9 GB of
   * disturbance is computed step by step, so it costs no memory; {@code time_compression}
   * divides the steps). The problem: the plant's linearisation, Q = I9, R = I2, C = the ACE rows,
   * reference 0, |ΔPc| ≤ {@code input_limit_pu}. The baseline is the {@code pid}
   * controller as an integral AGC (see {@link #BASELINE_INTEGRAL_GAIN}).
   */
  @Override
  public ControlCase controlCase(ForecastTrace trace, Parameters parameters) {
    ControlSettings settings = ControlSettings.from(parameters);
    TwoAreaLoadFrequencyControl plant = new TwoAreaLoadFrequencyControl()
        .configure(settings.plant());
    int stepsPerInterval = ForecastErrorDisturbance.stepsPerInterval(trace.interval(),
        settings.samplePeriod(), settings.timeCompression());
    double[] errors = ForecastErrorDisturbance.errors(trace, settings.areaCapacityMw());
    Disturbance disturbance = ForecastErrorDisturbance.sample(errors, stepsPerInterval,
        settings.area1Share());
    LOG.info("Smart-grid control case: [{}] forecast intervals, [{}] control steps of [{}] s"
        + " (time compression [{}])", errors.length, disturbance.steps(),
        settings.samplePeriod(), settings.timeCompression());

    return new ControlCase(TwoAreaLoadFrequencyControl.ID, settings.plant(),
        problem(plant, settings), GridKpis.OUTPUTS, disturbance, BASELINE_CONTROLLER,
        baseline(settings));
  }

  /**
   * The KPIs of {@link GridKpis}. ACE uses the Elgerd–Fosha β and a12, since a trajectory
   * does not carry the plant parameters it was simulated with.
   */
  @Override
  public Map<String, Double> kpis(ClosedLoopTrajectory trajectory) {
    return GridKpis.of(trajectory, LfcParameters.ELGERD_FOSHA);
  }

  static ControlProblem problem(TwoAreaLoadFrequencyControl plant, ControlSettings settings) {
    Linearization model = plant.linearize(new double[9], new double[2]);
    double limit = settings.inputLimitPu();
    ControlProblem.Bounds bounds = new ControlProblem.Bounds(new double[] {-limit, -limit},
        new double[] {limit, limit}, null, null, null);
    double[][] stateWeight = identity(9);
    stateWeight[TwoAreaLoadFrequencyControl.INT_ACE1][TwoAreaLoadFrequencyControl.INT_ACE1] =
        settings.aceIntegralWeight();
    stateWeight[TwoAreaLoadFrequencyControl.INT_ACE2][TwoAreaLoadFrequencyControl.INT_ACE2] =
        settings.aceIntegralWeight();
    return new ControlProblem(model, stateWeight, identity(2), aceRows(plant.parameters()),
        new double[2], bounds, settings.samplePeriod());
  }

  /** ACE1 = β Δf1 + ΔPtie12, ACE2 = β Δf2 + a12 ΔPtie12. */
  static double[][] aceRows(LfcParameters p) {
    double[][] c = new double[2][9];
    c[0][TwoAreaLoadFrequencyControl.DF1] = p.beta();
    c[0][TwoAreaLoadFrequencyControl.TIE] = 1;
    c[1][TwoAreaLoadFrequencyControl.DF2] = p.beta();
    c[1][TwoAreaLoadFrequencyControl.TIE] = p.a12();
    return c;
  }

  private static Parameters baseline(ControlSettings settings) {
    double resetTime = settings.baselineResetTime();
    return Parameters.of("controller/" + BASELINE_CONTROLLER, Map.of(
        "kp", settings.baselineIntegralGain() * resetTime, "ti", resetTime, "td", 0.0));
  }

  private static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1;
    }
    return id;
  }

  private static URL resource(String path) {
    URL url = SmartGridDomain.class.getResource(RESOURCES + path);
    if (url == null) {
      throw new IllegalStateException("the smart-grid bundle lacks its resource " + RESOURCES
          + path);
    }
    return url;
  }
}
