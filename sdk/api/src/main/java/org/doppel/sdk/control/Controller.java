package org.doppel.sdk.control;

import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A control design method (LQR, MPC, PID, ...): from a problem it designs a
 * {@link ControlLaw} that chooses inputs step by step.
 *
 * <p>The service itself is stateless and thread-safe; each design returns a new law that
 * holds its own state.
 */
@ConsumerType
public interface Controller extends Plugin {

  @Override
  default PluginType type() {
    return PluginType.CONTROLLER;
  }

  /**
   * Designs a control law.
   *
   * @throws org.doppel.sdk.PluginException saying which condition failed (for example
   *     "(A, B) is not stabilisable: eigenvalue 0 is uncontrollable")
   */
  ControlLaw design(ControlProblem problem, Parameters parameters);
}
