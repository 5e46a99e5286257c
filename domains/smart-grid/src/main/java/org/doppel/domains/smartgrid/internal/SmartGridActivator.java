package org.doppel.domains.smartgrid.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the smart-grid domain and its plant as OSGi services. */
public final class SmartGridActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new SmartGridPluginModule();
  }
}
