package org.doppel.domains.traffic.internal;

import org.doppel.domains.traffic.TrafficDomain;
import org.doppel.domains.traffic.grid.StoreAndForwardPlant;
import org.doppel.domains.traffic.motorway.CellTransmissionModel;
import org.doppel.sdk.wiring.PluginModule;

/**
 * What the traffic bundle contributes: the domain, the motorway's cell transmission model
 * and the grid's store-and-forward plant.
 */
public final class TrafficPluginModule extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(TrafficDomain.class);
    addDynamics(CellTransmissionModel.class);
    addDynamics(StoreAndForwardPlant.class);
  }
}
