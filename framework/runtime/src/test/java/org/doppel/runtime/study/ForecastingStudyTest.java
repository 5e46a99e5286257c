package org.doppel.runtime.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.runtime.forecast.CopyWindows;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.study.Chart;
import org.doppel.sdk.study.DomainStudy;
import org.doppel.sdk.study.StudyContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study that trains a real forecaster through {@code context.forecasting()}, with the
 * scenario's {@code surrogate} and {@code attention} sections, as the domain studies do.
 */
class ForecastingStudyTest {

  private static final String SCENARIO = """
      name: copy-study
      domain: copy
      seed: 3
      surrogate:
        width: 8
        epochs: 8
        batch_size: 32
        learning_rate: 0.01
        validation_fraction: 0.2
        patience: 3
      attention:
        id: dot-product
      """;

  @TempDir
  Path runs;

  @Test
  void aStudyTrainsThroughTheContextAndReportsAccuracyAndWeights() throws Exception {
    Path folder = run(false);

    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    double error = metrics.at("/metrics/copy/test_mse").asDouble();
    assertTrue(error < 0.1 * CopyWindows.GAIN * CopyWindows.GAIN, "test error " + error);
    int epochs = metrics.at("/metrics/copy/epochs_trained").asInt();
    assertTrue(epochs >= 1 && epochs <= 8, "epochs trained " + epochs);
    assertTrue(Files.isRegularFile(folder.resolve("charts/attention.png")));
  }

  @Test
  void aQuickRunTrainsTwoEpochs() throws Exception {
    Path folder = run(true);

    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    assertEquals(2, metrics.at("/metrics/copy/epochs_trained").asInt());
  }

  private Path run(boolean quick) throws Exception {
    StudyRun study = new StudyRun(PluginLookup.of(List.of(new CopyDomain())),
        new CsvTimeSeriesIngest(), () -> StandaloneForecasting.create(new AttentionModule()),
        null, Progress.off());
    return study.run(ScenarioDocument.parse(SCENARIO, "copy.yaml").overrides(List.of()),
        new RunOptions(runs, quick, LocalDateTime.parse("2026-12-04T18:00:00"))).folder();
  }

  /** A domain whose study learns to copy the marked token's value. */
  public static final class CopyDomain implements DomainModule {

    @Override
    public String id() {
      return "copy";
    }

    @Override
    public String description() {
      return "copies the marked token's value";
    }

    @Override
    public URL defaultScenario() {
      throw new UnsupportedOperationException("the test parses its own scenario");
    }

    @Override
    public Map<String, URL> datasets() {
      return Map.of();
    }

    @Override
    public String dataAttribution() {
      return "Synthetic windows made up for tests (CC0)";
    }

    @Override
    public Optional<DomainStudy> study() {
      return Optional.of(new DomainStudy() {
        @Override
        public Set<String> sections() {
          return Set.of("surrogate", "attention");
        }

        @Override
        public void run(StudyContext context) {
          train(context);
        }
      });
    }

    private static void train(StudyContext context) {
      // The section as it comes, {id: dot-product}: the service drops its own id.
      Parameters attention = context.section("attention");
      ForecasterSettings settings = ForecasterSettings.fromScenario(
          context.section("surrogate"), Set.of(), attention.getString("id", "multi-head"),
          attention, context.seed());
      if (context.quick()) {
        settings = settings.withEpochs(Math.min(settings.epochs(), 2));
      }
      CopyWindows.Marked training = CopyWindows.marked(400, 6, context.seed());
      CopyWindows.Marked test = CopyWindows.marked(100, 6, context.seed() + 1);

      SequenceForecaster forecaster = context.forecasting().train(training.windows(),
          settings, null);

      double[][] forecast = forecaster.predict(test.windows());
      context.report().metric("copy/test_mse",
          CopyWindows.meanSquaredError(test.windows(), forecast));
      context.report().metric("copy/epochs_trained", forecaster.trainingLoss().size());
      double[][] weights = forecaster.attentionWeights(test.windows())[0];
      context.report().chart("attention", new Chart.Heatmap("Attention, first test window",
          "token", "query", test.windows().tokenNames(),
          CopyWindows.names("query", weights.length), weights));
    }
  }
}
