package org.doppel.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemPackagesTest {

  @TempDir
  Path folder;

  @Test
  void declaredVersionsWinAndOtherClassFoldersAreUnversioned() throws IOException {
    Path osgi = jar("osgi.jar", "com.example.api;version=\"1.2.0\"",
        "com/example/api/Api.class", "com/example/internal/Impl.class");
    Path plain = jar("plain.jar", null, "com/example/api/Copy.class",
        "org/plain/Thing.class", "META-INF/versions/11/org/plain/Thing.class",
        "java/lang/Fake.class");

    Map<String, Set<String>> packages = SystemPackages.scan(List.of(osgi, plain));

    assertEquals(Set.of("1.2.0"), packages.get("com.example.api"));
    assertEquals(Set.of(""), packages.get("com.example.internal"));
    assertEquals(Set.of(""), packages.get("org.plain"));
    assertFalse(packages.containsKey("java.lang"), "java.* is the JVM's");
    assertFalse(packages.keySet().stream().anyMatch(p -> p.startsWith("META-INF")));
  }

  @Test
  void launcherExportsOnlyItsApiAndTheFrameworkJarIsSkipped() throws IOException {
    Path launcher = jar("launcher.jar", null, "org/doppel/launcher/Main.class",
        "org/doppel/launcher/api/CommandService.class");
    Path felix = jar("felix.jar", "org.osgi.framework;version=\"1.10\"",
        "org/apache/felix/framework/Felix.class", "org/osgi/framework/Bundle.class");

    String header = SystemPackages.exportHeader(List.of(launcher, felix));

    assertEquals("org.doppel.launcher.api", header);
  }

  private Path jar(String name, String exports, String... entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (exports != null) {
      manifest.getMainAttributes().putValue("Export-Package", exports);
    }
    Path jar = folder.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      for (String entry : entries) {
        out.putNextEntry(new JarEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }
}
