package org.doppel.runtime.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.doppel.runtime.evaluation.Baselines;
import org.doppel.runtime.evaluation.DayAheadEvaluation;
import org.doppel.runtime.evaluation.DayAheadEvaluator;
import org.doppel.runtime.evaluation.Forecaster;
import org.doppel.runtime.surrogate.EpochRecord;
import org.doppel.runtime.surrogate.SurrogateSettings;
import org.doppel.runtime.surrogate.SurrogateTrainer;
import org.doppel.runtime.surrogate.TrainedSurrogate;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionVariant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The model twin: trains the surrogate on the training period, then issues the day-ahead
 * forecasts of the test period for the twin and for every baseline, on the same origins.
 * Not thread-safe.
 */
final class ForecastStage {

  private static final Logger LOG = LoggerFactory.getLogger(ForecastStage.class);

  /** The twin's name in metrics and charts. */
  static final String TWIN = "twin";

  private final Progress progress;
  private final ComputeAccess compute;

  ForecastStage(Progress progress, ComputeAccess compute) {
    this.progress = progress;
    this.compute = compute;
  }

  /**
   * The trained twin and the evaluation of every forecaster.
   *
   * @param surrogate the trained model with its training history
   * @param trainingSeconds wall time of training, seconds
   * @param evaluations day-ahead evaluations by forecaster name, the twin first
   */
  record Outcome(TrainedSurrogate surrogate, double trainingSeconds,
      Map<String, DayAheadEvaluation> evaluations) {

    DayAheadEvaluation twin() {
      return evaluations.get(TWIN);
    }
  }

  /**
   * Trains the surrogate and evaluates it.
   *
   * @param baselines evaluations to report beside the twin's, from {@link #baselines};
   *     computed once by the caller, since they do not depend on the model
   */
  Outcome run(DataStage.LoadedData data, Split split, SurrogateSettings settings,
      AttentionVariant variant, Parameters attention, long seed, Path modelFolder,
      Map<String, DayAheadEvaluation> baselines) throws IOException {
    LocalDateTime[] timestamps = data.series().timestamps();
    double[] values = data.targetValues();

    long started = System.nanoTime();
    TrainedSurrogate trained;
    try (Progress.Bar bar = progress.start("training " + label(variant.id(),
        attention.asMap()), settings.epochs(), "epochs")) {
      SurrogateTrainer trainer = new SurrogateTrainer(settings, variant, attention, seed);
      trained = compute.run("training", () -> trainer.fit(timestamps, values,
          split.testStart(), epoch -> reportEpoch(bar, epoch)));
      EpochRecord last = trained.history().get(trained.history().size() - 1);
      if (last.epoch() < settings.epochs()) {
        bar.finishEarly("early stop, best epoch " + trained.bestEpoch());
      }
    }
    double trainingSeconds = (System.nanoTime() - started) / 1e9;
    LOG.info("Surrogate trained: [{}] epochs, best epoch [{}], [{}] s",
        trained.history().size(), trained.bestEpoch(),
        String.format(Locale.ROOT, "%.1f", trainingSeconds));
    trained.save(modelFolder);

    Map<String, DayAheadEvaluation> evaluations = new LinkedHashMap<>();
    Forecaster twin = trained.forecaster(timestamps, values);
    evaluations.put(TWIN, evaluate(data, split, settings.horizon(),
        origin -> compute.run("forecast", () -> twin.forecast(origin))));
    evaluations.putAll(baselines);
    evaluations.forEach((name, evaluation) -> LOG.info("Day-ahead [{}]: {}", name,
        evaluation.pooled()));
    DayAheadEvaluation persistence = baselines.get(Baselines.PERSISTENCE);
    if (persistence != null) {
      warnIfWorse(variant.id(), evaluations.get(TWIN).pooled().mape(), Baselines.PERSISTENCE,
          persistence.pooled().mape());
    }
    return new Outcome(trained, trainingSeconds, evaluations);
  }

  /** A variant as a scenario writes it: {@code top-k{k: 8}}, or just the id. */
  static String label(String variant, Map<String, Object> parameters) {
    if (parameters.isEmpty()) {
      return variant;
    }
    StringJoiner values = new StringJoiner(", ", variant + "{", "}");
    parameters.forEach((key, value) -> values.add(key + ": " + value));
    return values.toString();
  }

  /**
   * A warning when the trained twin forecasts worse than persistence, the plainest
   * baseline: training went wrong (a learning rate far too high trains to finite nonsense
   * that no loss check catches) or the settings do not suit the data.
   */
  static void warnIfWorse(String variant, double twinMape, String baseline,
      double baselineMape) {
    if (!(twinMape <= baselineMape)) {
      LOG.warn("The twin ({}) forecasts worse than {}: MAPE {} % against {} %; check the "
          + "surrogate settings (learning rate, epochs) before trusting it", variant,
          baseline, String.format(Locale.ROOT, "%.3f", twinMape),
          String.format(Locale.ROOT, "%.3f", baselineMape));
    }
  }

  /** Persistence and seasonal naive (day, week) on the test origins, by name. */
  static Map<String, DayAheadEvaluation> baselines(DataStage.LoadedData data, Split split,
      int horizon) {
    Map<String, DayAheadEvaluation> evaluations = new LinkedHashMap<>();
    Baselines.standard(data.targetValues(), stepsPerDay(data), horizon)
        .forEach((name, baseline) -> evaluations.put(name,
            evaluate(data, split, horizon, baseline)));
    return evaluations;
  }

  /** The day-ahead evaluation of another model with the twin's features (compression). */
  static DayAheadEvaluation evaluate(DataStage.LoadedData data, Split split, int horizon,
      Forecaster forecaster) {
    return DayAheadEvaluator.evaluate(data.series().timestamps(), data.targetValues(),
        split.testStart(), split.testEnd(), horizon, forecaster);
  }

  private static void reportEpoch(Progress.Bar bar, EpochRecord epoch) {
    String message = String.format(Locale.ROOT, " loss %.4f/%.4f%s", epoch.trainLoss(),
        epoch.validationLoss(), epoch.improved() ? " *" : "");
    bar.stepTo(epoch.epoch(), message);
    LOG.debug("Epoch [{}/{}]: {} in [{}] s", epoch.epoch(), epoch.maxEpochs(), message,
        epoch.seconds());
  }

  private static int stepsPerDay(DataStage.LoadedData data) {
    long seconds = data.series().interval().toSeconds();
    if (seconds <= 0 || 86_400 % seconds != 0) {
      throw new IllegalArgumentException("the day-ahead protocol needs an interval that "
          + "divides a day, got " + data.series().interval());
    }
    return (int) (86_400 / seconds);
  }
}
