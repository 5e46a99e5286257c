package org.doppel.domains.medical.internal;

import org.doppel.domains.medical.MedicalDomain;
import org.doppel.sdk.wiring.PluginModule;

/** What the medical bundle contributes. */
public final class MedicalPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(MedicalDomain.class);
  }
}
