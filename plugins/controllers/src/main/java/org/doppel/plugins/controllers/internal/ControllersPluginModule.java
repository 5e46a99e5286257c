package org.doppel.plugins.controllers.internal;

import org.doppel.plugins.controllers.AttentionEstimateController;
import org.doppel.plugins.controllers.LqiController;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.plugins.controllers.PidController;
import org.doppel.sdk.wiring.PluginModule;

/** What the controllers bundle contributes. */
public final class ControllersPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addController(LqrController.class);
    addController(PidController.class);
    addController(LqiController.class);
    addController(MpcController.class);
    addController(AttentionEstimateController.class);
  }
}
