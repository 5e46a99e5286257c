package org.doppel.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packages the system bundle exports on top of the JDK's: every package of the shared
 * libraries on the launcher's class path, so bundles import ND4J, SLF4J, Jackson ... from
 * the one application class loader instead of embedding copies.
 *
 * <p>A library that carries OSGi metadata keeps the versions its {@code Export-Package}
 * header declares (bnd writes version ranges into the importers for those); every other
 * folder holding classes is exported without a version. The OSGi framework jar is left
 * out (the framework exports its own API), and of the launcher only
 * {@code org.doppel.launcher.api} is exported.
 *
 * <p>{@code javax.annotation}, {@code javax.annotation.concurrent} and
 * {@code javax.annotation.meta} come from both {@code jsr305} and ND4J's shaded Guava; they
 * are exported once, at jsr305's version. A plugin that ships its own copy of them should
 * also import them so the framework can substitute one for the other.
 */
public final class SystemPackages {

  private static final Logger LOG = LoggerFactory.getLogger(SystemPackages.class);

  private static final String FRAMEWORK_CLASS = "org/apache/felix/framework/Felix.class";

  private static final String LAUNCHER_PACKAGE = "org.doppel.launcher";

  private static final String LAUNCHER_API = "org.doppel.launcher.api";

  private SystemPackages() {
  }

  /** The value for {@code org.osgi.framework.system.packages.extra}. */
  public static String exportHeader(List<Path> classPath) {
    long start = System.nanoTime();
    Map<String, Set<String>> versions = scan(classPath);
    StringBuilder header = new StringBuilder();
    versions.forEach((name, packageVersions) -> {
      for (String version : packageVersions) {
        if (header.length() > 0) {
          header.append(',');
        }
        header.append(name);
        if (!version.isEmpty()) {
          header.append(";version=\"").append(version).append('"');
        }
      }
    });
    LOG.debug("system bundle exports {} library packages from {} class path entries "
        + "(scanned in {} ms)", versions.size(), classPath.size(),
        (System.nanoTime() - start) / 1_000_000);
    return header.toString();
  }

  /**
   * Package name to its versions, sorted by name. A package that no jar exports with a
   * version has the one version {@code ""}; a jar may export a package at several versions
   * (slf4j-api 2 also exports {@code org.slf4j} as 1.7.36).
   */
  static Map<String, Set<String>> scan(List<Path> classPath) {
    Map<String, Set<String>> versions = new TreeMap<>();
    for (Path entry : classPath) {
      if (Files.isDirectory(entry)) {
        classFolders(entry).forEach(name -> addVersion(versions, name, ""));
      } else if (entry.getFileName().toString().endsWith(".jar") && Files.isRegularFile(entry)) {
        scanJar(entry, versions);
      }
    }
    versions.keySet().removeIf(name -> name.startsWith("java.")
        || (name.startsWith(LAUNCHER_PACKAGE) && !name.equals(LAUNCHER_API)));
    return versions;
  }

  /** The jars of a folder such as {@code lib/}, sorted by name. */
  public static List<Path> jarsIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new LauncherException("cannot list the library folder " + folder + ": " + e, e);
    }
  }

  /** The entries of {@code java.class.path}. */
  public static List<Path> launcherClassPath() {
    List<Path> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path", "").split(
        java.io.File.pathSeparator)) {
      if (!entry.isBlank()) {
        entries.add(Path.of(entry));
      }
    }
    return entries;
  }

  private static void addVersion(Map<String, Set<String>> versions, String name,
      String version) {
    Set<String> known = versions.computeIfAbsent(name, n -> new TreeSet<>());
    if (!version.isEmpty()) {
      known.remove("");
      known.add(version);
    } else if (known.isEmpty()) {
      known.add("");
    }
  }

  private static void scanJar(Path jar, Map<String, Set<String>> versions) {
    try (JarFile file = new JarFile(jar.toFile(), false)) {
      if (file.getEntry(FRAMEWORK_CLASS) != null) {
        return;
      }
      Manifest manifest = file.getManifest();
      String exports = manifest == null ? null
          : manifest.getMainAttributes().getValue("Export-Package");
      if (exports != null) {
        for (String[] export : ExportHeader.parse(exports)) {
          addVersion(versions, export[0], export[1]);
        }
      }
      for (String name : classFolders(file)) {
        addVersion(versions, name, "");
      }
    } catch (IOException e) {
      throw new LauncherException("cannot read library jar " + jar + ": " + e, e);
    }
  }

  private static Set<String> classFolders(JarFile file) {
    Set<String> names = new TreeSet<>();
    Enumeration<JarEntry> entries = file.entries();
    while (entries.hasMoreElements()) {
      String name = entries.nextElement().getName();
      int slash = name.lastIndexOf('/');
      if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
        names.add(name.substring(0, slash).replace('/', '.'));
      }
    }
    return names;
  }

  private static Set<String> classFolders(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> names = new TreeSet<>();
      files.filter(f -> f.getFileName().toString().endsWith(".class")).forEach(f -> {
        Path folder = root.relativize(f).getParent();
        if (folder != null && !folder.startsWith("META-INF")) {
          names.add(folder.toString().replace(java.io.File.separatorChar, '.'));
        }
      });
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot scan class folder " + root, e);
    }
  }
}
