package org.doppel.runtime.surrogate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.model.SurrogateModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.linalg.api.ndarray.INDArray;

class TrainedSurrogateTest {

  private static SyntheticSeries data;
  private static TrainedSurrogate surrogate;

  @BeforeAll
  static void train() {
    data = SyntheticSeries.hourly(24 * 12, 7);
    surrogate = SurrogateTrainerTest.trainer(SurrogateTrainerTest.small(2, 0.01), 3)
        .fit(data.timestamps, data.values, 24 * 10, record -> { });
  }

  @Test
  void predictsOneForecastPerWindowForBatchesOfOneAnd64() {
    int[] one = {24 * 10};
    int[] many = new int[64];
    for (int i = 0; i < many.length; i++) {
      many[i] = 24 + i;
    }

    INDArray single = surrogate.model().predict(surrogate.windows(data.timestamps,
        data.values, one));
    INDArray batch = surrogate.model().predict(surrogate.windows(data.timestamps,
        data.values, many));

    assertArrayEquals(new long[] {1, 6}, single.shape());
    assertArrayEquals(new long[] {64, 6}, batch.shape());
    assertArrayEquals(new long[] {64, 24, SurrogateFeatures.count()},
        surrogate.windows(data.timestamps, data.values, many).shape());
  }

  @Test
  void attentionWeightsAreADistributionOverTokensPerQuery() {
    double[][] weights = surrogate.attentionWeights(data.timestamps, data.values, 24 * 10);

    assertEquals(6, weights.length);
    for (double[] query : weights) {
      assertEquals(6, query.length);
      double sum = 0;
      for (double w : query) {
        assertTrue(w >= 0, "negative weight " + w);
        sum += w;
      }
      assertEquals(1.0, sum, 1e-5);
    }
  }

  @Test
  void aForecastReadsNoValueFromItsOriginOn() {
    int origin = 24 * 10;
    double[] changed = data.values.clone();
    for (int i = origin; i < changed.length; i++) {
      changed[i] = 1e6;
    }

    assertArrayEquals(surrogate.forecaster(data.timestamps, data.values).forecast(origin),
        surrogate.forecaster(data.timestamps, changed).forecast(origin));
  }

  @Test
  void saveAndLoadGiveIdenticalForecasts(@TempDir Path folder) throws IOException {
    Path saved = folder.resolve("model");
    surrogate.save(saved);
    surrogate.save(saved);

    TrainedSurrogate loaded = TrainedSurrogate.load(saved, new MultiHeadAttention());
    int origin = 24 * 10;
    assertArrayEquals(surrogate.forecaster(data.timestamps, data.values).forecast(origin),
        loaded.forecaster(data.timestamps, data.values).forecast(origin));
    assertEquals(surrogate.history(), loaded.history());
    assertEquals(surrogate.bestEpoch(), loaded.bestEpoch());
    try (var files = Files.list(folder)) {
      assertEquals(1, files.count(), "temporary folders left behind");
    }
  }

  @Test
  void loadingWithAnotherVariantIsRefused(@TempDir Path folder) throws IOException {
    surrogate.save(folder.resolve("model"));

    IOException error = assertThrows(IOException.class,
        () -> TrainedSurrogate.load(folder.resolve("model"), new NoAttention()));
    assertTrue(error.getMessage().contains("multi-head"), error.getMessage());
  }

  @Test
  void aCopyIsDeepAndTheGraphIsLive() {
    SurrogateModel copy = surrogate.model().copy();
    INDArray windows = surrogate.windows(data.timestamps, data.values, new int[] {24 * 10});
    INDArray before = surrogate.model().predict(windows).dup();

    SDVariable head = copy.graph().getVariable("head/W");
    head.getArr().assign(0);

    assertEquals(before, surrogate.model().predict(windows));
    assertNotEquals(before, copy.predict(windows));
    assertTrue(copy.nonZeroParameterCount() < surrogate.model().nonZeroParameterCount());
    assertEquals(surrogate.model().parameterCount(), copy.parameterCount());
  }

  @Test
  void fineTuningChangesTheGivenCopyOnly() {
    CompressionContext context = surrogate.compressionContext();
    SurrogateModel copy = surrogate.model().copy();
    INDArray windows = context.calibrationData().getFeatures(0);
    INDArray before = surrogate.model().predict(windows).dup();
    int[] iterations = {0};

    context.fineTune(copy, 1, () -> iterations[0]++);

    assertTrue(iterations[0] > 0);
    assertEquals(before, surrogate.model().predict(windows));
    assertNotEquals(before, copy.predict(windows));
  }

  /** C04 in fine-tuning: a non-finite loss stops it and rolls the weights back. */
  @Test
  void aDivergingFineTuneStopsAndRollsBackToFiniteWeights() {
    CompressionContext context = surrogate.compressionContext();
    INDArray windows = context.trainingData().getFeatures(0);
    INDArray absurd = context.trainingData().getLabels(0).mul(1e30);
    SurrogateCompressionContext diverging = new SurrogateCompressionContext(
        new TrainingWindows(windows, absurd, 1, SurrogateTrainerTest.small(1, 0.01)));
    SurrogateModel copy = surrogate.model().copy();
    INDArray before = copy.predict(windows).dup();

    SurrogateTrainingException error = assertThrows(SurrogateTrainingException.class,
        () -> diverging.fineTune(copy, 1, () -> { }));

    assertTrue(error.getMessage().contains("epoch 1"), error.getMessage());
    assertTrue(error.getMessage().contains("rolled back"), error.getMessage());
    assertEquals(before, copy.predict(windows));
  }

  @Test
  void aModelWithoutAttentionHasNoWeights() {
    SurrogateTrainer trainer = new SurrogateTrainer(SurrogateTrainerTest.small(1, 0.01),
        new NoAttention(), Parameters.of("attention/none", Map.of()), 3);
    TrainedSurrogate plain = trainer.fit(data.timestamps, data.values, 24 * 10, r -> { });

    assertNull(plain.attentionWeights(data.timestamps, data.values, 24 * 10));
    assertEquals(6, plain.forecaster(data.timestamps, data.values).forecast(24 * 10).length);
  }
}
