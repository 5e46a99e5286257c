package org.doppel.domains.logistics.internal;

import org.doppel.domains.logistics.LogisticsDomain;
import org.doppel.domains.logistics.chain.SerialSupplyChain;
import org.doppel.sdk.wiring.PluginModule;

/** What the logistics bundle contributes: the domain and the serial supply-chain plant. */
public final class LogisticsPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(LogisticsDomain.class);
    addDynamics(SerialSupplyChain.class);
  }
}
