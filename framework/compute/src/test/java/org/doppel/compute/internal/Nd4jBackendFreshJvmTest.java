package org.doppel.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Case C02 where it bites: ND4J records its class loader once per JVM, so the fault needs
 * a JVM in which nothing has touched ND4J yet, not the test JVM.
 */
class Nd4jBackendFreshJvmTest {

  @TempDir
  Path folder;

  @Test
  void aForeignLoaderRecordedByNd4jIsReplacedBeforeTheBackendStarts() throws Exception {
    Path log = folder.resolve("child.log");
    Process child = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        FirstTouchFromAForeignLoader.class.getName()))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    boolean finished = child.waitFor(120, TimeUnit.SECONDS);
    if (!finished) {
      child.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertTrue(finished, "the child JVM did not finish in 120 s: " + output);
    assertEquals(0, child.exitValue(), output);
    assertTrue(output.contains("backend=CPU sum=4.0"), output);
    assertTrue(output.contains("ND4J had recorded class loader [java.net.URLClassLoader"),
        output);
  }
}
