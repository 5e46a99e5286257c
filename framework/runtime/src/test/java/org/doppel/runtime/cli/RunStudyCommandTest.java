package org.doppel.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.study.ProbeDomain;
import org.doppel.runtime.study.StudyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code doppel run} prints and returns for a study: 0 done, 1 failed, 2 refused. */
class RunStudyCommandTest {

  private static final String SCENARIO = "name: probe-study\ndomain: probe\nprobe:\n"
      + "  cases: 2\n";

  @TempDir
  Path runs;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... sets) {
    StudyRun study = new StudyRun(PluginLookup.of(List.of(new ProbeDomain())),
        new CsvTimeSeriesIngest(), () -> {
          throw new IllegalStateException("no forecasting in this test");
        }, null, Progress.off());
    return RunCommand.runStudy(study, ScenarioDocument.parse(SCENARIO, "probe.yaml")
        .overrides(List.of(sets)), new RunOptions(runs, true,
        LocalDateTime.parse("2026-12-04T12:00:00")), new PrintWriter(out),
        new PrintWriter(err));
  }

  @Test
  void aFinishedStudyExitsZeroAndPrintsItsFolder() {
    int code = run();

    assertEquals(0, code, err.toString());
    Path folder = runs.resolve("20261204-120000-probe-study");
    List<String> lines = out.toString().lines().toList();
    assertTrue(lines.get(0).startsWith("Study of probe finished in "), lines.get(0));
    assertTrue(lines.get(0).endsWith("6 metrics, 1 table, 3 charts in " + folder),
        lines.get(0));
    assertEquals("report:  " + folder.resolve("report.html"), lines.get(1));
    assertEquals("metrics: " + folder.resolve("metrics.json"), lines.get(2));
  }

  @Test
  void aScenarioTheStudyRefusesExitsTwoAndWritesNothing() throws IOException {
    int code = run("probe.cases=0");

    assertEquals(2, code);
    assertTrue(err.toString().startsWith("error: --set probe.cases=0: "), err.toString());
    assertTrue(err.toString().contains("probe.cases: must be in [1, 100], got 0"));
    try (var left = Files.list(runs)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aStudyThatBreaksWhileCheckingExitsOneWithoutAFolder() throws IOException {
    int code = run("probe.broken_check=true");

    assertEquals(1, code);
    List<String> lines = err.toString().lines().toList();
    assertEquals(1, lines.size(), err.toString());
    assertTrue(lines.get(0).startsWith("error: the study failed: the study of domain 'probe'"
        + " failed while checking the scenario: NullPointerException"), lines.get(0));
    try (var left = Files.list(runs)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void aFailingStudyExitsOneAndNamesItsFailedFolder() {
    int code = run("probe.fail_after=true");

    assertEquals(1, code);
    assertEquals(List.of("error: the study failed: the plant diverged on purpose in case 1",
        "what it reported is kept in " + runs.resolve("20261204-120000-probe-study.failed")),
        err.toString().lines().toList());
    assertEquals("", out.toString());
  }
}
