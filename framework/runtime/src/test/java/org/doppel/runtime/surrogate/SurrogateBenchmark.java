package org.doppel.runtime.surrogate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.runtime.evaluation.DayAheadEvaluator;
import org.doppel.runtime.evaluation.ForecastAccuracy;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioSection;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Measures the surrogate of the shipped smart-grid scenario (not a test): day-ahead accuracy
 * on a test period, epochs to early stop, time per epoch, and inference latency for batches
 * of 1 and 64 (median of 50 runs after 10 warm-up runs). The command is in
 * {@code docs/notes/surrogate.md}.
 *
 * <p>Arguments: {@code default|quick}, then test starts (3360 = the default split, 2688 =
 * weeks 9-10). System properties {@code surrogate.<key>} override the scenario's settings.
 */
public final class SurrogateBenchmark {

  private SurrogateBenchmark() {
  }

  public static void main(String[] args) {
    boolean quick = args.length > 0 && args[0].equals("quick");
    int[] starts = args.length > 1
        ? Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
        : new int[] {DemandSeries.TEST_START};
    ScenarioDocument document = ScenarioDocument.parse(SurrogateSettingsTest.scenarioText(),
        SurrogateSettingsTest.SHIPPED.toString());
    List<String> overrides = new ArrayList<>();
    for (String key : SurrogateSettings.KEYS) {
      String value = System.getProperty("surrogate." + key);
      if (value != null) {
        overrides.add("surrogate." + key + "=" + value);
      }
    }
    document = document.overrides(overrides);
    SurrogateSettings settings = SurrogateSettings.from(document.section("surrogate"));
    settings = quick ? settings.quick() : settings;
    ScenarioSection attention = document.section("attention");
    String id = attention.id();
    AttentionVariant variant = id.equals(NoAttention.ID) ? new NoAttention()
        : new MultiHeadAttention();
    Parameters parameters = attention.toParameters("attention/" + id, java.util.Set.of("id"));
    long seed = document.root().getInt("seed", 42, 0, Integer.MAX_VALUE);

    DemandSeries data = DemandSeries.load();
    for (int start : starts) {
      measure(data, settings, variant, parameters, seed, start);
    }
  }

  private static void measure(DemandSeries data, SurrogateSettings settings,
      AttentionVariant variant, Parameters parameters, long seed, int testStart) {
    long begin = System.nanoTime();
    TrainedSurrogate surrogate = new SurrogateTrainer(settings, variant, parameters, seed)
        .fit(data.timestamps, data.values, testStart, record -> System.out.printf(
            "epoch %d/%d train %.5f validation %.5f %.2f s%s%n", record.epoch(),
            record.maxEpochs(), record.trainLoss(), record.validationLoss(), record.seconds(),
            record.improved() ? " *" : ""));
    double trainingSeconds = (System.nanoTime() - begin) / 1e9;
    ForecastAccuracy accuracy = DayAheadEvaluator.evaluate(data.timestamps, data.values,
        testStart, Math.min(data.values.length, testStart + 672), settings.horizon(),
        surrogate.forecaster(data.timestamps, data.values)).pooled();
    double[] epochSeconds = surrogate.history().stream().mapToDouble(EpochRecord::seconds)
        .sorted().toArray();

    System.out.printf("%s settings %s attention %s %s%n", settings.epochs() <= 6 ? "quick"
        : "default", settings.toMap(), variant.id(), parameters.asMap());
    System.out.printf("test start %d: MAPE %.3f %% RMSE %.1f MW MAE %.1f MW; stopped after "
        + "%d epochs (best %d); training %.1f s, median epoch %.2f s; %d parameters%n",
        testStart, accuracy.mape(), accuracy.rmse(), accuracy.mae(),
        surrogate.history().size(), surrogate.bestEpoch(), trainingSeconds,
        epochSeconds[epochSeconds.length / 2], surrogate.model().parameterCount());
    System.out.printf("inference latency: batch 1 %.2f ms, batch 64 %.2f ms (median)%n",
        latency(surrogate, data, testStart, 1), latency(surrogate, data, testStart, 64));
  }

  private static double latency(TrainedSurrogate surrogate, DemandSeries data, int testStart,
      int batch) {
    int[] origins = new int[batch];
    for (int i = 0; i < batch; i++) {
      origins[i] = testStart + i;
    }
    INDArray windows = surrogate.windows(data.timestamps, data.values, origins);
    for (int i = 0; i < 10; i++) {
      surrogate.model().predict(windows);
    }
    double[] millis = new double[50];
    for (int i = 0; i < millis.length; i++) {
      long start = System.nanoTime();
      surrogate.model().predict(windows);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    return millis[millis.length / 2];
  }
}
