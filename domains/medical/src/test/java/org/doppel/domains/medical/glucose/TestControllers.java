package org.doppel.domains.medical.glucose;

import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;

/** Controllers standing in for the controller plugins, which this module does not depend on. */
final class TestControllers {

  private TestControllers() {
  }

  /** u = gain · (C x), clipped to the problem's input bounds: a crude but sane regulator. */
  static Controller proportional(double gain) {
    return new Named("mpc", (problem, parameters) -> (step, x, forecast) -> {
      double[][] c = problem.outputMatrix();
      double y = 0;
      for (int i = 0; i < x.length; i++) {
        y += c[0][i] * x[i];
      }
      double u = gain * y;
      return new double[] {Math.max(problem.bounds().inputMin()[0],
          Math.min(problem.bounds().inputMax()[0], u))};
    });
  }

  /** A broken controller: huge, negative and non-finite inputs in turn, ignoring bounds. */
  static Controller wild() {
    double[] values = {1e9, -1e9, Double.NaN, Double.POSITIVE_INFINITY, 3e3};
    return new Named("mpc", (problem, parameters) -> (step, x, forecast) ->
        new double[] {values[(int) (step % values.length)]});
  }

  private interface Design {
    ControlLaw design(ControlProblem problem, Parameters parameters);
  }

  private record Named(String id, Design design) implements Controller {

    @Override
    public String description() {
      return "test controller";
    }

    @Override
    public ControlLaw design(ControlProblem problem, Parameters parameters) {
      return design.design(problem, parameters);
    }
  }
}
