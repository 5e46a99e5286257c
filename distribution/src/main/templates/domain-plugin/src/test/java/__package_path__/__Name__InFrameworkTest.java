package __package__;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.doppel.sdk.testkit.FrameworkHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundle in the real framework (booted in this JVM by the SDK test kit's harness, with
 * the framework's bundles): it starts, its plugins are registered, and a quick run of its
 * default scenario completes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class __Name__InFrameworkTest {

  @TempDir
  static Path work;

  private FrameworkHarness framework;

  @BeforeAll
  void bootTheFrameworkWithThisBundle() throws Exception {
    framework = FrameworkHarness.bootFromClassPath(work);
    framework.install(FrameworkHarness.bundleOf(Path.of("target", "classes"), work));
  }

  @AfterAll
  void stop() {
    framework.close();
  }

  @Test
  void theDomainAndItsPlantAreRegistered() {
    assertEquals("domain", framework.awaitPlugin(__Name__Domain.ID).get("type"));
    assertEquals("dynamics", framework.awaitPlugin(__Name__Plant.ID).get("type"));
  }

  @Test
  void aQuickRunOfTheDefaultScenarioCompletes() throws Exception {
    framework.awaitPlugin(__Name__Domain.ID);

    FrameworkHarness.Result run = framework.execute("run", __Name__Domain.ID, "--quick",
        "--quiet", "--out", work.resolve("runs").toString());

    assertEquals(0, run.code(), run.err());
    Path folder;
    try (Stream<Path> runs = Files.list(work.resolve("runs"))) {
      List<Path> finished = runs.filter(p -> !p.getFileName().toString().startsWith("."))
          .toList();
      assertEquals(1, finished.size(), finished.toString());
      folder = finished.get(0);
    }
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    assertTrue(metrics.path("forecast").path("models").path("twin").path("mape").asDouble()
        > 0, metrics.path("forecast").toString());
    assertTrue(metrics.path("control").path("lqr").has("temp_dev_rms_k"),
        metrics.path("control").toString());
  }
}
