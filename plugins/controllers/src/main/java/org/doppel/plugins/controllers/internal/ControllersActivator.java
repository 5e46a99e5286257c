package org.doppel.plugins.controllers.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the controllers as OSGi services. */
public final class ControllersActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new ControllersPluginModule();
  }
}
