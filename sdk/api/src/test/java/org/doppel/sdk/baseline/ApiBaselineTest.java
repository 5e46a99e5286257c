package org.doppel.sdk.baseline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.osgi.Jar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compatibility gate: the SDK as built (the bnd-processed class folder, whose manifest
 * exports {@code org.doppel.sdk.*} at their {@code @Version}s) against the release
 * descriptor {@code baseline/doppel-sdk.json}. A change that breaks an exported package
 * without the version bump it needs fails the build, naming the package, the versions and
 * the changes.
 *
 * <p>At a release, record the new descriptor from the released build:
 * {@code mvn -B -o -q -pl sdk/api verify -Dtest=ApiBaselineTest
 * -Ddoppel.sdk.baseline.record=target/classes}.
 */
class ApiBaselineTest {

  static final Path DESCRIPTOR = Path.of("baseline", "doppel-sdk.json");

  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void everyExportedPackageIsVersionedForItsChangesSinceTheRelease() throws Exception {
    String record = System.getProperty("doppel.sdk.baseline.record");
    if (record != null) {
      recordDescriptor(Path.of(record));
    }
    assertTrue(Files.isRegularFile(CLASSES.resolve("META-INF/MANIFEST.MF")),
        "no bnd manifest in " + CLASSES.toAbsolutePath() + "; run the build to process-classes");

    try (Jar built = ApiBaseline.bundle(CLASSES)) {
      List<String> mismatches = ApiBaseline.mismatches(built, ApiBaseline.read(DESCRIPTOR));

      assertTrue(mismatches.isEmpty(), "the SDK breaks its release " + DESCRIPTOR + " without"
          + " the right version bump (set @Version in the package's package-info.java):\n  "
          + String.join("\n  ", mismatches));
    }
  }

  private static void recordDescriptor(Path classes) throws Exception {
    try (Jar release = ApiBaseline.bundle(classes)) {
      ApiBaseline.write(ApiBaseline.describe(release, classes.toString()), DESCRIPTOR);
    }
  }
}
