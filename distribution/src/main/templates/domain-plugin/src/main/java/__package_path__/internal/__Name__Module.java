package __package__.internal;

import __package__.__Name__Domain;
import __package__.__Name__Plant;
import org.doppel.sdk.wiring.PluginModule;

/** What the bundle contributes: the domain and its plant. */
public final class __Name__Module extends PluginModule {

  @Override
  protected void contribute() {
    addDomain(__Name__Domain.class);
    addDynamics(__Name__Plant.class);
  }
}
