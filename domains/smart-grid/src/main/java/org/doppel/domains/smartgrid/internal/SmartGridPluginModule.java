package org.doppel.domains.smartgrid.internal;

import org.doppel.domains.smartgrid.SmartGridDomain;
import org.doppel.domains.smartgrid.TwoAreaLoadFrequencyControl;
import org.doppel.sdk.wiring.PluginModule;

/** What the smart-grid bundle contributes: the domain and the two-area LFC plant. */
public final class SmartGridPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(SmartGridDomain.class);
    addDynamics(TwoAreaLoadFrequencyControl.class);
  }
}
