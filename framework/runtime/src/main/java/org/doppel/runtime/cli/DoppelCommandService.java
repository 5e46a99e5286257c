package org.doppel.runtime.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.doppel.launcher.api.CommandService;
import org.doppel.runtime.registry.PluginRegistry;
import org.osgi.framework.BundleContext;

/**
 * The CLI as the launcher calls it: each invocation gets a fresh picocli tree over the
 * running framework. Thread-safe.
 */
public final class DoppelCommandService implements CommandService {

  private final BundleContext bundleContext;
  private final PluginRegistry registry;
  private final AtomicBoolean stopping = new AtomicBoolean();

  public DoppelCommandService(BundleContext bundleContext, PluginRegistry registry) {
    this.bundleContext = bundleContext;
    this.registry = registry;
  }

  @Override
  public int execute(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    BufferedReader reader = new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8));
    CliContext context = new CliContext(bundleContext, registry, reader, outWriter, errWriter);
    int code = Commands.root(context, stopping, err).execute(args.toArray(String[]::new));
    outWriter.flush();
    errWriter.flush();
    return code;
  }

  /** Ends running shells: the runtime bundle is stopping. */
  public void frameworkStopping() {
    stopping.set(true);
  }
}
