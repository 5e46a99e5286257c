package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.model.SurrogateModel;
import org.doppel.sdk.testkit.CompressionFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

class LowRankFactorizationTest {

  private final CompressionFixture fixture = CompressionFixture.shared();
  private final LowRankFactorization lowRank = new LowRankFactorization();

  private CompressionOutcome factorise(SurrogateModel model, Map<String, ?> values) {
    return lowRank.compress(model, Parameters.of("compression/low-rank", values), fixture);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(CompressionOutcome outcome, String key) {
    return (Map<String, Object>) outcome.details().get(key);
  }

  @Test
  void explicitRankRewiresTheProductsToTheFactors() {
    CompressionOutcome outcome = factorise(fixture.trained, Map.of("rank", 6));

    SurrogateModel model = outcome.model();
    for (String name : List.of("embed/W", "attention/q/W", "hidden/W")) {
      assertEquals(6, detail(outcome, "rank_per_layer").get(name));
      assertEquals(true, detail(outcome, "factorised_per_layer").get(name),
          name + " " + outcome.details());
      long[] original = fixture.trained.graph().getArrForVarName(name).shape();
      assertArrayEquals(new long[] {original[0], 6},
          model.graph().getArrForVarName(name + "/U").shape());
      assertArrayEquals(new long[] {6, original[1]}, model.graph().getArrForVarName(name).shape());
    }
    // head/W is 64×6: rank 6 is its full rank, so factors would be larger than the matrix.
    assertEquals(false, detail(outcome, "factorised_per_layer").get("head/W"));
    long removed = 48L * 64 + 2L * 64 * 64;
    long added = 6L * (48 + 64) + 2L * 6 * (64 + 64);
    assertEquals(fixture.trained.parameterCount() - removed + added, model.parameterCount());
  }

  @Test
  void rewiredGraphForecastsLikeTheLowRankMatrices() {
    CompressionOutcome outcome = factorise(fixture.trained, Map.of("rank", 6));

    // The same model with each W replaced, at full size, by the product of its factors.
    SurrogateModel explicit = fixture.trained.copy();
    for (String name : List.of("embed/W", "attention/q/W", "hidden/W")) {
      INDArray product = outcome.model().graph().getArrForVarName(name + "/U")
          .mmul(outcome.model().graph().getArrForVarName(name));
      explicit.graph().getArrForVarName(name).assign(product);
    }
    explicit.graph().getArrForVarName("head/W")
        .assign(outcome.model().graph().getArrForVarName("head/W"));

    INDArray windows = fixture.validation.getFeatures(0);
    double difference = CompressionFixture.meanAbsolute(outcome.model().predict(windows)
        .sub(explicit.predict(windows)));
    assertTrue(difference < 1e-5, "mean difference " + difference);
  }

  @Test
  void fullRankReproducesTheModel() {
    CompressionOutcome outcome = factorise(fixture.trained, Map.of("energy", 1.0));

    INDArray windows = fixture.validation.getFeatures(0);
    double difference = CompressionFixture.meanAbsolute(outcome.model().predict(windows)
        .sub(fixture.trained.predict(windows)));
    assertTrue(difference < 1e-4, "mean difference " + difference);
    detail(outcome, "factorised_per_layer").values().forEach(rewired -> assertEquals(false,
        rewired));
  }

  @Test
  void energyThresholdKeepsAtLeastThatShareInEveryLayer() {
    CompressionOutcome outcome = factorise(fixture.trained, Map.of("energy", 0.9));

    detail(outcome, "energy_retained_per_layer").forEach((name, energy) ->
        assertTrue((double) energy >= 0.9, name + " " + energy));
    int embedRank = (int) detail(outcome, "rank_per_layer").get("embed/W");
    assertTrue(embedRank < 48, "rank " + embedRank);
    double before = fixture.validationError(fixture.trained);
    double after = fixture.validationError(outcome.model());
    assertTrue(after < before * 3 + 0.05, "error " + before + " -> " + after);
    assertArrayEquals(new long[] {64, 64},
        fixture.trained.graph().getArrForVarName("hidden/W").shape());
  }

  @Test
  void chainLowRankPruneWithFineTuningThenQuantizeSavesAndLoads(@TempDir Path dir)
      throws IOException {
    CompressionOutcome factored = factorise(fixture.trained, Map.of("rank", 6));
    INDArray leftBefore = factored.model().graph().getArrForVarName("hidden/W/U").dup();

    CompressionOutcome pruned = new MagnitudePruning().compress(factored.model(),
        Parameters.of("compression/prune-magnitude",
            Map.of("sparsity", 0.3, "fine_tune_epochs", 1)), fixture);
    CompressionOutcome quantized = new Int8Quantization().compress(pruned.model(),
        Parameters.of("compression/quantize-int8", Map.of()), fixture);

    INDArray leftAfter = pruned.model().graph().getArrForVarName("hidden/W/U");
    assertFalse(leftBefore.equalsWithEps(leftAfter, 1e-6), "fine-tuning moved the factor");
    assertEquals(0.3, (double) pruned.details().get("sparsity_achieved"), 5e-4);
    assertEquals(7, quantized.details().get("int8_matrices"));
    Path file = dir.resolve("chain.bin");
    quantized.model().save(file);
    QuantizedSurrogate loaded = QuantizedSurrogate.load(file, factored.model());
    INDArray windows = fixture.validation.getFeatures(0);
    assertEquals(quantized.model().predict(windows), loaded.predict(windows));
  }

  @Test
  void fineTuningTheFactorsLowersTheError() {
    CompressionOutcome plain = factorise(fixture.trained, Map.of("rank", 6));

    CompressionOutcome tuned = factorise(fixture.trained, Map.of("rank", 6,
        "fine_tune_epochs", 3));

    assertEquals(plain.model().parameterCount(), tuned.model().parameterCount());
    double plainError = fixture.validationError(plain.model());
    double tunedError = fixture.validationError(tuned.model());
    assertTrue(tunedError < plainError / 2, plainError + " -> " + tunedError);
  }

  @Test
  void refusesARankAboveTheSmallerDimension() {
    PluginException error = assertThrows(PluginException.class,
        () -> factorise(fixture.trained, Map.of("rank", 7)));

    assertTrue(error.getMessage().startsWith("low-rank: rank 7"), error.getMessage());
    assertTrue(error.getMessage().contains("head/W"), error.getMessage());
  }

  @Test
  void refusesBadParameters() {
    for (Map<String, ?> bad : List.of(Map.of("energy", 0), Map.of("energy", 1.5),
        Map.of("rank", 0), Map.of("rank", 2, "energy", 0.9), Map.of("ranks", 2),
        Map.of("rank", 2, "fine_tune_epochs", -1))) {
      PluginException error = assertThrows(PluginException.class,
          () -> factorise(fixture.trained, bad), bad.toString());
      assertTrue(error.getMessage().contains("low-rank"), error.getMessage());
    }
  }
}
