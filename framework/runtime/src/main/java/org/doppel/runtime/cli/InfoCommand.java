package org.doppel.runtime.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.compute.ComputeUsage;
import org.osgi.framework.Bundle;
import picocli.CommandLine.Command;

/**
 * {@code doppel info}: Java, OS, framework, compute backend, devices, memory, and what each
 * owner has run on the compute service in this JVM.
 */
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
    ComputeService service = compute.get();
    ComputeInfo info = service.info();
    out.printf("backend:     %s, BLAS %s, %s%n", info.backend(), info.blasVendor(),
        info.blasThreads() > 0 ? info.blasThreads() + " thread(s)" : "threads not reported");
    for (String device : info.devices()) {
      out.printf("device:      %s%n", device);
    }
    out.printf("memory:      %s%n", memory(info));
    for (ComputeUsage usage : service.usage()) {
      out.printf(Locale.ROOT,
          "compute use: %s: %d job(s), %d failed, %.1f s running, %.1f s waiting%n",
          usage.owner(), usage.jobs(), usage.failures(), seconds(usage.busy()),
          seconds(usage.waited()));
    }
    out.flush();
    return 0;
  }

  /** Device memory for a GPU backend; for the CPU backend, the process's resident memory. */
  private static String memory(ComputeInfo info) {
    if (info.usedBytes() < 0 && info.maxBytes() < 0) {
      return "not reported by the backend";
    }
    String used = info.usedBytes() < 0 ? "unknown" : (info.usedBytes() >> 20) + " MiB";
    String limit = info.maxBytes() < 0 ? "no limit" : (info.maxBytes() >> 20) + " MiB";
    return used + " in use of " + limit;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
