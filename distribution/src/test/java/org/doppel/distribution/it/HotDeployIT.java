package org.doppel.distribution.it;

import static org.doppel.distribution.it.TestHost.await;
import static org.doppel.distribution.it.TestHost.deployAtomically;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deploy end to end: jars copied into, replaced in and deleted from a watched
 * {@code deploy/}, observed through the runtime's plugin registry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotDeployIT {

  private static final Logger LOG = LoggerFactory.getLogger(HotDeployIT.class);

  private static final int CYCLES = 20;

  private TestHost host;

  @BeforeAll
  void boot() throws IOException {
    host = TestHost.boot("hot-deploy");
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void copiedJarIsInstalledReplacedJarUpdatedDeletedJarUninstalled() throws IOException {
    Path jar = host.deploy.resolve("lag.jar");

    long landed = System.nanoTime();
    deployAtomically(FixtureBundles.plugin("org.doppel.it.lag", "1.0.0", "it-lag"), jar);
    await("it-lag 1.0.0 in the registry", () -> host.hasPlugin("it-lag", "1.0.0"));
    LOG.info("hot deploy: jar landed to plugin listed in {} ms (poll every {} ms)",
        (System.nanoTime() - landed) / 1_000_000, TestHost.POLL.toMillis());

    deployAtomically(FixtureBundles.plugin("org.doppel.it.lag", "1.1.0", "it-lag"), jar);
    await("it-lag 1.1.0 in the registry", () -> host.hasPlugin("it-lag", "1.1.0"));
    assertEquals(1, host.plugins().stream().filter(p -> "it-lag".equals(p.get("id"))).count(),
        "the old version is gone, not shadowed");

    Files.delete(jar);
    await("it-lag gone from the registry", () -> host.plugin("it-lag").isEmpty());
    // the service goes when the bundle stops, a moment before the watcher uninstalls it
    await("the bundle uninstalled", () -> host.bundleAt(jar).isEmpty());
  }

  @Test
  void twentyCyclesLeaveNoRevisionsThreadsOrClassLoaders() throws IOException {
    Path jar = host.deploy.resolve("cycle.jar");
    cycle(jar, 0, new ArrayList<>());
    int bundles = host.host.context().getBundles().length;
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();

    List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
    for (int i = 1; i <= CYCLES; i++) {
      cycle(jar, i, loaders);
    }

    // A refresh runs on Felix's own thread (OSGi makes it asynchronous) and may still be
    // finishing the last uninstall: revisions must not pile up, so wait until none is left.
    FrameworkWiring wiring = host.host.context().getBundle(0).adapt(FrameworkWiring.class);
    await("no bundle revisions pending removal",
        () -> wiring.getRemovalPendingBundles().isEmpty());
    assertEquals(bundles, host.host.context().getBundles().length, "bundles installed");
    assertTrue(ManagementFactory.getThreadMXBean().getThreadCount() <= threads + 2,
        () -> "threads grew from " + threads + " to "
            + ManagementFactory.getThreadMXBean().getThreadCount());
    assertEquals(2 * CYCLES, loaders.size());
    await("every old revision's class loader collected", () -> {
      System.gc();
      return loaders.stream().allMatch(ref -> ref.get() == null);
    });
  }

  /** Every optional plugin in {@code extras/} deploys, lists its plugins and undeploys. */
  @Test
  void everyExtraDeploysListsItsPluginsAndUndeploys() throws IOException {
    for (Path extra : BundlesIT.jarsIn(TestHost.DIST.resolve("extras"))) {
      // A module whose sources are not merged yet builds a jar without classes.
      if (!BundlesIT.hasClasses(extra)) {
        continue;
      }
      Path jar = host.deploy.resolve(extra.getFileName());
      Files.copy(extra, jar);
      await(extra.getFileName() + " active", () -> host.bundleAt(jar)
          .filter(b -> b.getState() == Bundle.ACTIVE).isPresent());
      String name = host.bundleAt(jar).orElseThrow().getSymbolicName();
      await("plugins of " + name, () -> host.plugins().stream()
          .anyMatch(p -> name.equals(p.get("bundle"))));

      Files.delete(jar);
      await("plugins of " + name + " gone", () -> host.plugins().stream()
          .noneMatch(p -> name.equals(p.get("bundle"))));
    }
  }

  /** Install version i.0, update it to i.1, delete it; keep weak refs to both loaders. */
  private void cycle(Path jar, int i, List<WeakReference<ClassLoader>> loaders)
      throws IOException {
    String first = i + ".0.0";
    String second = i + ".1.0";
    deployAtomically(FixtureBundles.plugin("org.doppel.it.cycle", first, "it-cycle"), jar);
    await("it-cycle " + first, () -> host.hasPlugin("it-cycle", first));
    loaders.add(new WeakReference<>(loaderOf(jar)));

    deployAtomically(FixtureBundles.plugin("org.doppel.it.cycle", second, "it-cycle"), jar);
    await("it-cycle " + second, () -> host.hasPlugin("it-cycle", second));
    loaders.add(new WeakReference<>(loaderOf(jar)));

    Files.delete(jar);
    await("it-cycle gone", () -> host.plugin("it-cycle").isEmpty()
        && host.bundleAt(jar).isEmpty());
    assertFalse(host.plugin("it-cycle").isPresent());
  }

  private ClassLoader loaderOf(Path jar) {
    Bundle bundle = host.bundleAt(jar).orElseThrow();
    return bundle.adapt(BundleWiring.class).getClassLoader();
  }
}
