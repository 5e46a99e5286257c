package org.doppel.plugins.msd.internal;

import org.doppel.plugins.msd.MassSpringDamper;
import org.doppel.sdk.wiring.PluginModule;

/** What this bundle contributes: one plant. A bundle with more lists each one here. */
public final class MassSpringDamperModule extends PluginModule {

  @Override
  protected void contribute() {
    addDynamics(MassSpringDamper.class);
  }
}
