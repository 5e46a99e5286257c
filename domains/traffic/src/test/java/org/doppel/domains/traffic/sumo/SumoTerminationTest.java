package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A JVM running live SUMO and terminated (SIGTERM, as Ctrl-C or a service manager sends)
 * leaves neither SUMO's working folder nor SUMO behind. Skipped without SUMO.
 */
class SumoTerminationTest {

  /** The terminated JVM: starts SUMO, says where its folder is, then waits to be ended. */
  public static void main(String[] args) throws Exception {
    SumoProcess sumo = SumoProcess.start(List.of(), Duration.ofSeconds(30),
        Duration.ofSeconds(30));
    System.out.println("FOLDER " + sumo.folder());
    System.out.println("PID " + sumo.pid());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  @Test
  @Timeout(120)
  void sigtermDuringALiveRunRemovesTheWorkingFolderAndSumo() throws Exception {
    SumoSmokeTest.assumeSumo();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp",
        System.getProperty("java.class.path"), SumoTerminationTest.class.getName())
        .redirectErrorStream(true).start();
    Path folder = null;
    long pid = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(
        child.getInputStream(), StandardCharsets.UTF_8))) {
      // The child prints its folder, then its pid, and then nothing: stop reading at the pid.
      String line;
      while (pid < 0 && (line = out.readLine()) != null) {
        if (line.startsWith("FOLDER ")) {
          folder = Path.of(line.substring(7));
        } else if (line.startsWith("PID ")) {
          pid = Long.parseLong(line.substring(4));
        }
      }
      assertNotNull(folder, "the child never started SUMO");
      assertTrue(Files.isDirectory(folder));

      child.destroy();

      assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child JVM did not end");
    } finally {
      child.destroyForcibly();
    }
    assertEquals(143, child.exitValue(), "exit status after SIGTERM");
    assertFalse(Files.exists(folder), "SUMO's working folder " + folder + " is left behind");
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
        "sumo " + pid + " still runs");
  }
}
