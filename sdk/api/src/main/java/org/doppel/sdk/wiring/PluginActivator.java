package org.doppel.sdk.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginProperties;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * The activator of a plugin bundle: builds the bundle's Guice injector from
 * {@link #module()} and registers every contributed plugin as an OSGi service, with its id,
 * type and description as service properties. Everything is unregistered when the bundle
 * stops.
 *
 * <p>Name a subclass in the bundle's {@code Bundle-Activator} header.
 */
public abstract class PluginActivator implements BundleActivator {

  private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

  /**
   * The bundle's module. {@link Services} is bound, so plugins can reach framework services
   * such as the ingest or compute service.
   */
  protected abstract Module module();

  @Override
  public void start(BundleContext context) {
    Module services = binder -> binder.bind(Services.class)
        .toInstance(new OsgiServices(context));
    Injector injector = Guice.createInjector(Stage.PRODUCTION, services, module());
    Set<Plugin> plugins = injector.getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));
    for (Plugin plugin : plugins) {
      Hashtable<String, Object> properties = new Hashtable<>();
      properties.put(PluginProperties.ID, plugin.id());
      properties.put(PluginProperties.TYPE, plugin.type().label());
      properties.put(PluginProperties.DESCRIPTION, plugin.description());
      registrations.add(context.registerService(plugin.type().serviceInterface(), plugin,
          properties));
    }
  }

  @Override
  public void stop(BundleContext context) {
    for (ServiceRegistration<?> registration : registrations) {
      try {
        registration.unregister();
      } catch (IllegalStateException alreadyGone) {
        // the framework unregisters a stopping bundle's services itself
      }
    }
    registrations.clear();
  }
}
