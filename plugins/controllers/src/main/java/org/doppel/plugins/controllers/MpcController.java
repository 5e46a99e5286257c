package org.doppel.plugins.controllers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.riccati.DesignChecks;
import org.doppel.plugins.controllers.riccati.Matrices;
import org.doppel.plugins.controllers.riccati.RiccatiSolution;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.dynamics.Linearization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Linear model-predictive control, {@code mpc}: every step it minimises
 * Σ_{k=1}^{N-1} x_k'Q x_k + x_N'P x_N + Σ_{k=0}^{N-1} u_k'R u_k over the horizon N on the
 * plant discretised with a zero-order hold, subject to the problem's input bounds, input
 * rate limits and state bounds (hard constraints on x_1 ... x_N), and applies u_0. The
 * terminal weight P is the DARE solution, so without active constraints the law is exactly
 * the discrete LQR. The quadratic program is condensed to the inputs and solved by ojAlgo's
 * active-set convex solver, warm-started from the previous plan shifted by one step. A
 * disturbance forecast, when given, enters the predictions through the plant's G (its last
 * row is held to the end of the horizon).
 *
 * <p>Parameters: {@code horizon} (N, default 20).
 *
 * <p>When a step's program is infeasible (state bounds that no admissible input sequence
 * meets) or the solver fails, the law falls back to the LQR input -K x clipped to the rate
 * limits and bounds; such steps are counted as {@code fallback_steps} in
 * {@link ControlLaw#diagnostics()}. The weights must pass the LQR design checks.
 *
 * <p>Stateless and thread-safe.
 */
public final class MpcController implements Controller {

  static final String ID = "mpc";
  static final int DEFAULT_HORIZON = 20;
  private static final Logger LOG = LoggerFactory.getLogger(MpcController.class);
  private static final Set<String> KEYS = Set.of("horizon");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Linear MPC over a horizon with input, rate and state limits (condensed QP by"
        + " ojAlgo, warm-started; LQR fallback when infeasible)";
  }

  @Override
  public ControlLaw design(ControlProblem problem, Parameters parameters) {
    parameters.requireOnly(KEYS);
    int horizon = parameters.getInt("horizon", DEFAULT_HORIZON);
    if (horizon < 1 || horizon > 1000) {
      throw new PluginException(parameters.owner() + ": parameter 'horizon' must be between"
          + " 1 and 1000 steps, got " + horizon);
    }

    Linearization discrete = DiscreteModel.of(problem);
    RealMatrix a = Matrices.of(discrete.a());
    RealMatrix b = Matrices.of(discrete.b());
    RealMatrix q = Matrices.of(problem.stateWeight());
    RealMatrix r = Matrices.of(problem.inputWeight());
    DesignChecks.check(a, b, q, r, false);
    RiccatiSolution terminal = LqrController.solve(a, b, q, r, false);
    InputLimits limits = InputLimits.of(problem, discrete.inputs());
    StateLimits states = StateLimits.of(problem, discrete.states());

    Map<String, Object> design = new LinkedHashMap<>();
    design.put("horizon", horizon);
    design.put("terminal_weight", "dare");
    design.put("fallback_input", "lqr, clipped to rate limits and bounds");
    design.put("lqr_gain", Matrices.rows(terminal.gain()));
    design.put("lqr_closed_loop_spectral_radius",
        ClosedLoop.spectralRadius(a, b, terminal.gain()));
    MpcLaw law = new MpcLaw(new Prediction(discrete, q, r, terminal.p(), horizon), limits,
        states, terminal.gain(), design);
    LOG.info("MPC designed: horizon [{}], [{}] states, [{}] inputs, [{}] constraint rows",
        horizon, discrete.states(), discrete.inputs(), law.constraintRows());
    return law;
  }
}
