package org.doppel.domains.medical.glucose;

import org.doppel.sdk.PluginException;

/**
 * The glucose model's integration failed. The message names the plant, the patient, the time
 * reached and the step the integrator needed; the trajectory up to the failure is kept.
 */
public final class SimulationException extends PluginException {

  private static final long serialVersionUID = 1L;

  private final transient GlucoseTrace partial;

  SimulationException(String message, Throwable cause, GlucoseTrace partial) {
    super(message, cause);
    this.partial = partial;
  }

  /** The minutes simulated before the failure. */
  public GlucoseTrace partialTrace() {
    return partial;
  }
}
