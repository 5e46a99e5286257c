package org.doppel.plugins.controllers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.linear.MatrixUtils;
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
 * LQR with integral action on the outputs, {@code lqi}: the state is augmented with
 * z[k+1] = z[k] + T (r - C x[k]) and the LQR of the augmented discrete plant gives
 * u = -K_x x - K_z z, so a constant disturbance leaves no steady-state error in y = C x.
 *
 * <p>Parameters: {@code integral_weight}, the weight of z in the cost: a number (times the
 * identity) or one number per output (default 1). The plant is discretised with a
 * zero-order hold at the control sample period. While a limit clips the input the
 * integrators hold (conditional integration), so they do not wind up.
 *
 * <p>The augmented pair is stabilisable only with at most as many outputs as inputs and no
 * plant zero at z = 1; a plant that already integrates these outputs (such as the two-area
 * LFC model with its integral-of-ACE states) gets the error for an uncontrollable
 * eigenvalue 1. Stateless and thread-safe.
 */
public final class LqiController implements Controller {

  static final String ID = "lqi";
  private static final Logger LOG = LoggerFactory.getLogger(LqiController.class);
  private static final Set<String> KEYS = Set.of("integral_weight");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "LQR with integral action on the outputs (augmented-state discrete LQR): no"
        + " steady-state error under constant disturbances";
  }

  @Override
  public ControlLaw design(ControlProblem problem, Parameters parameters) {
    parameters.requireOnly(KEYS);
    Linearization discrete = DiscreteModel.of(problem);
    int n = discrete.states();
    int m = discrete.inputs();
    double[][] c = problem.outputMatrix();
    int p = c.length;
    if (p == 0) {
      throw new PluginException("lqi needs at least one output to integrate: the output"
          + " matrix C is empty");
    }
    if (problem.reference().length != p) {
      throw new PluginException("the reference has " + problem.reference().length
          + " values for " + p + " outputs");
    }
    double[] integralWeight = integralWeight(parameters, p);

    RealMatrix a = augmentedA(discrete, c, problem.samplePeriod());
    RealMatrix b = MatrixUtils.createRealMatrix(n + p, m);
    b.setSubMatrix(discrete.b(), 0, 0);
    RealMatrix q = MatrixUtils.createRealMatrix(n + p, n + p);
    q.setSubMatrix(problem.stateWeight(), 0, 0);
    for (int i = 0; i < p; i++) {
      q.setEntry(n + i, n + i, integralWeight[i]);
    }
    RealMatrix r = Matrices.of(problem.inputWeight());
    try {
      DesignChecks.check(a, b, q, r, false);
    } catch (PluginException e) {
      throw new PluginException(e.getMessage() + " (for the plant augmented with one"
          + " integrator per output: this needs no more outputs than inputs and no plant zero"
          + " at z = 1)", e);
    }
    RiccatiSolution solution = LqrController.solve(a, b, q, r, false);

    Map<String, Object> design = new LinkedHashMap<>();
    design.put("gain", Matrices.rows(solution.gain()));
    design.put("riccati_iterations", solution.iterations());
    design.put("riccati_relative_residual", solution.relativeResidual());
    double radius = ClosedLoop.spectralRadius(a, b, solution.gain());
    design.put("closed_loop_spectral_radius", radius);
    LOG.info("LQI designed: [{}] states, [{}] outputs integrated, [{}] inputs, closed-loop"
        + " spectral radius [{}]", n, p, m, radius);
    return new IntegralFeedbackLaw(solution.gain(), c, problem.reference(),
        problem.samplePeriod(), InputLimits.of(problem, m), design);
  }

  /** [[A, 0], [-T C, I]]. */
  private static RealMatrix augmentedA(Linearization discrete, double[][] c, double period) {
    int n = discrete.states();
    int p = c.length;
    RealMatrix a = MatrixUtils.createRealMatrix(n + p, n + p);
    a.setSubMatrix(discrete.a(), 0, 0);
    for (int i = 0; i < p; i++) {
      if (c[i].length != n) {
        throw new PluginException("row " + i + " of the output matrix C has " + c[i].length
            + " columns for " + n + " states");
      }
      for (int j = 0; j < n; j++) {
        a.setEntry(n + i, j, -period * c[i][j]);
      }
      a.setEntry(n + i, n + i, 1);
    }
    return a;
  }

  private static double[] integralWeight(Parameters parameters, int outputs) {
    Object raw = parameters.asMap().get("integral_weight");
    double[] weight;
    if (raw instanceof List<?>) {
      weight = parameters.getDoubles("integral_weight", null);
    } else {
      weight = new double[outputs];
      Arrays.fill(weight, parameters.getDouble("integral_weight", 1));
    }
    if (weight.length != outputs) {
      throw new PluginException(parameters.owner() + ": parameter 'integral_weight' has "
          + weight.length + " values for " + outputs + " outputs");
    }
    for (double w : weight) {
      if (!(w > 0) || !Double.isFinite(w)) {
        throw new PluginException(parameters.owner() + ": parameter 'integral_weight' must be"
            + " positive, got " + Arrays.toString(weight));
      }
    }
    return weight;
  }
}
