package org.doppel.domains.traffic.internal;

import org.doppel.domains.traffic.TrafficDomain;
import org.doppel.sdk.wiring.PluginModule;

/** What the traffic bundle contributes. */
public final class TrafficPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(TrafficDomain.class);
  }
}
