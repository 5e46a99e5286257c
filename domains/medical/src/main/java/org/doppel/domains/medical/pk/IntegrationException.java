package org.doppel.domains.medical.pk;

import org.doppel.sdk.PluginException;

/**
 * The integrator gave up before the end of the interval. The message names the plant, the
 * time reached and the step the integrator needed; {@link #partial()} keeps the trajectory
 * computed so far.
 */
public final class IntegrationException extends PluginException {

  private static final long serialVersionUID = 1L;

  private final transient Trajectory partial;
  private final double timeReached;

  IntegrationException(String message, Trajectory partial, double timeReached,
      Throwable cause) {
    super(message, cause);
    this.partial = partial;
    this.timeReached = timeReached;
  }

  /** The trajectory up to {@link #timeReached()}, on the requested output grid. */
  public Trajectory partial() {
    return partial;
  }

  /** The last time the integrator accepted a step to. */
  public double timeReached() {
    return timeReached;
  }
}
