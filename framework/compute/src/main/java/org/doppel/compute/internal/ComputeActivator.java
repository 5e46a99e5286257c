package org.doppel.compute.internal;

import java.util.Hashtable;
import org.doppel.sdk.compute.ComputeService;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the JVM's compute service.
 *
 * <p>Starting the bundle does not touch ND4J: the launcher has started it already, and
 * commands that never compute (such as {@code doppel plugins}) should not pay for it.
 */
public final class ComputeActivator implements BundleActivator {

  private static final Logger LOG = LoggerFactory.getLogger(ComputeActivator.class);

  private ServiceRegistration<ComputeService> registration;

  @Override
  public void start(BundleContext context) {
    ComputeService service = new Nd4jComputeService(new Nd4jBackend(), new ComputeQueue(),
        CpuModel.name());
    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(Constants.SERVICE_DESCRIPTION,
        "ND4J compute backend with serialised device access");
    registration = context.registerService(ComputeService.class, service, properties);
    LOG.debug("compute service registered");
  }

  @Override
  public void stop(BundleContext context) {
    try {
      registration.unregister();
    } catch (IllegalStateException alreadyGone) {
      // the framework unregisters a stopping bundle's services itself
    }
  }
}
