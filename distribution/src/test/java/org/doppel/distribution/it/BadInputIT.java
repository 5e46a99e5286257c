package org.doppel.distribution.it;

import static org.doppel.distribution.it.TestHost.await;
import static org.doppel.distribution.it.TestHost.deployAtomically;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.doppel.launcher.BundleDeployer;
import org.doppel.launcher.DeployWatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;

/**
 * Bad input in {@code deploy/}: one clear ERROR naming the file and the reason, the
 * runtime and other plugins keep running, and replacing the file recovers (case C05 for
 * jars still being written).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {

  private TestHost host;
  private LogCapture log;

  @BeforeAll
  void boot() throws IOException {
    host = TestHost.boot("bad-input");
    deployAtomically(FixtureBundles.plugin("org.doppel.it.bystander", "1.0.0",
        "it-bystander"), host.deploy.resolve("bystander.jar"));
    await("it-bystander deployed", () -> host.plugin("it-bystander").isPresent());
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @BeforeEach
  void captureLog() {
    log = new LogCapture("org.doppel.launcher");
  }

  @AfterEach
  void runtimeKeptRunning() {
    log.close();
    assertTrue(host.plugin("it-bystander").isPresent(), "the other plugin kept running");
    assertTrue(host.plugin("smart-grid").isPresent(), "the domain kept running");
  }

  @Test
  void corruptJarIsReportedOnceAndReplacingItRecovers() throws IOException {
    byte[] noise = new byte[4096];
    new Random(7).nextBytes(noise);
    Path jar = host.deploy.resolve("corrupt.jar");
    Files.write(jar, noise);

    await("an error naming corrupt.jar", () -> !log.errors("corrupt.jar").isEmpty());
    host.awaitPolls(3);
    assertEquals(1, log.errors("corrupt.jar").size(), () -> "logged once: " + log.errors());
    assertTrue(log.errors("corrupt.jar").get(0).contains("not a readable jar"));

    deployAtomically(FixtureBundles.plugin("org.doppel.it.repaired", "1.0.0", "it-repaired"),
        jar);
    await("it-repaired deployed over the corrupt jar",
        () -> host.plugin("it-repaired").isPresent());
  }

  @Test
  void jarWithoutBundleManifestIsReported() throws IOException {
    Path jar = host.deploy.resolve("plain.jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, new Manifest())) {
      out.putNextEntry(new java.util.jar.JarEntry("readme.txt"));
      out.write("not a bundle".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    await("an error naming plain.jar", () -> !log.errors("plain.jar").isEmpty());
    assertTrue(log.errors("plain.jar").get(0).contains("not an OSGi bundle"));
    assertTrue(host.bundleAt(jar).isEmpty());
  }

  @Test
  void unresolvableImportsAreNamedAndAFixedJarRecovers() throws IOException {
    Path jar = host.deploy.resolve("needs-missing.jar");
    deployAtomically(FixtureBundles.plugin("org.doppel.it.needy", "1.0.0", "it-needy")
        .importing("org.doppel.it.missing;version=\"[1.0,2)\""), jar);

    await("an error naming the missing package", () -> !log.errors("needs-missing.jar",
        "package org.doppel.it.missing [1.0.0,2.0.0)").isEmpty());
    assertEquals(Bundle.INSTALLED, host.bundleAt(jar).orElseThrow().getState());
    host.awaitPolls(3);
    assertEquals(1, log.errors("needs-missing.jar").size(), () -> "once: " + log.errors());

    deployAtomically(FixtureBundles.plugin("org.doppel.it.needy", "1.0.1", "it-needy"), jar);
    await("it-needy after the fix", () -> host.hasPlugin("it-needy", "1.0.1"));
  }

  @Test
  void bundleWaitingForAPackageStartsWhenItsProviderArrives() throws IOException {
    Path needy = host.deploy.resolve("needs-provider.jar");
    deployAtomically(FixtureBundles.plugin("org.doppel.it.waiting", "1.0.0", "it-waiting")
        .importing("org.doppel.it.provided;version=\"[1.0,2)\""), needy);
    await("an error naming the missing package", () -> !log.errors("needs-provider.jar",
        "package org.doppel.it.provided [1.0.0,2.0.0)").isEmpty());

    Path provider = host.deploy.resolve("provider.jar");
    deployAtomically(FixtureBundles.exporter("org.doppel.it.provider",
        "org.doppel.it.provided;version=\"1.0.0\""), provider);

    await("it-waiting started without touching its jar",
        () -> host.plugin("it-waiting").isPresent());
    assertEquals(1, log.errors("needs-provider.jar").size(), () -> "once: " + log.errors());

    Files.delete(provider);
    await("it-waiting gone with its provider", () -> host.plugin("it-waiting").isEmpty());
  }

  @Test
  void throwingActivatorIsReportedWithTheBundleName() throws IOException {
    Path jar = host.deploy.resolve("throws.jar");
    deployAtomically(FixtureBundles.throwing("org.doppel.it.throwing"), jar);

    await("an error naming the bundle", () -> !log.errors("throws.jar",
        "org.doppel.it.throwing", "fixture activator fails on purpose").isEmpty());
    assertEquals(Bundle.RESOLVED, host.bundleAt(jar).orElseThrow().getState());
  }

  /** C05: a 10 MB jar written in 1 MB chunks with pauses is installed once, when complete. */
  @Test
  void jarWrittenInChunksIsInstalledOnlyWhenComplete() throws Exception {
    Path folder = Files.createDirectories(host.work.resolve("slow-deploy"));
    Path jar = folder.resolve("big.jar");
    AtomicInteger installs = countInstalls(jar);
    byte[] content = FixtureBundles.plugin("org.doppel.it.big", "1.0.0", "it-big")
        .padded(10 << 20).bytes();

    try (DeployWatcher watcher = new DeployWatcher(folder, Duration.ofMillis(500),
        host.host.context(), host.deployer())) {
      watcher.start();
      try (OutputStream out = Files.newOutputStream(jar)) {
        for (int offset = 0; offset < content.length; offset += 1 << 20) {
          out.write(content, offset, Math.min(1 << 20, content.length - offset));
          out.flush();
          Thread.sleep(150);
        }
      }
      await("it-big deployed", () -> host.plugin("it-big").isPresent());
    }

    assertEquals(1, installs.get(), "installed once");
    assertEquals(List.of(), log.errors("big.jar"));
    Bundle big = host.bundleAt(jar).orElseThrow();
    host.deployer().uninstall(big, jar);
  }

  /** C05 variant: a copy cut off halfway fails once, and succeeds when finished later. */
  @Test
  void truncatedJarFailsOnceAndIsRetriedWhenFinished() throws Exception {
    Path jar = host.deploy.resolve("half.jar");
    byte[] content = FixtureBundles.plugin("org.doppel.it.half", "1.0.0", "it-half").bytes();
    Files.write(jar, Arrays.copyOf(content, content.length / 2));

    await("the truncated jar tried", () -> !log.errors("half.jar").isEmpty());
    host.awaitPolls(3);
    assertEquals(1, log.errors("half.jar").size(), () -> "once: " + log.errors());

    Files.write(jar, content);
    await("it-half deployed when complete", () -> host.plugin("it-half").isPresent());
  }

  private AtomicInteger countInstalls(Path jar) {
    String location = BundleDeployer.location(jar);
    AtomicInteger installs = new AtomicInteger();
    BundleListener listener = event -> {
      if (event.getType() == BundleEvent.INSTALLED
          && event.getBundle().getLocation().equals(location)) {
        installs.incrementAndGet();
      }
    };
    host.host.context().addBundleListener(listener);
    return installs;
  }
}
