package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product's main job as a user runs it: {@code bin/doppel run smart-grid --quick} on the
 * built distribution, in its own JVM, with the real Felix, bundles and shipped data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmartGridRunIT {

  private static final Path DISTRIBUTION = Path.of("target", "doppel").toAbsolutePath();

  @TempDir
  static Path work;

  private QuickRun quickRun;

  /** What a finished {@code doppel} process left. */
  record Result(int exitCode, String out, String err) {
  }

  static Result doppel(Path workingDirectory, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash",
        DISTRIBUTION.resolve("bin/doppel").toString()));
    command.addAll(List.of(arguments));
    Path out = Files.createTempFile(workingDirectory, "out", ".txt");
    Path err = Files.createTempFile(workingDirectory, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.environment().put("OMP_WAIT_POLICY", "PASSIVE");
    Process process = builder.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("doppel " + String.join(" ", arguments) + " did not finish in "
          + "15 minutes; stderr:\n" + Files.readString(err));
    }
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @BeforeAll
  void runTheQuickTwin() throws Exception {
    quickRun = QuickRun.of(work, "smart-grid");
  }

  @Test
  void theQuickRunSucceedsAndPrintsItsSummary() {
    assertEquals(0, quickRun.exitCode(), quickRun.err());
    assertTrue(quickRun.out().contains("twin (multi-head)"), quickRun.out());
    assertTrue(quickRun.out().contains("report:"), quickRun.out());
    assertTrue(quickRun.out().lines().noneMatch(line -> line.startsWith("Added ")),
        "library prints stay out of the command's output");
  }

  @Test
  void theRunFolderHoldsTheReportMetricsForecastsScenarioAndModel() throws IOException {
    Path folder = quickRun.folder();
    for (String file : List.of("report.html", "metrics.json", "forecasts.csv",
        "scenario.yaml", "model/surrogate.json")) {
      assertTrue(Files.size(folder.resolve(file)) > 0, file);
    }
    String html = Files.readString(folder.resolve("report.html"));
    assertTrue(html.contains("<img") && html.contains("data:image/png;base64,"));
  }

  @Test
  void theTwinBeatsPersistenceAndTheMetricsNameEveryModelAndController()
      throws IOException {
    JsonNode metrics = new ObjectMapper().readTree(quickRun.folder().resolve("metrics.json")
        .toFile());
    JsonNode models = metrics.path("forecast").path("models");
    assertTrue(models.path("twin").path("mape").asDouble()
        < models.path("persistence").path("mape").asDouble(), models.toString());
    assertTrue(models.has("seasonal_naive_day") && models.has("seasonal_naive_week"));
    assertTrue(metrics.path("compression").size() >= 2);
    assertTrue(metrics.path("control").path("lqr").path("freq_dev_rms_hz").asDouble() > 0);
    assertTrue(metrics.path("control").path("pid").has("effort"));
    assertEquals("CPU", metrics.path("environment").path("backend").asText());
  }

  @Test
  void anUnknownAttentionIdIsALocatedErrorListingTheInstalledVariants() throws Exception {
    Result result = doppel(work, "run", "smart-grid", "--quick", "--set",
        "attention=no-such-variant", "--out", "bad-runs");

    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains("unknown attention plugin 'no-such-variant'"),
        result.err());
    assertTrue(result.err().contains("multi-head") && result.err().contains("top-k"),
        result.err());
    assertTrue(Files.notExists(work.resolve("bad-runs")), "no folder for a refused run");
  }
}
