package org.doppel.domains.medical.internal;

import org.doppel.domains.medical.MedicalDomain;
import org.doppel.domains.medical.pk.IvOneCompartment;
import org.doppel.domains.medical.pk.OralOneCompartment;
import org.doppel.sdk.wiring.PluginModule;

/** What the medical bundle contributes: the domain and its pharmacokinetic plants. */
public final class MedicalPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(MedicalDomain.class);
    addDynamics(OralOneCompartment.class);
    addDynamics(IvOneCompartment.class);
  }
}
