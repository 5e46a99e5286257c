package org.doppel.runtime.internal;

import java.util.Hashtable;
import org.doppel.launcher.api.CommandService;
import org.doppel.runtime.cli.DoppelCommandService;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.registry.PluginRegistry;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Starts the runtime: the plugin registry, the framework services the runtime provides to
 * plugins, and the command line the launcher calls.
 */
public final class RuntimeActivator implements BundleActivator {

  private PluginRegistry registry;
  private DoppelCommandService commands;
  private ServiceRegistration<CommandService> commandRegistration;
  private ServiceRegistration<TimeSeriesIngest> ingestRegistration;

  @Override
  public void start(BundleContext context) {
    registry = new PluginRegistry(context);
    registry.open();

    ingestRegistration = context.registerService(TimeSeriesIngest.class,
        new CsvTimeSeriesIngest(), new Hashtable<>());

    commands = new DoppelCommandService(context, registry);
    commandRegistration = context.registerService(CommandService.class, commands,
        new Hashtable<>());
  }

  @Override
  public void stop(BundleContext context) {
    commands.frameworkStopping();
    commandRegistration.unregister();
    ingestRegistration.unregister();
    registry.close();
  }
}
