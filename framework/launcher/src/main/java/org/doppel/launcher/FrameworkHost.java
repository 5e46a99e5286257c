package org.doppel.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.doppel.launcher.api.CommandService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Felix framework of one process: a fresh cache folder, the shared libraries
 * exported from the system bundle, the bundles of {@code bundle/} started, and
 * {@code deploy/} watched. ND4J must be initialised before {@link #boot} (see
 * {@link Nd4jBootstrap}). Thread-safe; {@link #stop} may be called from a shutdown hook
 * while another thread runs a command.
 */
public final class FrameworkHost implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FrameworkHost.class);

  private static final String RUNTIME_BUNDLE = "org.doppel.runtime";

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final HostSettings settings;
  private final Path storage;
  private final Framework framework;
  private final BundleDeployer deployer;
  private DeployWatcher watcher;
  private boolean stopped;

  private FrameworkHost(HostSettings settings, Path storage, Framework framework) {
    this.settings = settings;
    this.storage = storage;
    this.framework = framework;
    this.deployer = new BundleDeployer(framework);
  }

  /** Starts the framework, installs and starts {@code bundle/}, then {@code deploy/}. */
  public static FrameworkHost boot(HostSettings settings) {
    long start = System.nanoTime();
    Path storage = createStorage(settings.storageParent());
    Framework framework = newFramework(settings, storage);
    FrameworkHost host = new FrameworkHost(settings, storage, framework);
    try {
      framework.start();
      host.startBundleFolder();
      if (settings.deployFolder() != null) {
        host.watcher = new DeployWatcher(settings.deployFolder(), settings.pollInterval(),
            framework.getBundleContext(), host.deployer);
        host.watcher.start();
      }
    } catch (BundleException | RuntimeException e) {
      host.stop();
      throw new LauncherException("the OSGi framework did not start: " + e.getMessage(), e);
    }
    LOG.info("framework started with {} bundles in {} ms",
        framework.getBundleContext().getBundles().length,
        (System.nanoTime() - start) / 1_000_000);
    return host;
  }

  /** The system bundle's context. */
  public BundleContext context() {
    return framework.getBundleContext();
  }

  /** Installs, updates and uninstalls bundles with the launcher's error reporting. */
  public BundleDeployer deployer() {
    return deployer;
  }

  /** The {@code deploy/} watcher, if the settings name a deploy folder. */
  public Optional<DeployWatcher> watcher() {
    return Optional.ofNullable(watcher);
  }

  /** The per-process cache folder (deleted by {@link #stop}). */
  public Path storage() {
    return storage;
  }

  /**
   * Waits for the runtime's {@link CommandService} and runs one command line through it.
   *
   * @return the command's exit code
   * @throws LauncherException if no command service appears in time, naming the bundles
   *     that are not active
   */
  public int execute(List<String> args, InputStream in, PrintStream out, PrintStream err) {
    ServiceTracker<CommandService, CommandService> tracker =
        new ServiceTracker<>(context(), CommandService.class, null);
    tracker.open();
    try {
      CommandService commands = awaitCommands(tracker);
      if (commands == null) {
        throw new LauncherException("no command service (" + CommandService.class.getName()
            + ") is available; it is "
            + "registered by the runtime bundle (" + RUNTIME_BUNDLE + ") in "
            + settings.bundleFolder() + "; bundles not active: " + inactiveBundles());
      }
      return commands.execute(args, in, out, err);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      tracker.close();
    }
  }

  /**
   * Waits for the command service, giving up early when the runtime bundle is not
   * starting at all (it failed to resolve or its activator threw): its error is logged.
   */
  private CommandService awaitCommands(
      ServiceTracker<CommandService, CommandService> tracker) throws InterruptedException {
    long deadline = System.nanoTime() + settings.commandTimeout().toNanos();
    while (System.nanoTime() < deadline) {
      CommandService commands = tracker.waitForService(100);
      if (commands != null || !runtimeStarting()) {
        return commands;
      }
    }
    return null;
  }

  private boolean runtimeStarting() {
    return Stream.of(context().getBundles())
        .filter(b -> RUNTIME_BUNDLE.equals(b.getSymbolicName()))
        .anyMatch(b -> (b.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0);
  }

  /** Stops watching, stops the framework and deletes its cache folder; idempotent. */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    if (watcher != null) {
      watcher.close();
    }
    try {
      framework.stop();
      FrameworkEvent event = framework.waitForStop(STOP_TIMEOUT.toMillis());
      if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
        LOG.warn("the framework did not stop within {} s", STOP_TIMEOUT.toSeconds());
      }
    } catch (BundleException e) {
      LOG.warn("stopping the framework failed: {}", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteStorage();
  }

  @Override
  public void close() {
    stop();
  }

  private void startBundleFolder() {
    Path folder = settings.bundleFolder();
    if (!Files.isDirectory(folder)) {
      throw new LauncherException("the bundle folder " + folder + " does not exist; "
          + "set -D" + HostSettings.HOME + " to the distribution's root");
    }
    Map<Path, Bundle> installed = new LinkedHashMap<>();
    for (Path jar : SystemPackages.jarsIn(folder)) {
      deployer.install(jar).ifPresent(bundle -> installed.put(jar, bundle));
    }
    installed.forEach((jar, bundle) -> deployer.start(bundle, jar));
  }

  private String inactiveBundles() {
    String list = Stream.of(context().getBundles())
        .filter(b -> b.getState() != Bundle.ACTIVE)
        .map(b -> b.getSymbolicName() + " (" + stateName(b.getState()) + ")")
        .collect(Collectors.joining(", "));
    return list.isEmpty() ? "none" : list;
  }

  private static String stateName(int state) {
    return switch (state) {
      case Bundle.INSTALLED -> "installed, not resolved";
      case Bundle.RESOLVED -> "resolved, not started";
      case Bundle.STARTING -> "starting";
      case Bundle.STOPPING -> "stopping";
      default -> "state " + state;
    };
  }

  private static Framework newFramework(HostSettings settings, Path storage) {
    Map<String, Object> config = new HashMap<>();
    config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
    config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
    config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA,
        SystemPackages.exportHeader(settings.libraryClassPath()));
    config.put("felix.log.logger", new FelixLogBridge());
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class,
        FrameworkHost.class.getClassLoader()).findFirst().orElseThrow(
            () -> new LauncherException("no OSGi framework (Apache Felix) on the class path"));

    // Felix's factory takes Map<String, String>; the logger is an object by design.
    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, String> raw = (Map) config;
    return factory.newFramework(raw);
  }

  private static Path createStorage(Path parent) {
    try {
      Files.createDirectories(parent);
      return Files.createTempDirectory(parent, "doppel-felix-");
    } catch (IOException e) {
      throw new LauncherException("cannot create the framework cache folder in " + parent
          + ": " + e, e);
    }
  }

  private void deleteStorage() {
    try (Stream<Path> files = Files.walk(storage)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.warn("cannot delete the framework cache folder {}: {}", storage, e.toString());
    }
  }
}
