package org.doppel.plugins.msd.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/**
 * Publishes the bundle's plugins as OSGi services when the bundle starts and withdraws them
 * when it stops; named in {@code bnd.bnd} as the {@code Bundle-Activator}.
 */
public final class MassSpringDamperActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new MassSpringDamperModule();
  }
}
