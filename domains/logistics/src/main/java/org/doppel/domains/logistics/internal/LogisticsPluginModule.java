package org.doppel.domains.logistics.internal;

import org.doppel.domains.logistics.LogisticsDomain;
import org.doppel.sdk.wiring.PluginModule;

/** What the logistics bundle contributes. */
public final class LogisticsPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(LogisticsDomain.class);
  }
}
