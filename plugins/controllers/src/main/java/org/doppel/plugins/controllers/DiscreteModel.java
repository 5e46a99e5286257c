package org.doppel.plugins.controllers;

import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/** The plant of a problem as the discrete model the laws step with. Stateless. */
final class DiscreteModel {

  private DiscreteModel() {
  }

  /**
   * The plant discretised with a zero-order hold at the control sample period, or the plant
   * itself when it is already discrete at that period.
   */
  static Linearization of(ControlProblem problem) {
    Linearization plant = problem.plant();
    checkNotEmpty(plant);
    if (plant.continuous()) {
      return plant.discretize(problem.samplePeriod());
    }
    if (Math.abs(plant.samplePeriod() - problem.samplePeriod())
        > 1e-12 * problem.samplePeriod()) {
      throw new PluginException("the discrete plant steps every " + plant.samplePeriod()
          + " s but the control sample period is " + problem.samplePeriod() + " s");
    }
    return plant;
  }

  static void checkNotEmpty(Linearization plant) {
    if (plant.states() == 0 || plant.inputs() == 0) {
      throw new PluginException("the plant needs at least one state and one input, got "
          + plant.states() + " states and " + plant.inputs() + " inputs");
    }
  }
}
