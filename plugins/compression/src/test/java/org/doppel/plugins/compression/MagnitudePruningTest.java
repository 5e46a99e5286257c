package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.compression.CompressionStrategy;
import org.doppel.sdk.testkit.CompressionFixture;
import org.doppel.sdk.testkit.TinySurrogate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class MagnitudePruningTest {

  private final CompressionFixture fixture = CompressionFixture.shared();
  private final MagnitudePruning pruning = new MagnitudePruning();

  private CompressionOutcome prune(Map<String, ?> values) {
    return pruning.compress(fixture.trained, Parameters.of("compression/prune-magnitude",
        values), fixture);
  }

  private static long zeros(INDArray array) {
    return array.length() - array.neq(0).castTo(DataType.LONG).sumNumber().longValue();
  }

  @Test
  void globalPruningReachesExactlyTheAskedSparsityAndKeepsBiases() {
    CompressionOutcome outcome = prune(Map.of("sparsity", 0.6));

    List<String> matrices = WeightMatrices.names(outcome.model().graph());
    assertEquals(Set.of("embed/W", "attention/q/W", "hidden/W", "head/W"),
        Set.copyOf(matrices));
    long zeros = 0;
    long total = 0;
    for (String name : matrices) {
      INDArray weights = outcome.model().graph().getArrForVarName(name);
      zeros += zeros(weights);
      total += weights.length();
    }
    assertEquals(Math.round(0.6 * total), zeros);
    assertEquals(0.6, (double) outcome.details().get("sparsity_achieved"), 1e-4);
    assertTrue(outcome.note().contains("disk only"));

    INDArray originalBias = fixture.trained.graph().getArrForVarName("embed/b");
    assertEquals(originalBias, outcome.model().graph().getArrForVarName("embed/b"));
  }

  @Test
  void globalPruningRemovesTheSmallestMagnitudes() {
    CompressionOutcome outcome = prune(Map.of("sparsity", 0.5));

    // Every pruned weight was no larger than every kept weight, across all layers.
    double largestPruned = 0;
    double smallestKept = Double.MAX_VALUE;
    for (String name : WeightMatrices.names(fixture.trained.graph())) {
      float[] before = MagnitudePruning.flatMagnitudes(
          fixture.trained.graph().getArrForVarName(name));
      float[] after = MagnitudePruning.flatMagnitudes(
          outcome.model().graph().getArrForVarName(name));
      for (int i = 0; i < before.length; i++) {
        if (after[i] == 0) {
          largestPruned = Math.max(largestPruned, before[i]);
        } else {
          smallestKept = Math.min(smallestKept, before[i]);
          assertEquals(before[i], after[i], 0f);
        }
      }
    }
    assertTrue(largestPruned <= smallestKept, largestPruned + " > " + smallestKept);
  }

  @Test
  void layerScopePrunesEveryMatrixToTheSparsity() {
    CompressionOutcome outcome = prune(Map.of("sparsity", 0.3, "scope", "layer"));

    @SuppressWarnings("unchecked")
    Map<String, Object> perLayer = (Map<String, Object>) outcome.details()
        .get("sparsity_per_layer");
    assertEquals(4, perLayer.size());
    for (String name : perLayer.keySet()) {
      INDArray weights = outcome.model().graph().getArrForVarName(name);
      assertEquals(Math.round(0.3 * weights.length()), zeros(weights), name);
    }
  }

  @Test
  void leavesTheOriginalModelUnchanged() {
    long before = fixture.trained.nonZeroParameterCount();

    prune(Map.of("sparsity", 0.9));

    assertEquals(before, fixture.trained.nonZeroParameterCount());
  }

  @Test
  void halfPrunedAndFineTunedForecastsStayClose() {
    CompressionOutcome outcome = prune(Map.of("sparsity", 0.5, "fine_tune_epochs", 5));

    double before = fixture.validationError(fixture.trained);
    double after = fixture.validationError(outcome.model());
    assertTrue(after < before * 1.5 + 0.02, "error " + before + " -> " + after);
  }

  @Test
  void prunedWeightsShrinkACompressedFile(@TempDir Path dir) throws IOException {
    CompressionOutcome outcome = prune(Map.of("sparsity", 0.5));

    long originalBytes = fixture.trained.save(dir.resolve("original.zip"));
    long prunedBytes = outcome.model().save(dir.resolve("pruned.zip"));
    assertTrue(prunedBytes < originalBytes * 0.8, originalBytes + " -> " + prunedBytes);
  }

  @Test
  void fineTuningKeepsPrunedWeightsAtZeroAndRecoversError() {
    CompressionOutcome plain = prune(Map.of("sparsity", 0.85));
    int iterationsBefore = fixture.fineTuneIterations();

    CompressionOutcome tuned = prune(Map.of("sparsity", 0.85, "fine_tune_epochs", 3));

    assertTrue(fixture.fineTuneIterations() > iterationsBefore);
    assertEquals(plain.model().nonZeroParameterCount(), tuned.model().nonZeroParameterCount());
    for (String name : WeightMatrices.names(plain.model().graph())) {
      INDArray plainMask = plain.model().graph().getArrForVarName(name).eq(0);
      INDArray tunedMask = tuned.model().graph().getArrForVarName(name).eq(0);
      assertEquals(plainMask, tunedMask, name);
    }
    assertTrue(fixture.validationError(tuned.model())
        < fixture.validationError(plain.model()));
    assertEquals(0.85, (double) tuned.details().get("sparsity_achieved"), 1e-4);
  }

  @Test
  void everyStrategyRefusesAModelWithNaNWeights() {
    TinySurrogate broken = fixture.trained.copy();
    broken.graph().getArrForVarName("hidden/W").putScalar(3, 5, Float.NaN);
    List<CompressionStrategy> strategies = List.of(new MagnitudePruning(),
        new Int8Quantization(), new LowRankFactorization(), new StructuredPruning(),
        new Distillation());

    for (CompressionStrategy strategy : strategies) {
      Map<String, Object> values = strategy.id().startsWith("prune")
          ? Map.of("sparsity", 0.5) : Map.of();
      PluginException error = assertThrows(PluginException.class, () -> strategy.compress(
          broken, Parameters.of("compression/" + strategy.id(), values), fixture));
      assertTrue(error.getMessage().startsWith(strategy.id() + ": weight 'hidden/W'"),
          error.getMessage());
      assertTrue(error.getMessage().contains("NaN"), error.getMessage());
    }
  }

  @Test
  void zeroSparsityChangesNothing() {
    CompressionOutcome outcome = prune(Map.of("sparsity", 0));

    assertEquals(fixture.trained.nonZeroParameterCount(),
        outcome.model().nonZeroParameterCount());
  }

  @Test
  void refusesSparsityOutsideTheUnitInterval() {
    for (Object sparsity : List.of(1.0, -0.1, 1.5, Double.NaN)) {
      PluginException error = assertThrows(PluginException.class,
          () -> prune(Map.of("sparsity", sparsity)));
      assertTrue(error.getMessage().contains("prune-magnitude"), error.getMessage());
      assertTrue(error.getMessage().contains("sparsity"), error.getMessage());
    }
  }

  @Test
  void refusesUnknownParametersMissingSparsityAndUnknownScope() {
    PluginException unknown = assertThrows(PluginException.class,
        () -> prune(Map.of("sparsity", 0.5, "sparsty", 0.5)));
    assertTrue(unknown.getMessage().contains("sparsty"), unknown.getMessage());

    PluginException missing = assertThrows(PluginException.class, () -> prune(Map.of()));
    assertTrue(missing.getMessage().contains("required"), missing.getMessage());

    PluginException scope = assertThrows(PluginException.class,
        () -> prune(Map.of("sparsity", 0.5, "scope", "row")));
    assertTrue(scope.getMessage().contains("'row'"), scope.getMessage());
  }
}
