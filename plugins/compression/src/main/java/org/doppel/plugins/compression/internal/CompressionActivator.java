package org.doppel.plugins.compression.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Publishes the compression strategies as OSGi services. */
public final class CompressionActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new CompressionPluginModule();
  }
}
