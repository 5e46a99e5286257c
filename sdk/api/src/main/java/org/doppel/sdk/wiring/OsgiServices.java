package org.doppel.sdk.wiring;

import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** {@link Services} over a bundle's context; the service is fetched anew on each call. */
final class OsgiServices implements Services {

  private final BundleContext context;

  OsgiServices(BundleContext context) {
    this.context = context;
  }

  @Override
  public <T> Optional<T> find(Class<T> type) {
    ServiceReference<T> reference = context.getServiceReference(type);
    if (reference == null) {
      return Optional.empty();
    }
    T service = context.getService(reference);
    context.ungetService(reference);
    return Optional.ofNullable(service);
  }
}
