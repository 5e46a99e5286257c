package org.doppel.domains.traffic.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the traffic domain and its plants as OSGi services. */
public final class TrafficActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new TrafficPluginModule();
  }
}
