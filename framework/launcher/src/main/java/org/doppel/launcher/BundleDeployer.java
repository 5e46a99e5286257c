package org.doppel.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, starts, updates and uninstalls bundle jars in the running framework, and says
 * in one ERROR line per failure what went wrong: an unreadable jar, a jar that is no
 * bundle, the packages a bundle imports that nothing provides, or the exception of an
 * activator. A failure never stops the framework or another bundle. Thread-safe.
 */
public final class BundleDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(BundleDeployer.class);

  private static final long REFRESH_TIMEOUT_SECONDS = 60;

  private static final Pattern PACKAGE = Pattern.compile("\\(osgi\\.wiring\\.package=([^)]+)\\)");

  private static final Pattern LOWER = Pattern.compile("\\(version>=([^)]+)\\)");

  private static final Pattern UPPER = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");

  private final Bundle systemBundle;

  /** A deployer on the framework (the system bundle), which need not be started yet. */
  public BundleDeployer(Bundle systemBundle) {
    this.systemBundle = systemBundle;
  }

  private BundleContext systemContext() {
    return systemBundle.getBundleContext();
  }

  /** Installs a jar (not started); empty, with the reason logged, if it cannot be. */
  public synchronized Optional<Bundle> install(Path jar) {
    if (!readableBundle(jar)) {
      return Optional.empty();
    }
    try (InputStream in = Files.newInputStream(jar)) {
      Bundle bundle = systemContext().installBundle(location(jar), in);
      LOG.debug("installed {} from {}", describe(bundle), jar);
      return Optional.of(bundle);
    } catch (BundleException | IOException | RuntimeException e) {
      LOG.error("{}: cannot install the bundle: {}", jar, e.getMessage());
      return Optional.empty();
    }
  }

  /** Starts an installed bundle; false, with the reason logged, if it does not start. */
  public synchronized boolean start(Bundle bundle, Path jar) {
    if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
      return true;
    }
    try {
      bundle.start();
      LOG.info("started {} from {}", describe(bundle), jar.getFileName());
      return true;
    } catch (BundleException e) {
      reportStartFailure(bundle, jar, e);
      return false;
    } catch (RuntimeException e) {
      LOG.error("{}: bundle {} does not start: {}", jar, describe(bundle), e.toString(), e);
      return false;
    }
  }

  /**
   * Replaces a bundle's content with the jar, refreshes the bundles wired to its old
   * revision, and starts it. A jar that cannot be read leaves the old revision running.
   *
   * <p>The bundle is stopped first, so the new revision starts once, after the refresh,
   * rather than being started by the update and then stopped and started again by it.
   */
  public synchronized boolean update(Bundle bundle, Path jar) {
    if (!readableBundle(jar)) {
      return false;
    }
    try {
      bundle.stop(Bundle.STOP_TRANSIENT);
    } catch (BundleException | IllegalStateException e) {
      LOG.warn("{}: bundle {} did not stop cleanly before its update: {}", jar,
          describe(bundle), e.getMessage());
    }
    try (InputStream in = Files.newInputStream(jar)) {
      bundle.update(in);
    } catch (BundleException | IOException | RuntimeException e) {
      LOG.error("{}: cannot update bundle {}: {}; the previous version keeps running", jar,
          describe(bundle), e.getMessage());
      start(bundle, jar);
      return false;
    }
    refresh(List.of(bundle));
    return start(bundle, jar);
  }

  /** Uninstalls a bundle and refreshes the bundles that were wired to it. */
  public synchronized void uninstall(Bundle bundle, Path jar) {
    String name = describe(bundle);
    try {
      bundle.uninstall();
      LOG.info("uninstalled {} ({} was removed)", name, jar.getFileName());
    } catch (BundleException | IllegalStateException e) {
      LOG.error("{}: cannot uninstall bundle {}: {}", jar, name, e.getMessage());
      return;
    }
    refresh(List.of(bundle));
  }

  /**
   * Refreshes the bundles and everything that depends on them, and waits until the
   * framework has done so, so a later step sees the new wiring.
   */
  public void refresh(Collection<Bundle> bundles) {
    FrameworkWiring wiring = systemBundle.adapt(FrameworkWiring.class);
    CountDownLatch done = new CountDownLatch(1);
    FrameworkListener listener = event -> {
      if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED
          || event.getType() == FrameworkEvent.ERROR) {
        done.countDown();
      }
    };
    wiring.refreshBundles(bundles, listener);
    try {
      if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn("refreshing {} did not finish within {} s", bundles, REFRESH_TIMEOUT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The location a jar is installed under: its file URI. */
  public static String location(Path jar) {
    return jar.toAbsolutePath().normalize().toUri().toString();
  }

  /** {@code org.doppel.plugins.msd 0.1.0 [12]}. */
  static String describe(Bundle bundle) {
    return bundle.getSymbolicName() + " " + bundle.getVersion() + " [" + bundle.getBundleId()
        + "]";
  }

  /**
   * The requirements of a bundle that nothing in the framework provides, e.g.
   * {@code package com.example.missing [1.0.0,2.0.0)}.
   */
  public List<String> unsatisfiedRequirements(Bundle bundle) {
    BundleRevision revision = bundle.adapt(BundleRevision.class);
    FrameworkWiring wiring = systemBundle.adapt(FrameworkWiring.class);
    List<String> missing = new ArrayList<>();
    if (revision == null) {
      return missing;
    }
    for (BundleRequirement requirement : revision.getDeclaredRequirements(null)) {
      boolean optional = Constants.RESOLUTION_OPTIONAL.equals(
          requirement.getDirectives().get(Constants.RESOLUTION_DIRECTIVE));
      if (!optional && wiring.findProviders(requirement).isEmpty()) {
        missing.add(describe(requirement));
      }
    }
    return missing;
  }

  private void reportStartFailure(Bundle bundle, Path jar, BundleException e) {
    if (e.getType() == BundleException.RESOLVE_ERROR) {
      List<String> missing = unsatisfiedRequirements(bundle);
      LOG.error("{}: bundle {} cannot be resolved; missing: {}", jar, describe(bundle),
          missing.isEmpty() ? e.getMessage() : String.join(", ", missing));
    } else if (e.getType() == BundleException.ACTIVATOR_ERROR) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      LOG.error("{}: the activator of bundle {} failed: {}", jar, describe(bundle),
          cause.toString(), cause);
    } else {
      LOG.error("{}: bundle {} does not start: {}", jar, describe(bundle), e.getMessage(), e);
    }
  }

  private static String describe(BundleRequirement requirement) {
    String filter = requirement.getDirectives().getOrDefault(Constants.FILTER_DIRECTIVE, "");
    Matcher name = PACKAGE.matcher(filter);
    if (!name.find()) {
      return requirement.getNamespace() + " " + filter;
    }
    Matcher lower = LOWER.matcher(filter);
    Matcher upper = UPPER.matcher(filter);
    String low = lower.find() ? lower.group(1) : null;
    String high = upper.find() ? upper.group(1) : null;
    String range = low == null ? "" : high == null ? " " + low + " or later"
        : " [" + low + "," + high + ")";
    return "package " + name.group(1) + range;
  }

  private static boolean readableBundle(Path jar) {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      if (manifest == null
          || manifest.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME) == null) {
        LOG.error("{}: not an OSGi bundle (the manifest has no Bundle-SymbolicName)", jar);
        return false;
      }
      return true;
    } catch (IOException e) {
      LOG.error("{}: not a readable jar ({}); it is tried again when the file changes", jar,
          e.getMessage());
      return false;
    }
  }
}
