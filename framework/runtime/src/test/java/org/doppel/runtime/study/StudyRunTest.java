package org.doppel.runtime.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A study run end to end with the probe domain: what lands in the folder, and when not. */
class StudyRunTest {

  private static final LocalDateTime START = LocalDateTime.parse("2026-12-04T12:00:00");
  private static final String SCENARIO = """
      name: probe-study
      domain: probe
      seed: 7
      probe:
        cases: 3
      attention: top-k
      """;

  @TempDir
  Path runs;

  private static final class NullController implements Controller {
    @Override
    public String id() {
      return "zero";
    }

    @Override
    public String description() {
      return "holds every input at zero";
    }

    @Override
    public ControlLaw design(ControlProblem problem, Parameters parameters) {
      return (step, state, forecast) -> new double[problem.inputWeight().length];
    }
  }

  private final SequenceForecasting forecasting = (windows, settings, listener) -> {
    throw new UnsupportedOperationException("the probe trains nothing");
  };

  private StudyRun studyRun() {
    return new StudyRun(PluginLookup.of(List.of(new ProbeDomain(), new NullController())),
        new CsvTimeSeriesIngest(), () -> forecasting, null, Progress.off());
  }

  private StudyRun.Outcome run(boolean quick, String yaml, String... sets) throws IOException {
    ScenarioDocument scenario = ScenarioDocument.parse(yaml, "probe.yaml")
        .overrides(List.of(sets));
    return studyRun().run(scenario, new RunOptions(runs, quick, START));
  }

  private JsonNode json(Path file) throws IOException {
    return new ObjectMapper().readTree(file.toFile());
  }

  @Test
  void aFinishedStudyLeavesEveryOutputInItsFolder() throws IOException {
    StudyRun.Outcome outcome = run(false, SCENARIO);

    Path folder = outcome.folder();
    assertEquals(runs.resolve("20261204-120000-probe-study"), folder);
    for (String file : List.of("scenario.yaml", "metrics.json", "report.html",
        "tables/cases.csv", "charts/motorway/queue.png", "charts/tts.png",
        "charts/attention/weights.png", "forecasts.csv", "notes/model.json")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file);
    }
    byte[] png = Files.readAllBytes(folder.resolve("charts/tts.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
        java.util.Arrays.copyOf(png, 4));
    try (Stream<Path> left = Files.list(runs)) {
      assertEquals(List.of(folder), left.toList(), "no working or failed folder is left");
    }
    assertEquals(6, outcome.metrics());
    assertEquals(1, outcome.tables());
    assertEquals(3, outcome.charts());
    assertTrue(outcome.summary().contains("6 metrics, 1 table, 3 charts in " + folder),
        outcome.summary());
  }

  @Test
  void metricsNestBySlashAndANonFiniteValueIsNull() throws IOException {
    JsonNode metrics = json(run(false, SCENARIO).folder().resolve("metrics.json"));

    assertEquals(12.5, metrics.at("/metrics/motorway/alinea/total_time_spent_veh_h")
        .asDouble());
    assertEquals(15.25, metrics.at("/metrics/motorway/no_control/total_time_spent_veh_h")
        .asDouble());
    assertTrue(metrics.at("/metrics/settings/not_finite").isNull());
    assertEquals(7, metrics.at("/metrics/seed").asInt());
    assertEquals("finished", metrics.at("/run/status").asText());
    assertEquals("probe", metrics.at("/run/domain").asText());
    assertEquals("probe-study", metrics.at("/run/scenario").asText());
    assertEquals("unknown", metrics.at("/environment/backend").asText());
  }

  @Test
  void theQuickFlagAndSetOverridesReachTheStudy() throws IOException {
    StudyRun.Outcome outcome = run(true, SCENARIO, "probe.cases=5", "seed=11");

    JsonNode metrics = json(outcome.folder().resolve("metrics.json"));
    assertEquals(1, metrics.at("/metrics/quick").asInt());
    assertEquals(5, metrics.at("/metrics/settings/cases").asInt());
    assertEquals(11, metrics.at("/metrics/seed").asInt());
    assertTrue(metrics.at("/run/quick").asBoolean());
    assertTrue(metrics.at("/run/source").asText().contains("--set probe.cases=5"));
    String scenario = Files.readString(outcome.folder().resolve("scenario.yaml"));
    assertTrue(scenario.contains("cases: 5"), scenario);
    assertTrue(scenario.contains("--quick"), scenario);
  }

  @Test
  void aTableIsWrittenAsCsvWithEveryRow() throws IOException {
    Path table = run(false, SCENARIO, "probe.cases=4").folder().resolve("tables/cases.csv");

    List<CSVRecord> records;
    try (Reader in = Files.newBufferedReader(table)) {
      records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
          .parse(in).getRecords();
    }
    assertEquals(4, records.size());
    assertEquals("case 3", records.get(3).get("case"));
    assertEquals(4.5, Double.parseDouble(records.get(3).get("delay_min")));
    assertEquals("", records.get(0).get("note"));
    assertEquals("odd", records.get(1).get("note"));
  }

  @Test
  void theReportShowsTheHeaderThenTheStudysContentInOrderEscaped() throws IOException {
    String html = Files.readString(run(false, SCENARIO).folder().resolve("report.html"));

    assertTrue(html.contains("<h1>Doppel: probe-study</h1>"), html);
    assertTrue(html.contains(ProbeDomain.ATTRIBUTION));
    assertTrue(html.contains("seed 7"));
    assertTrue(html.contains("backend unknown"));
    int heading = html.indexOf("<h2>Queues &lt;on the motorway&gt;</h2>");
    int paragraph = html.indexOf("<p>Simulated data &amp; &lt;b&gt;not&lt;/b&gt; measured.</p>");
    int table = html.indexOf("<h3>Every case</h3>");
    int chart = html.indexOf("<img alt=\"Queue length\" src=\"data:image/png;base64,");
    int end = html.indexOf("<p>The end.</p>");
    int metrics = html.indexOf("<h2>Metrics</h2>");
    assertTrue(0 < heading && heading < paragraph && paragraph < table && table < chart
        && chart < end && end < metrics, "order of " + List.of(heading, paragraph, table,
        chart, end, metrics));
    assertTrue(html.contains("<td>case 1</td><td>1.5</td><td>odd</td>"), html);
    assertTrue(html.contains("<td>motorway/alinea/total_time_spent_veh_h</td><td>12.5</td>"));
    assertFalse(html.contains("<b>not</b>"));
    assertFalse(html.contains("The study failed"));
  }

  @Test
  void anUnknownSectionIsAScenarioErrorNamingItTheKnownOnesAndTheFile() throws IOException {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> run(false, SCENARIO + "surrogat:\n  epochs: 3\n"));

    assertTrue(error.getMessage().startsWith("probe.yaml:7:1: surrogat: unknown section"),
        error.getMessage());
    assertTrue(error.getMessage().contains("known sections: attention, description, domain,"
        + " name, probe, seed"), error.getMessage());
    assertNoFolder();
  }

  @Test
  void aScenarioTheStudyRefusesIsAScenarioErrorAtTheSetArgumentBeforeAnyFolder()
      throws IOException {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> run(false, SCENARIO, "probe.cases=500"));

    assertTrue(error.getMessage().startsWith("--set probe.cases=500: "), error.getMessage());
    assertTrue(error.getMessage().contains("probe.cases: must be in [1, 100], got 500"),
        error.getMessage());
    assertNoFolder();
  }

  @Test
  void aValueTheStudyRefusesIsLocatedAtItsLineInTheFile() throws IOException {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> run(false, SCENARIO.replace("cases: 3", "cases: 500")));

    assertTrue(error.getMessage().startsWith("probe.yaml:5:"), error.getMessage());
    assertNoFolder();
  }

  @Test
  void faultyDataFoundWhileValidatingIsAScenarioErrorNamingTheDataFile() throws IOException {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> run(false, SCENARIO, "probe.data=flows.csv"));

    assertTrue(error.getMessage().startsWith("probe.yaml"), error.getMessage());
    assertTrue(error.getMessage().contains("flows.csv"), error.getMessage());
    assertTrue(error.getMessage().contains("not a number: 'n/a'"), error.getMessage());
    assertNoFolder();
  }

  @Test
  void aThrowingStudyLeavesAFailedFolderWithWhatItReportedAndTheError() throws IOException {
    StudyRun.StudyFailedException error = assertThrows(StudyRun.StudyFailedException.class,
        () -> run(false, SCENARIO, "probe.fail_after=true"));

    Path failed = runs.resolve("20261204-120000-probe-study.failed");
    assertEquals(failed, error.folder());
    assertEquals("the plant diverged on purpose in case 1", error.getMessage());
    assertTrue(Files.readString(failed.resolve("error.txt"))
        .contains("IllegalStateException: the plant diverged on purpose"));
    assertTrue(Files.isRegularFile(failed.resolve("tables/cases.csv")));
    assertFalse(Files.exists(failed.resolve("charts")), "nothing after the failure");
    String html = Files.readString(failed.resolve("report.html"));
    assertTrue(html.contains("The study failed"));
    assertTrue(html.contains("<h2>Queues &lt;on the motorway&gt;</h2>"));
    assertTrue(html.contains("the plant diverged on purpose in case 1"));
    JsonNode metrics = json(failed.resolve("metrics.json"));
    assertEquals("failed", metrics.at("/run/status").asText());
    assertEquals(12.5, metrics.at("/metrics/motorway/alinea/total_time_spent_veh_h")
        .asDouble());
    try (Stream<Path> left = Files.list(runs)) {
      assertEquals(List.of(failed), left.toList());
    }
  }

  /** Keeps the shutdown hook instead of registering it, so a test can "press Ctrl-C". */
  private static final class CapturedHooks implements StudyRun.ShutdownHooks {
    Thread added;
    Thread removed;

    @Override
    public void add(Thread hook) {
      added = hook;
    }

    @Override
    public void remove(Thread hook) {
      removed = hook;
    }
  }

  @Test
  void anInterruptedStudyKeepsWhatItReportedInAFailedFolderWithAPage() throws IOException {
    CapturedHooks hooks = new CapturedHooks();
    DomainStudy study = new DomainStudy() {
      @Override
      public Set<String> sections() {
        return Set.of();
      }

      @Override
      public void run(StudyContext context) {
        context.report().heading("Before Ctrl-C");
        context.report().metric("cases_done", 3);
        hooks.added.run();
        context.report().paragraph("after Ctrl-C");
      }
    };
    StudyRun run = new StudyRun(PluginLookup.of(List.of(new ProbeDomain(study))),
        new CsvTimeSeriesIngest(), () -> forecasting, null, Progress.off(), hooks);

    StudyRun.StudyFailedException error = assertThrows(StudyRun.StudyFailedException.class,
        () -> run.run(ScenarioDocument.parse("name: cut\ndomain: probe\n", "cut.yaml"),
            new RunOptions(runs, false, START)));

    Path failed = runs.resolve("20261204-120000-cut.failed");
    assertEquals(failed, error.folder());
    assertSame(hooks.added, hooks.removed);
    assertTrue(Files.readString(failed.resolve("error.txt")).contains("interrupted (Ctrl-C"));
    String html = Files.readString(failed.resolve("report.html"));
    assertTrue(html.contains("<h2>Before Ctrl-C</h2>"));
    assertTrue(html.contains("the run was interrupted (Ctrl-C or SIGTERM)"));
    assertFalse(html.contains("after Ctrl-C"));
    JsonNode metrics = json(failed.resolve("metrics.json"));
    assertEquals("failed", metrics.at("/run/status").asText());
    assertEquals(3, metrics.at("/metrics/cases_done").asInt());
    try (Stream<Path> left = Files.list(runs)) {
      assertEquals(List.of(failed), left.toList());
    }
  }

  @Test
  void aFileNameThatWouldLeaveTheRunFolderFailsTheRunAndWritesNothingOutside()
      throws IOException {
    StudyRun.StudyFailedException error = assertThrows(StudyRun.StudyFailedException.class,
        () -> run(false, SCENARIO, "probe.escape=../escaped.txt"));

    assertTrue(error.getMessage().contains("file name '../escaped.txt' is not allowed"),
        error.getMessage());
    assertFalse(Files.exists(runs.resolve("escaped.txt")));
    assertFalse(Files.exists(runs.resolve("20261204-120000-probe-study.failed/../escaped.txt")));
  }

  @Test
  void aBareIdSectionReadsAsIdAndPluginsAreFoundByTypeAndId() {
    ScenarioDocument scenario = ScenarioDocument.parse(SCENARIO, "probe.yaml");
    RunStudyContext context = new RunStudyContext("", 7, true, scenario,
        new ProbeDomain.ProbeStudy().sections(),
        PluginLookup.of(List.of(new ProbeDomain(), new NullController())),
        new CsvTimeSeriesIngest(), () -> forecasting, Progress.off());

    assertEquals("top-k", context.section("attention").getString("id", null));
    assertEquals(3, context.section("probe").getInt("cases", 0));
    assertEquals("zero", context.plugin(Controller.class, "zero").id());
    assertEquals(List.of("zero"), context.installed(Controller.class));
    assertSame(forecasting, context.forecasting());
    PluginException unknown = assertThrows(PluginException.class,
        () -> context.plugin(Controller.class, "mpc"));
    assertTrue(unknown.getMessage().contains("'mpc'") && unknown.getMessage()
        .contains("installed controller plugins: zero"), unknown.getMessage());
    IllegalArgumentException undeclared = assertThrows(IllegalArgumentException.class,
        () -> context.section("control"));
    assertTrue(undeclared.getMessage().contains("'control'"), undeclared.getMessage());
    assertThrows(IllegalStateException.class, context::report);
  }

  @Test
  void aDomainWithoutAStudyIsLeftToTheDayAheadPipeline() {
    PluginLookup plugins = PluginLookup.of(List.of(new ProbeDomain(),
        new org.doppel.domains.smartgrid.SmartGridDomain()));

    assertTrue(StudyRun.studyOf(ScenarioDocument.parse(SCENARIO, "p.yaml"), plugins)
        .isPresent());
    assertTrue(StudyRun.studyOf(ScenarioDocument.parse("domain: smart-grid\n", "p.yaml"),
        plugins).isEmpty());
    assertTrue(StudyRun.studyOf(ScenarioDocument.parse("domain: traffic\n", "p.yaml"),
        plugins).isEmpty());
    assertTrue(StudyRun.studyOf(ScenarioDocument.parse("name: x\n", "p.yaml"), plugins)
        .isEmpty());
  }

  private void assertNoFolder() throws IOException {
    try (Stream<Path> left = Files.list(runs)) {
      assertEquals(List.of(), left.toList());
    }
  }
}
