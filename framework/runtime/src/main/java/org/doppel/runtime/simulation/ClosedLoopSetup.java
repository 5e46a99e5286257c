package org.doppel.runtime.simulation;

import org.doppel.sdk.domain.Disturbance;
import java.util.Objects;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * One closed loop to simulate.
 *
 * <p>The law reads the true state (x̂ = x: no estimator yet) and gets no disturbance
 * forecast, since the disturbances a twin's decision loop faces are by construction what its
 * forecast missed. Holds the law, which is stateful, so a setup is simulated once.
 *
 * @param plant the plant, already configured
 * @param law the control law, freshly designed; stepped once per sample
 * @param controllerId the controller's id, recorded in the trajectory
 * @param initialState x[0], one value per plant state
 * @param disturbance w[k] for every step; its length sets the number of steps
 * @param samplePeriod seconds per step: the control period and the plant's step
 */
public record ClosedLoopSetup(SystemDynamics plant, ControlLaw law, String controllerId,
    double[] initialState, Disturbance disturbance, double samplePeriod) {

  public ClosedLoopSetup {
    Objects.requireNonNull(plant, "plant");
    Objects.requireNonNull(law, "law");
    Objects.requireNonNull(controllerId, "controllerId");
    initialState = initialState.clone();
    Objects.requireNonNull(disturbance, "disturbance");
    if (!(samplePeriod > 0) || !Double.isFinite(samplePeriod)) {
      throw new IllegalArgumentException("sample period must be positive, got "
          + samplePeriod);
    }
  }

  @Override
  public double[] initialState() {
    return initialState.clone();
  }
}
