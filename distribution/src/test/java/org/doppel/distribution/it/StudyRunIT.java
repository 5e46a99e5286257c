package org.doppel.distribution.it;

import static org.doppel.distribution.it.TestHost.await;
import static org.doppel.distribution.it.TestHost.deployAtomically;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code doppel run} on a domain with its own study, inside the real framework: a fixture
 * domain bundle dropped into {@code deploy/}, its study run through the runtime's command
 * service, its report written by the runtime bundle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyRunIT {

  private TestHost host;
  private Path runs;

  @BeforeAll
  void bootWithTheStudyDomain() throws IOException {
    host = TestHost.boot("study");
    runs = host.work.resolve("runs");
    deployAtomically(FixtureBundles.study(), host.deploy.resolve("study.jar"));
    await("fixture-study in the registry", () -> host.plugin("fixture-study").isPresent());
  }

  @AfterAll
  void stop() {
    host.close();
  }

  private List<Path> folders(String suffix) throws IOException {
    try (Stream<Path> all = Files.list(runs)) {
      return all.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  @Test
  void theStudyRunsAndWritesItsReportMetricsTableAndChart() throws IOException {
    TestHost.Result result = host.execute("run", "fixture-study", "--quick", "--quiet",
        "--set", "probe.cases=3", "--out", runs.toString());

    assertEquals(0, result.code(), result.err());
    assertTrue(result.out().startsWith("Study of fixture-study finished in "), result.out());
    Path folder = Path.of(result.out().lines().filter(l -> l.startsWith("report:"))
        .findFirst().orElseThrow().substring("report:".length()).strip()).getParent();
    for (String file : List.of("report.html", "metrics.json", "scenario.yaml",
        "tables/cases.csv", "charts/squares.png")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file);
    }
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    assertEquals(4.0, metrics.at("/metrics/cases/case_2/square").asDouble());
    assertEquals(1, metrics.at("/metrics/run/quick").asInt());
    String html = Files.readString(folder.resolve("report.html"));
    assertTrue(html.contains("<h2>Fixture study</h2>"));
    assertTrue(html.contains("No data: numbers made up by the fixture"));
  }

  @Test
  void aStudyTrainsThroughTheFrameworksForecastingService() throws IOException {
    TestHost.Result result = host.execute("run", "fixture-study", "--quick", "--quiet",
        "--set", "probe.train=true", "--set", "attention=multi-head", "--out",
        runs.resolve("trained").toString());

    assertEquals(0, result.code(), result.err());
    Path folder;
    try (Stream<Path> all = Files.list(runs.resolve("trained"))) {
      folder = all.findFirst().orElseThrow();
    }
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    assertTrue(metrics.at("/metrics/train/parameters").asDouble() > 0, metrics.toString());
    assertTrue(Files.isRegularFile(folder.resolve("charts/attention.png")));
  }

  @Test
  void aFailingStudyExitsOneAndLeavesAFailedFolder() throws IOException {
    TestHost.Result result = host.execute("run", "fixture-study", "--quiet", "--set",
        "probe.fail=true", "--out", runs.toString());

    assertEquals(1, result.code(), result.out());
    assertTrue(result.err().contains("the fixture study fails on purpose"), result.err());
    List<Path> failed = folders(".failed");
    assertEquals(1, failed.size(), failed.toString());
    assertTrue(Files.isRegularFile(failed.get(0).resolve("tables/cases.csv")));
    assertTrue(Files.readString(failed.get(0).resolve("report.html"))
        .contains("the fixture study fails on purpose"));
    assertEquals("fixture-study", host.plugin("fixture-study").orElseThrow().get("id"),
        "the runtime and the domain outlive a failed study");
  }

  @Test
  void anUnknownSectionAndCompareAreUsageErrors() {
    TestHost.Result unknown = host.execute("run", "fixture-study", "--quiet", "--set",
        "surrogate.epochs=3", "--out", runs.toString());
    TestHost.Result compare = host.execute("compare", "fixture-study", "--quiet", "--out",
        runs.toString());

    assertEquals(2, unknown.code(), unknown.err());
    assertTrue(unknown.err().contains("unknown section 'surrogate'"), unknown.err());
    assertEquals(2, compare.code(), compare.err());
    assertTrue(compare.err().contains("compare applies to the day-ahead pipeline"),
        compare.err());
  }
}
