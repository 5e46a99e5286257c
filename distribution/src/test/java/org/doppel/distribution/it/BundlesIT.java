package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/** The built distribution's bundles in a real Felix: they resolve, start, export only the SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BundlesIT {

  private static final List<String> CORE = List.of("org.doppel.sdk", "org.doppel.runtime",
      "org.doppel.domains.smartgrid");

  private TestHost host;

  @BeforeAll
  void boot() throws IOException {
    host = TestHost.boot("bundles");
  }

  @AfterAll
  void stop() {
    host.close();
  }

  @Test
  void everyBuiltBundleResolvesAndIsActive() throws IOException {
    List<String> checked = new ArrayList<>();
    List<String> notActive = new ArrayList<>();
    for (Path jar : jarsIn(TestHost.DIST.resolve("bundle"))) {
      // A module whose sources are not merged yet builds a jar without classes; there is
      // nothing in it to resolve.
      if (!hasClasses(jar)) {
        continue;
      }
      Bundle bundle = host.bundleAt(jar).orElseThrow(() -> new AssertionError(
          jar + " was not installed"));
      checked.add(bundle.getSymbolicName());
      if (bundle.getState() != Bundle.ACTIVE) {
        notActive.add(bundle.getSymbolicName() + " " + host.deployer()
            .unsatisfiedRequirements(bundle));
      }
    }

    assertTrue(checked.containsAll(CORE), "core bundles missing from bundle/: " + checked);
    assertEquals(List.of(), notActive, "bundles not active");
  }

  @Test
  void bundlesExportOnlySdkPackages() {
    List<String> foreign = new ArrayList<>();
    for (Bundle bundle : host.host.context().getBundles()) {
      BundleWiring wiring = bundle.adapt(BundleWiring.class);
      if (bundle.getBundleId() == 0 || wiring == null) {
        continue;
      }
      for (BundleCapability export : wiring.getCapabilities(BundleRevision.PACKAGE_NAMESPACE)) {
        String name = (String) export.getAttributes().get(BundleRevision.PACKAGE_NAMESPACE);
        if (!name.startsWith("org.doppel.sdk")) {
          foreign.add(bundle.getSymbolicName() + " exports " + name);
        }
      }
    }

    assertEquals(List.of(), foreign);
  }

  @Test
  void launcherApiAndLibrariesComeFromTheSystemBundle() {
    Bundle runtime = bundle("org.doppel.runtime");
    Bundle sdk = bundle("org.doppel.sdk");

    assertEquals(0, providerOf(runtime, "org.doppel.launcher.api"));
    assertEquals(0, providerOf(runtime, "org.slf4j"));
    assertEquals(0, providerOf(sdk, "org.nd4j.linalg.api.ndarray"));
    assertEquals(sdk.getBundleId(), providerOf(runtime, "org.doppel.sdk"));
  }

  @Test
  void commandServiceListsTheDomainsPlugins() {
    assertTrue(host.plugin("smart-grid").isPresent(), () -> "plugins: " + host.plugins());
  }

  private Bundle bundle(String symbolicName) {
    return Stream.of(host.host.context().getBundles())
        .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
        .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
  }

  private static long providerOf(Bundle importer, String packageName) {
    for (BundleWire wire : importer.adapt(BundleWiring.class)
        .getRequiredWires(BundleRevision.PACKAGE_NAMESPACE)) {
      if (packageName.equals(wire.getCapability().getAttributes()
          .get(BundleRevision.PACKAGE_NAMESPACE))) {
        return wire.getProvider().getBundle().getBundleId();
      }
    }
    throw new AssertionError(importer.getSymbolicName() + " has no wire for " + packageName);
  }

  static List<Path> jarsIn(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".jar")).sorted().toList();
    }
  }

  static boolean hasClasses(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      return file.stream().anyMatch(e -> e.getName().endsWith(".class"));
    }
  }
}
