package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.doppel.domains.smartgrid.SmartGridDomain;
import org.doppel.domains.smartgrid.TwoAreaLoadFrequencyControl;
import org.doppel.plugins.compression.Int8Quantization;
import org.doppel.plugins.compression.MagnitudePruning;
import org.doppel.plugins.compression.StructuredPruning;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.PidController;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.model.SurrogateModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole smart-grid twin, quick settings, outside OSGi: the real domain, data, surrogate,
 * attention variant, compression strategy and controllers, resolved through a fixed lookup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwinRunTest {

  private static final LocalDateTime START = LocalDateTime.parse("2026-12-04T12:00:00");

  @TempDir
  static Path runs;

  private final SmartGridDomain domain = new SmartGridDomain();
  private TwinRun.Outcome outcome;
  private JsonNode metrics;

  private static final class BrokenStrategy implements CompressionStrategy {
    @Override
    public String id() {
      return "broken";
    }

    @Override
    public String description() {
      return "fails on purpose";
    }

    @Override
    public CompressionOutcome compress(SurrogateModel model, Parameters parameters,
        CompressionContext context) {
      throw new PluginException("cannot compress this model: on purpose");
    }
  }

  /** Designs fine, then fails in the closed loop: a failure after the model is trained. */
  private static final class FailingLawController implements Controller {
    @Override
    public String id() {
      return "failing-law";
    }

    @Override
    public String description() {
      return "a law that fails on purpose";
    }

    @Override
    public ControlLaw design(ControlProblem problem, Parameters parameters) {
      return (step, state, forecast) -> {
        throw new IllegalStateException("the law fails on purpose at step " + step);
      };
    }
  }

  private TwinRun twinRun() {
    List<Plugin> plugins = new ArrayList<>(List.of(domain, new TwoAreaLoadFrequencyControl(),
        new LqrController(), new PidController(), new MagnitudePruning(),
        new StructuredPruning(), new Int8Quantization(), new BrokenStrategy(),
        new FailingLawController()));
    plugins.addAll(TestVariants.all());
    return new TwinRun(PluginLookup.of(plugins), new CsvTimeSeriesIngest(),
        ComputeAccess.direct(), null, Progress.off());
  }

  private ScenarioDocument scenario(String... sets) {
    return ScenarioDocument.load(domain.defaultScenario(), "smart-grid default scenario")
        .overrides(List.of(sets));
  }

  @BeforeAll
  void runTheQuickTwinOnce() throws IOException {
    outcome = twinRun().run(scenario("compression=[prune-magnitude{sparsity: 0.5}, broken]"),
        new RunOptions(runs, true, START));
    metrics = new ObjectMapper().readTree(outcome.folder().resolve("metrics.json").toFile());
  }

  @Test
  void aFinishedRunLeavesEveryOutputInItsFolder() {
    Path folder = outcome.folder();
    assertEquals(runs.resolve("20261204-120000-smart-grid-day-ahead"), folder);
    for (String file : List.of("report.html", "metrics.json", "forecasts.csv",
        "scenario.yaml")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file);
    }
    assertTrue(Files.isDirectory(folder.resolve("model")));
    assertTrue(Files.isDirectory(folder.resolve("models")));
  }

  @Test
  void theTwinBeatsPersistenceOnTheDefaultSplit() {
    JsonNode models = metrics.path("forecast").path("models");
    double twin = models.path("twin").path("mape").asDouble();
    assertTrue(twin > 0 && twin < models.path("persistence").path("mape").asDouble(),
        models.toString());
    for (String name : List.of("persistence", "seasonal_naive_day", "seasonal_naive_week")) {
      assertTrue(models.path(name).path("rmse").asDouble() > 0, name);
    }
  }

  @Test
  void theReportShowsEverySection() throws IOException {
    String html = Files.readString(outcome.folder().resolve("report.html"));
    for (String heading : List.of("Forecast against what happened", "Training",
        "What the attention looked at", "Compression", "Decision twin")) {
      assertTrue(html.contains(heading), heading);
    }
    assertTrue(html.split("data:image/png;base64,").length > 8, "charts are embedded");
  }

  @Test
  void compressionIsMeasuredAndAFailingStrategyIsReportedWithoutLosingTheModel() {
    JsonNode compression = metrics.path("compression");
    assertEquals(3, compression.size(), compression.toString());
    assertEquals("none", compression.get(0).path("strategy").asText());
    JsonNode pruned = compression.get(1);
    assertEquals("prune-magnitude", pruned.path("strategy").asText());
    assertTrue(pruned.path("nonzero_params").asLong()
        <= 0.55 * pruned.path("parameters").asLong(), pruned.toString());
    assertTrue(pruned.path("bytes").asLong() > 0 && pruned.path("latency_ms").asDouble() > 0);
    assertTrue(compression.get(2).path("error").asText().contains("compression/broken"));
    assertEquals(List.of("compression/broken: cannot compress this model: on purpose"),
        outcome.failures());
  }

  @Test
  void theLqrHoldsFrequencyBetterThanTheIntegralBaseline() {
    JsonNode control = metrics.path("control");
    double lqr = control.path("lqr").path("freq_dev_rms_hz").asDouble();
    double baseline = control.path("pid").path("freq_dev_rms_hz").asDouble();
    assertTrue(lqr > 0 && lqr < baseline, control.toString());
  }

  @Test
  void anUnknownAttentionIdFailsBeforeAnyFolderIsWrittenAndListsTheInstalledIds()
      throws IOException {
    Path elsewhere = runs.resolve("unknown");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("attention=dot-prodcut"), new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("unknown attention plugin 'dot-prodcut'"),
        error.getMessage());
    assertTrue(error.getMessage().contains("multi-head"), error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void anInvalidAttentionParameterIsALocatedErrorBeforeAnyFolderIsWritten() {
    Path elsewhere = runs.resolve("attention-parameter");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("attention.k=8"), new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("attention") && error.getMessage().contains("[k]"),
        error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void aSplitThatLeavesTooLittleTrainingIsRefusedBeforeAnyFolderIsWritten() {
    Path elsewhere = runs.resolve("split");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("split.test_points=4000"), new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("split.test_points"), error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void anInvalidCompressionParameterIsALocatedErrorBeforeAnyTraining() {
    Path elsewhere = runs.resolve("compression-parameter");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("compression=[prune-magnitude{sparsity: 1.5}]"),
        new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("compression[0]")
        && error.getMessage().contains("sparsity"), error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void pruningHeadsOfAVariantWithoutHeadsIsALocatedErrorBeforeAnyTraining() {
    Path elsewhere = runs.resolve("compression-architecture");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("attention=dot-product",
            "compression=[prune-structured{sparsity: 0.5}]"),
        new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("compression[0]")
        && error.getMessage().contains("nothing it can remove"), error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void aStepAfterInt8IsALocatedErrorBeforeAnyTraining() {
    Path elsewhere = runs.resolve("compression-order");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("compression=[quantize-int8, prune-magnitude{sparsity: 0.5}]"),
        new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("compression[0]")
        && error.getMessage().contains("quantize-int8 must be the last step")
        && error.getMessage().contains("put 'prune-magnitude' before it"), error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void anInvalidControllerParameterIsALocatedErrorBeforeAnyTraining() {
    Path elsewhere = runs.resolve("controller-parameter");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("control.controller=lqr{no_such_key: 1}"),
        new RunOptions(elsewhere, true, START)));

    assertTrue(error.getMessage().contains("no_such_key"), error.getMessage());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void aNegativePidGainIsRefusedAtItsSetArgumentBeforeAnyTraining() {
    Path elsewhere = runs.resolve("pid-gain");

    ScenarioException error = assertThrows(ScenarioException.class, () -> twinRun().run(
        scenario("control.controller=pid{kp: -1, ti: 0.1}"),
        new RunOptions(elsewhere, true, START)));

    assertEquals("--set control.controller=pid{kp: -1, ti: 0.1}",
        error.location().toString());
    assertEquals("control.controller.kp", error.path());
    assertTrue(error.reason().startsWith("controller/pid: parameter 'kp' (proportional gain)"
        + " must be a positive number, got -1.0"), error.reason());
    assertFalse(Files.exists(elsewhere));
  }

  @Test
  void aRunThatFailsKeepsWhatItWroteWithTheError() throws IOException {
    Path elsewhere = runs.resolve("failing");

    TwinRun.RunFailedException error = assertThrows(TwinRun.RunFailedException.class,
        () -> twinRun().run(scenario("control.controller=failing-law", "compression=[]"),
            new RunOptions(elsewhere, true, START)));

    assertTrue(error.folder().getFileName().toString().endsWith(".failed"));
    assertTrue(Files.isRegularFile(error.folder().resolve("model/surrogate.json")),
        "the trained model is kept");
    assertTrue(Files.readString(error.folder().resolve("error.txt"))
        .contains("on purpose"));
    try (Stream<Path> left = Files.list(elsewhere)) {
      assertEquals(List.of(error.folder()), left.toList());
    }
  }
}
