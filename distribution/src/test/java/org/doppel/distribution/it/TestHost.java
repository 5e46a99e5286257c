package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import org.doppel.launcher.HostSettings;
import org.doppel.launcher.Nd4jBootstrap;
import org.doppel.launcher.SystemPackages;
import org.osgi.framework.Bundle;

/**
 * The real Felix of the built distribution ({@code target/doppel}: its {@code lib/} exported
 * from the system bundle, its {@code bundle/} started) booted in the test JVM, with a
 * fresh {@code deploy/} folder watched every 100 ms.
 */
final class TestHost implements AutoCloseable {

  static final Path DIST = Path.of(System.getProperty("doppel.dist", "target/doppel"));

  static final Duration POLL = Duration.ofMillis(100);

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  final Path work;
  final Path deploy;
  final FrameworkHost host;

  private TestHost(Path work, Path deploy, FrameworkHost host) {
    this.work = work;
    this.deploy = deploy;
    this.host = host;
  }

  static TestHost boot(String name) throws IOException {
    return boot(name, DIST.resolve("bundle"));
  }

  /** A host that starts the bundles in {@code bundles} instead of the distribution's. */
  static TestHost boot(String name, Path bundles) throws IOException {
    Path work = Files.createTempDirectory(Files.createDirectories(
        Path.of("target", "it-work")), name + "-");
    Path deploy = Files.createDirectories(work.resolve("deploy"));
    Nd4jBootstrap.initialise();
    HostSettings settings = new HostSettings(SystemPackages.jarsIn(DIST.resolve("lib")),
        bundles, deploy, POLL, work.resolve("cache"), TIMEOUT);
    return new TestHost(work, deploy, FrameworkHost.boot(settings));
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
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = host.execute(List.of(args), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Runs a command through the runtime's command service; fails unless it exits 0. */
  String command(String... args) {
    Result result = execute(args);
    assertEquals(0, result.code(), () -> String.join(" ", args) + " failed: "
        + result.err());
    return result.out();
  }

  /** The registry's plugins, as {@code plugins --json} prints them. */
  List<Map<String, Object>> plugins() {
    try {
      return JSON.readValue(command("plugins", "--json"), new TypeReference<>() { });
    } catch (IOException e) {
      throw new AssertionError("plugins --json printed no JSON", e);
    }
  }

  Optional<Map<String, Object>> plugin(String id) {
    return plugins().stream().filter(p -> id.equals(p.get("id"))).findFirst();
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
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("timed out after " + TIMEOUT.toSeconds() + " s waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted waiting for " + what);
      }
    }
  }

  @Override
  public void close() {
    host.stop();
  }
}
