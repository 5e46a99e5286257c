package org.doppel.distribution.it;

import static org.doppel.distribution.it.TestHost.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/doppel} as a user runs it, in its own JVM: clean JSON on standard output, two
 * commands at once with separate framework caches, and a clean stop on SIGTERM.
 */
class LauncherProcessIT {

  private static final Path DOPPEL = TestHost.DIST.resolve("bin/doppel").toAbsolutePath();

  @TempDir
  Path temp;

  @Test
  void twoCommandsAtOnceEachPrintCleanJsonAndLeaveNoCache() throws Exception {
    Process first = doppel("first", "plugins", "--json");
    Process second = doppel("second", "plugins", "--json");

    for (String name : List.of("first", "second")) {
      Process process = name.equals("first") ? first : second;
      assertTrue(process.waitFor(5, TimeUnit.MINUTES), name + " finished");
      assertEquals(0, process.exitValue(), () -> name + " stderr: " + read(name + ".err"));
      JsonNode plugins = new ObjectMapper().readTree(read(name + ".out"));
      assertTrue(plugins.isArray() && plugins.findValuesAsText("id").contains("smart-grid"),
          () -> name + " printed: " + read(name + ".out"));
    }
    assertEquals(List.of(), frameworkCaches(), "cache folders left behind");
  }

  @Test
  void sigtermStopsTheFrameworkCleanly() throws Exception {
    Process process = doppel("start", "start", "--no-shell");
    await("the framework running", () -> read("start.out").contains("Doppel is running"));
    assertEquals(1, frameworkCaches().size(), "one cache folder while running");

    // Process.destroy() sends SIGTERM on Linux, as `kill` does.
    process.destroy();

    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "stopped");
    assertEquals(143, process.exitValue(), () -> "stderr: " + read("start.err"));
    assertTrue(read("start.out").contains("stopping"), () -> read("start.out"));
    assertTrue(read("start.err").contains("stopping the framework"), () -> read("start.err"));
    assertEquals(List.of(), frameworkCaches(), "cache folder deleted");
  }

  private Process doppel(String name, String... arguments) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(Stream.concat(
        Stream.of("bash", DOPPEL.toString()), Stream.of(arguments)).toList())
        .directory(temp.toFile())
        .redirectOutput(temp.resolve(name + ".out").toFile())
        .redirectError(temp.resolve(name + ".err").toFile());
    builder.environment().put("JAVA_OPTS", "-Djava.io.tmpdir=" + temp);
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    return builder.start();
  }

  private List<Path> frameworkCaches() throws IOException {
    try (Stream<Path> files = Files.list(temp)) {
      return files.filter(f -> f.getFileName().toString().startsWith("doppel-felix-"))
          .toList();
    }
  }

  private String read(String file) {
    try {
      return Files.readString(temp.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
