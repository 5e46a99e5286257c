package org.doppel.runtime.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.evaluation.ForecastAccuracy;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.runtime.surrogate.TrainedSurrogate;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the scenario's compression chain in order, each strategy to the previous one's
 * output, and measures every step the same way: parameters, non-zeros, bytes on disk,
 * latency and day-ahead error on the test origins. No figure comes from the strategy
 * itself. A failing strategy ends the chain with its error recorded; the models before it
 * are kept and reported. Not thread-safe.
 */
final class CompressionStage {

  private static final Logger LOG = LoggerFactory.getLogger(CompressionStage.class);

  static final int LATENCY_REPEATS = 41;

  private final PluginLookup registry;
  private final ComputeAccess compute;
  private final Progress progress;

  CompressionStage(PluginLookup registry, ComputeAccess compute, Progress progress) {
    this.registry = registry;
    this.compute = compute;
    this.progress = progress;
  }

  /**
   * One measured model: the uncompressed surrogate or a step of the chain.
   *
   * @param strategy the strategy's id, or {@code "none"} for the uncompressed model
   * @param parameters the strategy's parameters as the scenario gave them
   * @param error why the step failed, or {@code null}
   */
  record Measured(String strategy, Map<String, Object> parameters, long parameterCount,
      long nonZeroParameters, long bytes, LatencyMeter.Latency latency,
      ForecastAccuracy accuracy, Map<String, Object> details, String note, String error) {

    static Measured failed(String strategy, Map<String, Object> parameters, String error) {
      return new Measured(strategy, parameters, 0, 0, 0, null, null, Map.of(), "", error);
    }

    boolean ok() {
      return error == null;
    }
  }

  /** The uncompressed model first, then one entry per chain step that was tried. */
  List<Measured> run(List<ScenarioSection> chain, TrainedSurrogate trained,
      DataStage.LoadedData data, Split split, int horizon, Path modelFolder)
      throws IOException {
    Files.createDirectories(modelFolder);
    INDArray windows = trained.windows(data.series().timestamps(), data.targetValues(),
        testOrigins(split, horizon));

    List<Step> steps = new ArrayList<>();
    SurrogateModel current = trained.model();
    steps.add(evaluate("none", Map.of(), current, trained, data, split, horizon, Map.of(), "",
        modelFolder.resolve("uncompressed.bin")));
    Measured failure = null;
    try (Progress.Bar bar = progress.start("compression", chain.size(), "steps")) {
      for (int i = 0; i < chain.size(); i++) {
        ScenarioSection step = chain.get(i);
        String id = step.id();
        Map<String, Object> asked = new LinkedHashMap<>(step.toMap());
        asked.remove("id");
        try {
          CompressionStrategy strategy = registry.require(PluginType.COMPRESSION, id,
              CompressionStrategy.class);
          Parameters parameters = step.toParameters("compression/" + id, Set.of("id"));
          SurrogateModel input = current;
          CompressionOutcome outcome = compute.run("compression/" + id,
              () -> strategy.compress(input, parameters, trained.compressionContext()));
          Path file = modelFolder.resolve("compressed-" + (i + 1) + "-" + id + ".bin");
          steps.add(evaluate(id, asked, outcome.model(), trained, data, split, horizon,
              outcome.details(), outcome.note(), file));
          current = outcome.model();
          bar.step(id + " done");
        } catch (RuntimeException e) {
          String message = describe(e);
          String reason = message.startsWith(id + ":") || message.startsWith("compression/")
              ? message : "compression/" + id + ": " + message;
          LOG.error("Compression step [{}] failed, the chain stops and the models before it"
              + " are kept: {}", i + 1, reason);
          // A strategy's own refusal is explained by its message; anything else is a bug
          // whose stack trace the log keeps.
          if (!(e instanceof PluginException)) {
            LOG.error("Compression step [{}] failed at", i + 1, e);
          }
          failure = Measured.failed(id, asked, reason);
          break;
        }
      }
    }

    // Every model is timed in the same interleaved rounds, after all were built.
    List<SurrogateModel> models = steps.stream().map(Step::model).toList();
    List<LatencyMeter.Latency> latencies = compute.run("latency",
        () -> LatencyMeter.measureAll(models, windows, LATENCY_REPEATS));
    List<Measured> measured = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      measured.add(steps.get(i).measured(latencies.get(i)));
    }
    if (failure != null) {
      measured.add(failure);
    }
    return measured;
  }

  /** A model of the chain, measured but for its latency. */
  private record Step(String strategy, Map<String, Object> asked, SurrogateModel model,
      long bytes, ForecastAccuracy accuracy, Map<String, Object> details, String note) {

    Measured measured(LatencyMeter.Latency latency) {
      Measured result = new Measured(strategy, asked, model.parameterCount(),
          model.nonZeroParameterCount(), bytes, latency, accuracy, details, note, null);
      LOG.info("Model [{}]: [{}] parameters ([{}] non-zero), [{}] bytes, latency [{}] ms "
          + "(batch 1) / [{}] ms (batch 64), day-ahead {}",
          "none".equals(strategy) ? "uncompressed" : strategy,
          result.parameterCount(), result.nonZeroParameters(), bytes,
          String.format("%.3f", latency.batch1Ms()), String.format("%.3f",
              latency.batch64Ms()), accuracy);
      return result;
    }
  }

  private Step evaluate(String id, Map<String, Object> asked, SurrogateModel model,
      TrainedSurrogate trained, DataStage.LoadedData data, Split split, int horizon,
      Map<String, Object> details, String note, Path file) throws IOException {
    long bytes = model.save(file);
    var forecaster = trained.withModel(model).forecaster(data.series().timestamps(),
        data.targetValues());
    DayAheadEvaluation evaluation = ForecastStage.evaluate(data, split, horizon,
        origin -> compute.run("forecast", () -> forecaster.forecast(origin)));
    for (double[] forecast : evaluation.forecasts()) {
      for (double value : forecast) {
        if (!Double.isFinite(value)) {
          throw new IllegalStateException("the model forecasts a non-finite value");
        }
      }
    }
    return new Step(id, asked, model, bytes, evaluation.pooled(), details, note);
  }

  private static int[] testOrigins(Split split, int horizon) {
    int count = Math.max(1, Math.min(64, split.testEnd() - split.testStart() - horizon + 1));
    int[] origins = new int[count];
    for (int i = 0; i < count; i++) {
      origins[i] = split.testStart() + i;
    }
    return origins;
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.toString() : message;
  }
}
