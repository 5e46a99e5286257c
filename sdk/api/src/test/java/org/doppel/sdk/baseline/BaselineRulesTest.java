package org.doppel.sdk.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.EmbeddedResource;
import aQute.bnd.osgi.Jar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline rules the gate applies, shown on a one-interface package compiled in the
 * test: a release at 1.0.0 with {@code void run()}, and newer builds that change it.
 */
class BaselineRulesTest {

  private static final String RELEASE = "public interface Task { void run(); }";

  @TempDir
  Path folder;

  @Test
  void aRemovedMethodWithoutAMajorBumpFailsNamingPackageVersionsAndMethod() throws Exception {
    List<String> problems = compare("public interface Task { }", "1.1.0");

    assertEquals(1, problems.size(), problems.toString());
    String problem = problems.get(0);
    assertTrue(problem.startsWith("package org.example.api is 1.1.0 (was 1.0.0) but its"
        + " changes need at least 2.0.0: "), problem);
    assertTrue(problem.contains("REMOVED method run()"), problem);
  }

  @Test
  void aRemovedMethodWithAMajorBumpPasses() throws Exception {
    assertEquals(List.of(), compare("public interface Task { }", "2.0.0"));
  }

  @Test
  void anAddedDefaultMethodWithAMinorBumpPasses() throws Exception {
    assertEquals(List.of(), compare("public interface Task { void run();"
        + " default int priority() { return 0; } }", "1.1.0"));
  }

  @Test
  void anAddedDefaultMethodWithoutABumpFails() throws Exception {
    List<String> problems = compare("public interface Task { void run();"
        + " default int priority() { return 0; } }", "1.0.0");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("need at least 1.1.0"), problems.get(0));
  }

  @Test
  void anAddedAbstractMethodInAnInterfacePluginsImplementNeedsAMajorBump() throws Exception {
    List<String> problems = compare("public interface Task { void run(); int priority(); }",
        "1.1.0");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("need at least 2.0.0"), problems.get(0));
  }

  @Test
  void anAbstractMethodAddedAfterADefaultMethodStillNeedsAMajorBump() throws Exception {
    List<String> problems = compare("public interface Task { void run();"
        + " default int priority() { return 0; } String name(); }", "1.1.0");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("need at least 2.0.0"), problems.get(0));
  }

  @Test
  void anAddedMethodInAProviderTypeNeedsOnlyAMinorBump() throws Exception {
    String provider = "@org.osgi.annotation.versioning.ProviderType public interface Task {";

    assertEquals(List.of(), compare(provider + " void run(); }", "1.0.0",
        provider + " void run(); int size(); }", "1.1.0"));
  }

  @Test
  void belowOneABreakingChangeStillNeedsTheNextMajorVersion() throws Exception {
    List<String> problems = compare(RELEASE, "0.1.0", "public interface Task { }", "0.2.0");

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("package org.example.api is 0.2.0 (was 0.1.0) but"
        + " its changes need at least 1.0.0: REMOVED method run()"), problems.get(0));
  }

  @Test
  void theDescriptorRoundTripKeepsTheVerdict() throws Exception {
    ApiBaseline.Descriptor release = ApiBaseline.describe(bundle(RELEASE, "1.0.0"), "test");
    Path file = folder.resolve("release.json");

    ApiBaseline.write(release, file);

    assertEquals(List.of(), ApiBaseline.mismatches(bundle(RELEASE, "1.0.0"),
        ApiBaseline.read(file)));
    assertEquals(1, ApiBaseline.mismatches(bundle("public interface Task { }", "1.0.0"),
        ApiBaseline.read(file)).size());
  }

  private List<String> compare(String newerSource, String newerVersion) throws Exception {
    return compare(RELEASE, "1.0.0", newerSource, newerVersion);
  }

  private List<String> compare(String releaseSource, String releaseVersion,
      String newerSource, String newerVersion) throws Exception {
    ApiBaseline.Descriptor release = ApiBaseline.describe(bundle(releaseSource,
        releaseVersion), "test");
    Path file = folder.resolve("release.json");
    ApiBaseline.write(release, file);
    return ApiBaseline.mismatches(bundle(newerSource, newerVersion), ApiBaseline.read(file));
  }

  /** A bundle exporting {@code org.example.api} at {@code version} with one source file. */
  private static Jar bundle(String source, String version) throws IOException {
    Jar jar = new Jar("org.example.api");
    for (Map.Entry<String, byte[]> type : compile("package org.example.api; " + source)
        .entrySet()) {
      jar.putResource(type.getKey().replace('.', '/') + ".class",
          new EmbeddedResource(type.getValue(), 0L));
    }
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Bundle-ManifestVersion", "2");
    main.putValue("Bundle-SymbolicName", "org.example.api");
    main.putValue("Bundle-Version", version);
    main.putValue("Export-Package", "org.example.api;version=\"" + version + "\"");
    jar.setManifest(manifest);
    return jar;
  }

  /** Class files by binary name, compiled in memory. */
  private static Map<String, byte[]> compile(String source) {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    Map<String, ByteArrayOutputStream> classes = new HashMap<>();
    StandardJavaFileManager standard = compiler.getStandardFileManager(null, null, null);
    JavaFileManager manager = new ForwardingJavaFileManager<>(standard) {
      @Override
      public JavaFileObject getJavaFileForOutput(Location location, String className,
          JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
          @Override
          public OutputStream openOutputStream() {
            return classes.computeIfAbsent(className, name -> new ByteArrayOutputStream());
          }
        };
      }
    };
    JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Task.java"),
        JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return source;
      }
    };
    String annotations;
    try {
      annotations = Path.of(org.osgi.annotation.versioning.ProviderType.class
          .getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    boolean compiled = compiler.getTask(null, manager, null, List.of("--release", "17",
        "-classpath", annotations), null, List.of(file)).call();
    assertTrue(compiled, "the test source does not compile: " + source);
    Map<String, byte[]> bytes = new HashMap<>();
    classes.forEach((name, out) -> bytes.put(name, out.toByteArray()));
    return bytes;
  }
}
