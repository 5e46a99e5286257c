package org.doppel.runtime.cli;

import java.util.concurrent.Callable;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.osgi.framework.Bundle;
import picocli.CommandLine.Command;

/** {@code doppel info}: Java, OS, framework, compute backend and devices. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show Java, OS, the OSGi framework, the compute backend and its devices.")
final class InfoCommand implements Callable<Integer> {

  private final CliContext context;

  InfoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var out = context.out();
    Bundle system = context.bundleContext().getBundle(0);
    out.printf("java:        %s (%s)%n", System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
    out.printf("os:          %s %s (%s), %d cores%n", System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors());
    out.printf("framework:   %s %s, %d bundles%n", system.getSymbolicName(),
        system.getVersion(), context.bundleContext().getBundles().length);
    var compute = context.service(ComputeService.class);
    if (compute.isEmpty()) {
      out.println("backend:     unavailable (the compute bundle is not running)");
      out.flush();
      return 1;
    }
    ComputeInfo info = compute.get().info();
    out.printf("backend:     %s, BLAS %s, %d thread(s)%n", info.backend(), info.blasVendor(),
        info.blasThreads());
    for (String device : info.devices()) {
      out.printf("device:      %s%n", device);
    }
    if (info.maxBytes() > 0) {
      out.printf("memory:      %d MiB available to the backend%n", info.maxBytes() >> 20);
    }
    out.flush();
    return 0;
  }
}
