package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.doppel.launcher.FrameworkHost;
import org.doppel.launcher.HostSettings;
import org.doppel.launcher.Nd4jBootstrap;
import org.doppel.launcher.SystemPackages;
import org.osgi.framework.Bundle;

/**
 * The real Doppel framework booted in the test JVM: an embedded Felix whose system bundle
 * exports the shared libraries of the class path (ND4J, Jackson, Guice ...), the
 * framework's bundles started, and a watched {@code deploy/} folder. A plugin's test
 * installs its bundle and runs commands as {@code doppel} would:
 *
 * <pre>{@code
 * try (FrameworkHarness framework = FrameworkHarness.bootFromClassPath(workFolder)) {
 *   framework.install(FrameworkHarness.bundleOf(Path.of("target/classes"), workFolder));
 *   framework.awaitPlugin("thermal-room");
 *   FrameworkHarness.Result run = framework.execute("run", "thermal-room", "--quick");
 * }
 * }</pre>
 *
 * <p>The framework's bundles come from {@code -Ddoppel.home} (a distribution's
 * {@code bundle/}) when it is set, otherwise from the class path: every jar whose
 * {@code Bundle-SymbolicName} starts with {@code org.doppel.} (add the framework's
 * artifacts as test dependencies, as the plugin template does). The shared libraries must
 * be on the class path either way; the test kit's dependencies bring them. Not
 * thread-safe; one harness per test class is the intended use (booting costs seconds).
 */
public final class FrameworkHarness implements AutoCloseable {

  /** How long {@link #await} waits, and how long a command may take to be served. */
  public static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static final String FRAMEWORK_PREFIX = "org.doppel.";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path work;
  private final Path deploy;
  private final FrameworkHost host;

  private FrameworkHarness(Path work, Path deploy, FrameworkHost host) {
    this.work = work;
    this.deploy = deploy;
    this.host = host;
  }

  /**
   * Boots the framework with {@code libraries} exported from the system bundle (they must
   * be on the JVM's class path), the bundles of {@code bundleFolder} started, and
   * {@code work/deploy} watched every {@code poll}.
   */
  public static FrameworkHarness boot(Path work, List<Path> libraries, Path bundleFolder,
      Duration poll) throws IOException {
    Path deploy = Files.createDirectories(work.resolve("deploy"));
    Nd4jBootstrap.initialise();
    HostSettings settings = new HostSettings(libraries, bundleFolder, deploy, poll,
        work.resolve("cache"), TIMEOUT);
    return new FrameworkHarness(work, deploy, FrameworkHost.boot(settings));
  }

  /**
   * Boots the framework from what the test JVM has: the bundles of {@code -Ddoppel.home}
   * or of the class path (copied to {@code work/bundle}), the other class path jars as
   * the shared libraries.
   */
  public static FrameworkHarness bootFromClassPath(Path work) throws IOException {
    List<Path> libraries = new ArrayList<>();
    List<Path> bundles = new ArrayList<>();
    for (Path entry : testClassPath()) {
      if (!Files.isRegularFile(entry) || !entry.toString().endsWith(".jar")) {
        continue;
      }
      if (symbolicName(entry).startsWith(FRAMEWORK_PREFIX)) {
        bundles.add(entry);
      } else {
        libraries.add(entry);
      }
    }
    String home = System.getProperty(HostSettings.HOME);
    Path bundleFolder = home != null ? Path.of(home, "bundle")
        : copyAll(bundles, Files.createDirectories(work.resolve("bundle")));
    if (home == null && bundles.isEmpty()) {
      fail("no framework bundle (Bundle-SymbolicName " + FRAMEWORK_PREFIX + "*) on the test"
          + " class path and no -D" + HostSettings.HOME + "; add doppel-sdk, doppel-compute,"
          + " doppel-runtime and the algorithm plugins as test dependencies");
    }
    return boot(work, libraries, bundleFolder, Duration.ofMillis(100));
  }

  /**
   * Packs a bundle's class folder (such as {@code target/classes}, where bnd wrote the
   * manifest) into {@code folder/NAME.jar}, so a test can install the plugin it builds
   * before Maven packages it.
   */
  public static Path bundleOf(Path classes, Path folder) throws IOException {
    Path manifestFile = classes.resolve(JarFile.MANIFEST_NAME);
    if (!Files.isRegularFile(manifestFile)) {
      fail("no bundle manifest " + manifestFile + "; is bnd-maven-plugin in the build?");
    }
    Manifest manifest;
    try (InputStream in = Files.newInputStream(manifestFile)) {
      manifest = new Manifest(in);
    }
    String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
    Path jar = Files.createDirectories(folder).resolve(name + ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
        String entry = classes.relativize(path).toString().replace('\\', '/');
        if (!entry.equals(JarFile.MANIFEST_NAME)) {
          out.putNextEntry(new ZipEntry(entry));
          Files.copy(path, out);
          out.closeEntry();
        }
      }
    }
    return jar;
  }

  /** The framework host (system bundle context, deployer, deploy watcher). */
  public FrameworkHost host() {
    return host;
  }

  /** This harness's working folder. */
  public Path work() {
    return work;
  }

  /** The watched {@code deploy/} folder: a jar written there is installed and started. */
  public Path deployFolder() {
    return deploy;
  }

  /**
   * Installs and starts a bundle directly (not through {@code deploy/}).
   *
   * @throws AssertionError naming the bundle's unsatisfied requirements when it does not
   *     start
   */
  public Bundle install(Path jar) {
    Bundle bundle = host.deployer().install(jar).orElseThrow(() -> new AssertionError(
        "the bundle " + jar + " could not be installed; see the log"));
    if (!host.deployer().start(bundle, jar) || bundle.getState() != Bundle.ACTIVE) {
      fail("the bundle " + bundle.getSymbolicName() + " did not start; unsatisfied: "
          + host.deployer().unsatisfiedRequirements(bundle));
    }
    return bundle;
  }

  /** What a command printed and returned. */
  public record Result(int code, String out, String err) {
  }

  /** Runs a command line through the runtime's command service, as {@code doppel} does. */
  public Result execute(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = host.execute(List.of(args), new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** Runs a command; fails with its error output unless it exits 0. */
  public String command(String... args) {
    Result result = execute(args);
    if (result.code() != 0) {
      fail(String.join(" ", args) + " exited " + result.code() + ": " + result.err());
    }
    return result.out();
  }

  /** The registry's plugins, as {@code doppel plugins --json} prints them. */
  public List<Map<String, Object>> plugins() {
    try {
      return JSON.readValue(command("plugins", "--json"), new TypeReference<>() { });
    } catch (IOException e) {
      throw new AssertionError("plugins --json printed no JSON", e);
    }
  }

  /** The plugin with {@code id}, if the registry lists it now. */
  public Optional<Map<String, Object>> plugin(String id) {
    return plugins().stream().filter(p -> id.equals(p.get("id"))).findFirst();
  }

  /** Waits until the registry lists a plugin with {@code id}. */
  public Map<String, Object> awaitPlugin(String id) {
    await("plugin '" + id + "' in the registry", () -> plugin(id).isPresent());
    return plugin(id).orElseThrow();
  }

  /** Polls {@code condition} every 20 ms until it holds; fails after {@link #TIMEOUT}. */
  public static void await(String what, BooleanSupplier condition) {
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

  /** Stops the framework and deletes its cache. */
  @Override
  public void close() {
    host.stop();
  }

  /**
   * The test JVM's class path: Surefire and Failsafe start tests from a manifest-only jar
   * and name the real entries in {@code surefire.test.class.path}.
   */
  private static List<Path> testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    if (surefire == null || surefire.isBlank()) {
      return SystemPackages.launcherClassPath();
    }
    List<Path> entries = new ArrayList<>();
    for (String entry : surefire.split(java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  private static String symbolicName(Path jar) {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      Manifest manifest = file.getManifest();
      String name = manifest == null ? null
          : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
      return name == null ? "" : name;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  private static Path copyAll(List<Path> jars, Path folder) throws IOException {
    for (Path jar : jars) {
      Files.copy(jar, folder.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
    return folder;
  }
}
