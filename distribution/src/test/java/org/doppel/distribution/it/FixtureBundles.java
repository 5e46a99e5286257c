package org.doppel.distribution.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Builds the bundle jars the integration tests deploy: the fixture classes (compiled with
 * the tests) with hand-written manifests, so each test can make a changed version, an
 * unresolvable bundle or a throwing activator without a build tool.
 */
final class FixtureBundles {

  static final String FIXTURE_PACKAGE = "org.doppel.distribution.it.fixture";

  private static final Path CLASSES = Path.of(System.getProperty("doppel.test.classes",
      "target/test-classes"));

  private final Map<String, String> headers = new LinkedHashMap<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();
  private final String[] classes;

  private FixtureBundles(String symbolicName, String version, String activator,
      String imports, String... classes) {
    headers.put("Manifest-Version", "1.0");
    headers.put("Bundle-ManifestVersion", "2");
    headers.put("Bundle-SymbolicName", symbolicName);
    headers.put("Bundle-Version", version);
    if (activator != null) {
      headers.put("Bundle-Activator", FIXTURE_PACKAGE + "." + activator);
    }
    if (imports != null) {
      headers.put("Import-Package", imports);
    }
    this.classes = classes;
  }

  /** A plugin bundle registering dynamics plugin {@code pluginId}. */
  static FixtureBundles plugin(String symbolicName, String version, String pluginId) {
    FixtureBundles bundle = new FixtureBundles(symbolicName, version, "FixtureActivator",
        "org.doppel.sdk;version=\"[0.1,1)\",org.doppel.sdk.dynamics;version=\"[0.1,1)\","
            + "org.osgi.framework", "FixtureActivator", "FixtureDynamics");
    bundle.headers.put("Fixture-Plugin-Id", pluginId);
    return bundle;
  }

  /** A bundle whose activator uses ND4J and registers a {@code DoubleSupplier}. */
  static FixtureBundles nd4j(String version) {
    return new FixtureBundles("org.doppel.it.nd4j", version, "Nd4jFixtureActivator",
        "org.nd4j.linalg.api.ndarray,org.nd4j.linalg.factory,org.osgi.framework",
        "Nd4jFixtureActivator");
  }

  /** A bundle with no classes and no activator that exports one (empty) package. */
  static FixtureBundles exporter(String symbolicName, String exportClause) {
    FixtureBundles bundle = new FixtureBundles(symbolicName, "1.0.0", null, null);
    bundle.headers.put("Export-Package", exportClause);
    return bundle;
  }

  /** A domain bundle whose study reports into the run folder (id {@code fixture-study}). */
  static FixtureBundles study() {
    FixtureBundles bundle = new FixtureBundles("org.doppel.it.study", "1.0.0",
        "FixtureStudyActivator", "org.doppel.sdk;version=\"[0.1,1)\","
            + "org.doppel.sdk.domain;version=\"[0.2,1)\","
            + "org.doppel.sdk.study;version=\"[0.1,1)\","
            + "org.doppel.sdk.forecast;version=\"[0.1,1)\",org.osgi.framework",
        "FixtureStudyActivator", "FixtureStudyDomain");
    bundle.resources.put("fixture-study.yaml", ("name: fixture-study\n"
        + "domain: fixture-study\nseed: 3\nprobe:\n  cases: 2\n")
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return bundle;
  }

  /** A bundle whose activator throws. */
  static FixtureBundles throwing(String symbolicName) {
    return new FixtureBundles(symbolicName, "1.0.0", "ThrowingActivator",
        "org.osgi.framework", "ThrowingActivator");
  }

  /** This bundle with one more import, which nothing provides. */
  FixtureBundles importing(String clause) {
    headers.merge("Import-Package", clause, (old, extra) -> old + "," + extra);
    return this;
  }

  /** This bundle padded with an incompressible resource, to make a big jar. */
  FixtureBundles padded(int bytes) {
    byte[] padding = new byte[bytes];
    new Random(42).nextBytes(padding);
    resources.put("padding.bin", padding);
    return this;
  }

  /** The jar's bytes. */
  byte[] bytes() throws IOException {
    Path temp = Files.createTempFile("fixture", ".jar");
    try {
      write(temp);
      return Files.readAllBytes(temp);
    } finally {
      Files.delete(temp);
    }
  }

  /** Writes the jar. */
  Path write(Path jar) throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    headers.forEach((name, value) -> main.put(new Attributes.Name(name), value));
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (String simpleName : classes) {
        for (Path classFile : classFiles(simpleName)) {
          String entry = FIXTURE_PACKAGE.replace('.', '/') + "/" + classFile.getFileName();
          out.putNextEntry(new JarEntry(entry));
          out.write(Files.readAllBytes(classFile));
          out.closeEntry();
        }
      }
      for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
        out.putNextEntry(stored(resource.getKey(), resource.getValue()));
        out.write(resource.getValue());
        out.closeEntry();
      }
    }
    return jar;
  }

  private static JarEntry stored(String name, byte[] content) {
    JarEntry entry = new JarEntry(name);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setMethod(JarEntry.STORED);
    entry.setSize(content.length);
    entry.setCrc(crc.getValue());
    return entry;
  }

  /** The class file and its nested and synthetic (lambda-holder) classes. */
  private static Path[] classFiles(String simpleName) throws IOException {
    Path folder = CLASSES.resolve(FIXTURE_PACKAGE.replace('.', '/'));
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> {
        String name = f.getFileName().toString();
        return name.equals(simpleName + ".class") || name.startsWith(simpleName + "$");
      }).toArray(Path[]::new);
    }
  }
}
