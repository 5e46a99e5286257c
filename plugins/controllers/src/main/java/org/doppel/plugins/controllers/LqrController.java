package org.doppel.plugins.controllers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.riccati.DesignChecks;
import org.doppel.plugins.controllers.riccati.Matrices;
import org.doppel.plugins.controllers.riccati.RiccatiSolution;
import org.doppel.plugins.controllers.riccati.RiccatiSolver;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.dynamics.Linearization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Infinite-horizon LQR, {@code lqr}.
 *
 * <p>Parameters: {@code mode} = {@code discrete} (default: the plant is discretised with a
 * zero-order hold at the control sample period and the DARE is solved, so the gain is
 * optimal for the sampled loop) or {@code continuous} (the CARE of the continuous plant is
 * solved and u = -K x is applied at every sample, which is near-optimal only when the
 * sample period is short against the closed-loop time constants). A nonzero reference r for
 * y = C x is tracked through the steady state (x_ss, u_ss) that holds C x_ss = r. Inputs are
 * kept within the problem's bounds and rate limits by clipping.
 *
 * <p>Stateless and thread-safe.
 */
public final class LqrController implements Controller {

  static final String ID = "lqr";
  private static final Logger LOG = LoggerFactory.getLogger(LqrController.class);
  private static final Set<String> KEYS = Set.of("mode");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Infinite-horizon LQR from the discrete or continuous algebraic Riccati equation"
        + " (structure-preserving doubling on Commons Math), inputs clipped to their bounds";
  }

  @Override
  public ControlLaw design(ControlProblem problem, Parameters parameters) {
    parameters.requireOnly(KEYS);
    String mode = parameters.getString("mode", "discrete");
    boolean continuous = switch (mode) {
      case "discrete" -> false;
      case "continuous" -> true;
      default -> throw new PluginException(parameters.owner() + ": parameter 'mode' must be"
          + " 'discrete' or 'continuous', got '" + mode + "'");
    };

    Linearization discrete = DiscreteModel.of(problem);
    Linearization designed = continuous ? continuousPlant(problem) : discrete;
    RealMatrix a = Matrices.of(designed.a());
    RealMatrix b = Matrices.of(designed.b());
    RealMatrix q = Matrices.of(problem.stateWeight());
    RealMatrix r = Matrices.of(problem.inputWeight());
    DesignChecks.check(a, b, q, r, continuous);
    RiccatiSolution solution = solve(a, b, q, r, continuous);

    Map<String, Object> design = new LinkedHashMap<>();
    design.put("mode", mode);
    ClosedLoop.describe(design, solution, discrete, continuous ? designed : null);
    SteadyState target = SteadyState.of(discrete, problem);
    LOG.info("LQR designed ({} mode): [{}] states, [{}] inputs, [{}] doubling steps,"
        + " relative residual [{}], closed-loop spectral radius [{}]", mode,
        designed.states(), designed.inputs(), solution.iterations(),
        solution.relativeResidual(), design.get("closed_loop_spectral_radius"));
    return new StateFeedbackLaw(solution.gain(), target.state(), target.input(),
        InputLimits.of(problem, designed.inputs()), design);
  }

  static RiccatiSolution solve(RealMatrix a, RealMatrix b, RealMatrix q, RealMatrix r,
      boolean continuous) {
    RiccatiSolution solution;
    try {
      solution = continuous ? RiccatiSolver.care(a, b, q, r) : RiccatiSolver.dare(a, b, q, r);
    } catch (ArithmeticException e) {
      throw new PluginException("the " + (continuous ? "continuous" : "discrete")
          + " Riccati equation has no stabilising solution: " + e.getMessage(), e);
    }
    if (!Matrices.allFinite(solution.gain())) {
      throw new PluginException("the Riccati solver produced a non-finite gain");
    }
    return solution;
  }

  private static Linearization continuousPlant(ControlProblem problem) {
    Linearization plant = problem.plant();
    if (!plant.continuous()) {
      throw new PluginException("mode 'continuous' needs a continuous plant; this one is"
          + " discrete with period " + plant.samplePeriod() + " s (use mode 'discrete')");
    }
    return plant;
  }
}
