package org.doppel.domains.logistics.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the logistics domain and its plants as OSGi services. */
public final class LogisticsActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new LogisticsPluginModule();
  }
}
