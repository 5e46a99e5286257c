package org.doppel.sdk.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.dynamics.SystemDynamics;

/**
 * The Guice module of a plugin bundle: its {@link #contribute()} reads as the list of what
 * the bundle adds.
 *
 * <pre>{@code
 * protected void contribute() {
 *   addController(LqrController.class);
 *   addController(PidController.class);
 * }
 * }</pre>
 *
 * <p>Each contribution is bound as a singleton and published by {@link PluginActivator} as
 * an OSGi service under its extension interface. The bundle's other classes can be bound
 * with plain Guice in {@link #contribute()} as well.
 */
public abstract class PluginModule extends AbstractModule {

  private Multibinder<Plugin> plugins;

  /** Lists the bundle's contributions with the {@code add*} helpers. */
  protected abstract void contribute();

  @Override
  protected final void configure() {
    plugins = Multibinder.newSetBinder(binder(), Plugin.class);
    contribute();
  }

  protected final void addDynamics(Class<? extends SystemDynamics> type) {
    add(type);
  }

  protected final void addAttentionVariant(Class<? extends AttentionVariant> type) {
    add(type);
  }

  protected final void addCompressionStrategy(Class<? extends CompressionStrategy> type) {
    add(type);
  }

  protected final void addController(Class<? extends Controller> type) {
    add(type);
  }

  protected final void addDomain(Class<? extends DomainModule> type) {
    add(type);
  }

  private void add(Class<? extends Plugin> type) {
    bind(type).asEagerSingleton();
    plugins.addBinding().to(type);
  }
}
