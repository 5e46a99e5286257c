package org.doppel.runtime.internal;

import java.util.Hashtable;
import java.util.Optional;
import org.doppel.launcher.api.CommandService;
import org.doppel.runtime.cli.DoppelCommandService;
import org.doppel.runtime.forecast.SameDiffForecasting;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.pipeline.ComputeAccess;
import org.doppel.runtime.registry.PluginRegistry;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts the runtime: the plugin registry, the framework services the runtime provides to
 * plugins, and the command line the launcher calls.
 */
public final class RuntimeActivator implements BundleActivator {

  private PluginRegistry registry;
  private DoppelCommandService commands;
  private ServiceRegistration<CommandService> commandRegistration;
  private ServiceRegistration<TimeSeriesIngest> ingestRegistration;
  private ServiceTracker<ComputeService, ComputeService> compute;
  private ServiceRegistration<SequenceForecasting> forecastingRegistration;

  @Override
  public void start(BundleContext context) {
    registry = new PluginRegistry(context);
    registry.open();

    ingestRegistration = context.registerService(TimeSeriesIngest.class,
        new CsvTimeSeriesIngest(), new Hashtable<>());

    // The compute bundle may start after this one or be updated: the forecasting service
    // finds the compute service when it trains, not now.
    compute = new ServiceTracker<>(context, ComputeService.class, null);
    compute.open();
    forecastingRegistration = context.registerService(SequenceForecasting.class,
        new SameDiffForecasting(ComputeAccess.tracking(
            () -> Optional.ofNullable(compute.getService()), "forecast"), registry),
        new Hashtable<>());

    commands = new DoppelCommandService(context, registry);
    commandRegistration = context.registerService(CommandService.class, commands,
        new Hashtable<>());
  }

  @Override
  public void stop(BundleContext context) {
    commands.frameworkStopping();
    commandRegistration.unregister();
    ingestRegistration.unregister();
    forecastingRegistration.unregister();
    compute.close();
    registry.close();
  }
}
