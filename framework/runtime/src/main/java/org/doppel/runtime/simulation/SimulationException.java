package org.doppel.runtime.simulation;

import org.doppel.sdk.domain.ClosedLoopTrajectory;

/**
 * A closed-loop simulation could not go on: the state or the input became non-finite, or the
 * plant, law or disturbance did not fit together. The message names the plant, controller,
 * step, time and signal; {@link #partial()} keeps the trajectory up to the failing step.
 */
public class SimulationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient ClosedLoopTrajectory partial;

  SimulationException(String message, ClosedLoopTrajectory partial) {
    super(message);
    this.partial = partial;
  }

  /**
   * The trajectory recorded before the failure, at the requested decimation; {@code null}
   * when the simulation failed before its first step.
   */
  public ClosedLoopTrajectory partial() {
    return partial;
  }
}
