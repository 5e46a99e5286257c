package org.doppel.distribution.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.doppel.launcher.BundleDeployer;
import org.doppel.launcher.DeployWatcher;
import org.doppel.launcher.FrameworkHost;
import org.doppel.launcher.SystemPackages;
import org.doppel.sdk.testkit.FrameworkHarness;
import org.osgi.framework.Bundle;

/**
 * The real Felix of the built distribution ({@code target/doppel}: its {@code lib/} exported
 * from the system bundle, its {@code bundle/} started) booted in the test JVM, with a
 * fresh {@code deploy/} folder watched every 100 ms: the SDK test kit's
 * {@link FrameworkHarness} on the distribution's folders.
 */
final class TestHost implements AutoCloseable {

  static final Path DIST = Path.of(System.getProperty("doppel.dist", "target/doppel"));

  static final Duration POLL = Duration.ofMillis(100);

  static final Duration TIMEOUT = FrameworkHarness.TIMEOUT;

  final Path work;
  final Path deploy;
  final FrameworkHost host;
  final FrameworkHarness harness;

  private TestHost(FrameworkHarness harness) {
    this.harness = harness;
    this.work = harness.work();
    this.deploy = harness.deployFolder();
    this.host = harness.host();
  }

  static TestHost boot(String name) throws IOException {
    return boot(name, DIST.resolve("bundle"));
  }

  /** A host that starts the bundles in {@code bundles} instead of the distribution's. */
  static TestHost boot(String name, Path bundles) throws IOException {
    Path work = Files.createTempDirectory(Files.createDirectories(
        Path.of("target", "it-work")), name + "-");
    return new TestHost(FrameworkHarness.boot(work, SystemPackages.jarsIn(DIST.resolve("lib")),
        bundles, POLL));
  }

  BundleDeployer deployer() {
    return host.deployer();
  }

  DeployWatcher watcher() {
    return host.watcher().orElseThrow();
  }

  /** What a command printed and returned. */
  record Result(int code, String out, String err) {
  }

  /** Runs a command through the runtime's command service. */
  Result execute(String... args) {
    FrameworkHarness.Result result = harness.execute(args);
    return new Result(result.code(), result.out(), result.err());
  }

  /** Runs a command through the runtime's command service; fails unless it exits 0. */
  String command(String... args) {
    return harness.command(args);
  }

  /** The registry's plugins, as {@code plugins --json} prints them. */
  List<Map<String, Object>> plugins() {
    return harness.plugins();
  }

  Optional<Map<String, Object>> plugin(String id) {
    return harness.plugin(id);
  }

  boolean hasPlugin(String id, String version) {
    return plugin(id).map(p -> version.equals(p.get("version"))).orElse(false);
  }

  Optional<Bundle> bundleAt(Path jar) {
    String location = BundleDeployer.location(jar);
    return Stream.of(host.context().getBundles())
        .filter(b -> b.getLocation().equals(location)).findFirst();
  }

  /** Waits for {@code polls} more completed polls of the watcher. */
  void awaitPolls(int polls) {
    long target = watcher().polls() + polls;
    await(polls + " deploy polls", () -> watcher().polls() >= target);
  }

  /** Writes a jar the way a careful producer does: a {@code .tmp} file, then a rename. */
  static Path deployAtomically(FixtureBundles bundle, Path jar) throws IOException {
    Path temp = jar.resolveSibling(jar.getFileName() + ".tmp");
    bundle.write(temp);
    return Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE,
        StandardCopyOption.REPLACE_EXISTING);
  }

  /** Polls {@code condition} every 20 ms until it holds; fails after {@link #TIMEOUT}. */
  static void await(String what, BooleanSupplier condition) {
    FrameworkHarness.await(what, condition);
  }

  @Override
  public void close() {
    harness.close();
  }
}
