package org.doppel.runtime.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.util.Optional;
import org.doppel.runtime.registry.PluginRegistry;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * What every command needs: the running framework, the plugin registry and the terminal.
 * One per invocation; not thread-safe.
 *
 * @param bundleContext the runtime bundle's context in the running framework
 * @param registry the plugin registry
 * @param in the user's input (the shell reads commands from it)
 * @param out where results go
 * @param err where errors go
 */
public record CliContext(BundleContext bundleContext, PluginRegistry registry,
    BufferedReader in, PrintWriter out, PrintWriter err) {

  /** The highest-ranked service of {@code type}, if one is registered now. */
  public <T> Optional<T> service(Class<T> type) {
    ServiceReference<T> reference = bundleContext.getServiceReference(type);
    return reference == null ? Optional.empty()
        : Optional.ofNullable(bundleContext.getService(reference));
  }
}
