package org.doppel.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the {@code deploy/} folder by polling: a jar that appears is installed and
 * started, a jar that changes updates its bundle, a jar that disappears uninstalls it.
 *
 * <p>A jar is acted on only once it is stable: its size and modification time are the
 * same on two polls in a row (case C05), so a jar still being copied is not tried. Files
 * ending in {@code .tmp} and dotfiles are ignored, so a producer may also write
 * {@code x.jar.tmp} and rename it. A jar that fails (unreadable, no bundle, unresolvable,
 * activator throws) is logged once and tried again as soon as it changes; it is never
 * given up on. Other bundles keep running throughout.
 *
 * <p>Thread-safe; all work happens on one daemon thread, {@code doppel-deploy}.
 */
public final class DeployWatcher implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeployWatcher.class);

  private final Path folder;
  private final Duration interval;
  private final BundleContext systemContext;
  private final BundleDeployer deployer;
  private final Map<Path, Tracked> tracked = new HashMap<>();
  private final AtomicLong polls = new AtomicLong();
  private ScheduledExecutorService executor;

  /** A file as last seen, and the version of it the framework was last given. */
  private static final class Tracked {
    Stamp seen;
    Stamp applied;
    long bundleId = -1;
  }

  /** Size and modification time of a file. */
  private record Stamp(long size, FileTime modified) {
  }

  public DeployWatcher(Path folder, Duration interval, BundleContext systemContext,
      BundleDeployer deployer) {
    this.folder = folder;
    this.interval = interval;
    this.systemContext = systemContext;
    this.deployer = deployer;
  }

  /**
   * Installs and starts every jar in the folder now (they are taken to be complete), then
   * polls for changes on the watcher thread.
   */
  public synchronized void start() {
    List<Path> jars = jars();
    Map<Path, Bundle> installed = new HashMap<>();
    for (Path jar : jars) {
      Tracked entry = new Tracked();
      entry.seen = stamp(jar);
      entry.applied = entry.seen;
      tracked.put(jar, entry);
      deployer.install(jar).ifPresent(bundle -> {
        entry.bundleId = bundle.getBundleId();
        installed.put(jar, bundle);
      });
    }
    installed.forEach((jar, bundle) -> deployer.start(bundle, jar));

    executor = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "doppel-deploy");
      thread.setDaemon(true);
      return thread;
    });
    executor.scheduleWithFixedDelay(this::pollSafely, interval.toMillis(),
        interval.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info("watching {} for bundle jars every {} ms", folder, interval.toMillis());
  }

  /** Stops polling; the installed bundles stay. */
  @Override
  public void close() {
    ScheduledExecutorService running;
    synchronized (this) {
      running = executor;
      executor = null;
    }
    if (running != null) {
      running.shutdownNow();
      try {
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** How many polls have completed; lets tests wait for the watcher without sleeping. */
  public long polls() {
    return polls.get();
  }

  private void pollSafely() {
    try {
      poll();
      polls.incrementAndGet();
    } catch (RuntimeException e) {
      // The watcher must outlive any one bad poll (a folder that vanished, a framework
      // that is stopping).
      LOG.error("deploy: poll of {} failed: {}", folder, e.toString(), e);
    }
  }

  /** One poll: act on every stable change. Package-private for tests. */
  synchronized void poll() {
    if (executor == null || systemContext.getBundle(0).getState() != Bundle.ACTIVE) {
      return;
    }
    Set<Path> present = new HashSet<>();
    boolean changed = false;
    for (Path jar : jars()) {
      present.add(jar);
      Tracked entry = tracked.computeIfAbsent(jar, j -> new Tracked());
      Stamp now = stamp(jar);
      if (now == null) {
        continue;
      }
      boolean stable = now.equals(entry.seen);
      entry.seen = now;
      if (stable && !now.equals(entry.applied)) {
        entry.applied = now;
        changed |= apply(jar, entry);
      }
    }
    for (Path gone : Set.copyOf(tracked.keySet())) {
      if (!present.contains(gone)) {
        Tracked entry = tracked.remove(gone);
        bundle(entry).ifPresent(bundle -> deployer.uninstall(bundle, gone));
      }
    }
    if (changed) {
      startWaitingBundles();
    }
  }

  /**
   * Starts the deploy bundles that could not be resolved before, if a bundle that just
   * arrived provides what they missed (a plugin copied in before the library it needs).
   * Their failure was logged when their file was tried; retrying stays quiet.
   */
  private void startWaitingBundles() {
    Map<Bundle, Path> waiting = new HashMap<>();
    tracked.forEach((jar, entry) -> bundle(entry)
        .filter(bundle -> bundle.getState() == Bundle.INSTALLED)
        .ifPresent(bundle -> waiting.put(bundle, jar)));
    if (waiting.isEmpty()) {
      return;
    }
    systemContext.getBundle(0).adapt(FrameworkWiring.class)
        .resolveBundles(waiting.keySet());
    waiting.forEach((bundle, jar) -> {
      if (bundle.getState() == Bundle.RESOLVED) {
        LOG.info("deploy: {} can be resolved now", jar.getFileName());
        deployer.start(bundle, jar);
      }
    });
  }

  /** Installs or updates the bundle of a changed jar; true if it started. */
  private boolean apply(Path jar, Tracked entry) {
    Optional<Bundle> current = bundle(entry);
    if (current.isPresent()) {
      LOG.info("deploy: {} changed, updating {}", jar.getFileName(),
          BundleDeployer.describe(current.get()));
      return deployer.update(current.get(), jar);
    }
    LOG.info("deploy: installing {}", jar.getFileName());
    Optional<Bundle> installed = deployer.install(jar);
    installed.ifPresent(bundle -> entry.bundleId = bundle.getBundleId());
    return installed.map(bundle -> deployer.start(bundle, jar)).orElse(false);
  }

  private Optional<Bundle> bundle(Tracked entry) {
    if (entry.bundleId < 0) {
      return Optional.empty();
    }
    Bundle bundle = systemContext.getBundle(entry.bundleId);
    // Someone may have uninstalled it from the shell meanwhile.
    return bundle == null || bundle.getState() == Bundle.UNINSTALLED ? Optional.empty()
        : Optional.of(bundle);
  }

  private List<Path> jars() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(DeployWatcher::candidate).sorted().toList();
    } catch (IOException e) {
      LOG.warn("deploy: cannot list {}: {}", folder, e.toString());
      return List.of();
    }
  }

  private static boolean candidate(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(file);
  }

  private static Stamp stamp(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attributes.size(), attributes.lastModifiedTime());
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return "DeployWatcher[" + Objects.toString(folder) + "]";
  }
}
