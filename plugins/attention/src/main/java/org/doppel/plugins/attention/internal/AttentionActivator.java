package org.doppel.plugins.attention.internal;

import com.google.inject.Module;
import org.doppel.sdk.wiring.PluginActivator;

/** Starts the attention bundle: registers every variant {@link AttentionModule} lists. */
public final class AttentionActivator extends PluginActivator {

  @Override
  protected Module module() {
    return new AttentionModule();
  }
}
