package org.doppel.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.FrameworkWiring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The shell's bundle commands: list, install and uninstall bundles in the running framework. */
final class BundleCommands {

  private BundleCommands() {
  }

  static String stateName(int state) {
    return switch (state) {
      case Bundle.ACTIVE -> "active";
      case Bundle.RESOLVED -> "resolved";
      case Bundle.INSTALLED -> "installed";
      case Bundle.STARTING -> "starting";
      case Bundle.STOPPING -> "stopping";
      case Bundle.UNINSTALLED -> "uninstalled";
      default -> "unknown(" + state + ")";
    };
  }

  /** {@code bundles}: every bundle with id, state, name and version. */
  @Command(name = "bundles", mixinStandardHelpOptions = true,
      description = "List the bundles of the running framework.")
  static final class List_ implements Callable<Integer> {

    private final CliContext context;

    List_(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      List<String[]> rows = new ArrayList<>();
      for (Bundle bundle : context.bundleContext().getBundles()) {
        rows.add(new String[] {Long.toString(bundle.getBundleId()),
            stateName(bundle.getState()), String.valueOf(bundle.getSymbolicName()),
            bundle.getVersion().toString(), bundle.getLocation()});
      }
      Tables.print(context.out(), new String[] {"ID", "STATE", "BUNDLE", "VERSION", "LOCATION"},
          rows);
      context.out().flush();
      return 0;
    }
  }

  /** {@code install PATH}: installs and starts a bundle jar. */
  @Command(name = "install", mixinStandardHelpOptions = true,
      description = "Install and start a bundle jar (it is not copied into deploy/).")
  static final class Install implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "JAR", description = "Path of the bundle jar.")
    private Path jar;

    Install(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      if (!Files.isRegularFile(jar)) {
        context.err().println("install: no such file: " + jar);
        context.err().flush();
        return 1;
      }
      try {
        Bundle bundle = context.bundleContext()
            .installBundle(jar.toAbsolutePath().toUri().toString());
        bundle.start();
        context.out().printf("installed %s %s as bundle %d%n", bundle.getSymbolicName(),
            bundle.getVersion(), bundle.getBundleId());
        context.out().flush();
        return 0;
      } catch (BundleException e) {
        context.err().println("install: " + jar + ": " + e.getMessage());
        context.err().flush();
        return 1;
      }
    }
  }

  /** {@code uninstall ID|NAME}: uninstalls a bundle. */
  @Command(name = "uninstall", mixinStandardHelpOptions = true,
      description = "Uninstall a bundle, given its id or symbolic name.")
  static final class Uninstall implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "BUNDLE", description = "Bundle id or symbolic name.")
    private String which;

    Uninstall(CliContext context) {
      this.context = context;
    }

    @Override
    public Integer call() {
      for (Bundle bundle : context.bundleContext().getBundles()) {
        boolean match = which.equals(Long.toString(bundle.getBundleId()))
            || which.equals(bundle.getSymbolicName());
        if (match && bundle.getBundleId() != 0) {
          try {
            String name = bundle.getSymbolicName();
            bundle.uninstall();
            // Rewire the bundles that imported from it, so its old revision is released.
            context.bundleContext().getBundle(0).adapt(FrameworkWiring.class)
                .refreshBundles(List.of(bundle));
            context.out().printf("uninstalled %s%n", name);
            context.out().flush();
            return 0;
          } catch (BundleException e) {
            context.err().println("uninstall: " + which + ": " + e.getMessage());
            context.err().flush();
            return 1;
          }
        }
      }
      context.err().println("uninstall: no bundle '" + which + "' (see 'bundles')");
      context.err().flush();
      return 1;
    }
  }
}
