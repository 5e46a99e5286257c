package __package__.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the __id__ domain and its plant as OSGi services. */
public final class __Name__Activator extends PluginActivator {

  @Override
  protected Module module() {
    return new __Name__Module();
  }
}
