package org.doppel.domains.medical.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the medical domain and its plants as OSGi services. */
public final class MedicalActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new MedicalPluginModule();
  }
}
