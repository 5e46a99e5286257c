package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class StructuredPruningTest {

  private final CompressionFixture fixture = CompressionFixture.shared();
  private final StructuredPruning pruning = new StructuredPruning();

  private CompressionOutcome prune(SurrogateModel model, Map<String, ?> values) {
    return pruning.compress(model, Parameters.of("compression/prune-structured", values),
        fixture);
  }

  @Test
  void findsOnlyTheBlockWhoseHiddenStateFeedsNothingElse() {
    // embed/W's output also feeds the residual connection, so its width is shared.
    assertEquals(List.of("hidden/W -> head/W"),
        StructuredPruning.blockNames(fixture.trained.graph()));
  }

  @Test
  void removesHalfTheHiddenNeuronsSoTheMatricesShrink() {
    CompressionOutcome outcome = prune(fixture.trained, Map.of("sparsity", 0.5));

    SurrogateModel model = outcome.model();
    assertArrayEquals(new long[] {64, 32}, model.graph().getArrForVarName("hidden/W").shape());
    assertArrayEquals(new long[] {32}, model.graph().getArrForVarName("hidden/b").shape());
    assertArrayEquals(new long[] {32, 6}, model.graph().getArrForVarName("head/W").shape());
    assertEquals(fixture.trained.parameterCount() - 32L * (64 + 1 + 6),
        model.parameterCount());
    assertEquals("64 -> 32", ((Map<?, ?>) outcome.details().get("hidden_width_per_layer"))
        .get("hidden/W"));
    INDArray forecasts = model.predict(fixture.validation.getFeatures(0));
    assertArrayEquals(new long[] {fixture.validation.getFeatures(0).size(0), 6},
        forecasts.shape());
  }

  @Test
  void keptNeuronsCarryTheirOwnWeights() {
    CompressionOutcome outcome = prune(fixture.trained, Map.of("sparsity", 0.25));

    // Every kept column of hidden/W is a column of the original, in the original order.
    INDArray original = fixture.trained.graph().getArrForVarName("hidden/W");
    INDArray shrunk = outcome.model().graph().getArrForVarName("hidden/W");
    int next = 0;
    for (int j = 0; j < shrunk.size(1); j++) {
      while (!original.getColumn(next).equalsWithEps(shrunk.getColumn(j), 0)) {
        next++;
        assertTrue(next < original.size(1), "column " + j + " is not an original column");
      }
      next++;
    }
  }

  @Test
  void removingNeuronsThatNeverFireChangesNothing() {
    SurrogateModel dead = fixture.trained.copy();
    // Neurons 0-15 get a large negative bias: relu keeps them at zero on every window.
    dead.graph().getArrForVarName("hidden/b").get(
        org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 16)).assign(-1e3);
    INDArray windows = fixture.validation.getFeatures(0);

    CompressionOutcome outcome = prune(dead, Map.of("sparsity", 0.25));

    assertEquals(dead.predict(windows), outcome.model().predict(windows));
  }

  @Test
  void fineTuningRecoversTheErrorAndChainsWithInt8(@TempDir Path dir) throws IOException {
    CompressionOutcome plain = prune(fixture.trained, Map.of("sparsity", 0.5));
    CompressionOutcome tuned = prune(fixture.trained, Map.of("sparsity", 0.5,
        "fine_tune_epochs", 3));

    CompressionOutcome quantized = new Int8Quantization().compress(tuned.model(),
        Parameters.of("compression/quantize-int8", Map.of()), fixture);

    assertTrue(fixture.validationError(tuned.model())
        <= fixture.validationError(plain.model()));
    Path file = dir.resolve("chain.bin");
    quantized.model().save(file);
    QuantizedSurrogate loaded = QuantizedSurrogate.load(file, tuned.model());
    INDArray windows = fixture.validation.getFeatures(0);
    assertEquals(quantized.model().predict(windows), loaded.predict(windows));
  }

  @Test
  void refusesBadParameters() {
    List<Map<String, ?>> bads = List.of(Map.of("sparsity", 1.0), Map.of("sparsity", -0.5),
        Map.of(), Map.of("sparsity", 0.5, "heads", 2),
        Map.of("sparsity", 0.5, "fine_tune_epochs", -1),
        Map.of("sparsity", 0.5, "fine_tune_epochs", 1001),
        Map.of("sparsity", 0.5, "fine_tune_epochs", 99_999_999_999L));
    for (Map<String, ?> bad : bads) {
      PluginException error = assertThrows(PluginException.class,
          () -> prune(fixture.trained, bad), bad.toString());
      assertTrue(error.getMessage().contains("prune-structured"), error.getMessage());
    }
  }

  @Test
  void refusesBeforeTrainingANetworkWithNothingToRemove() {
    Parameters parameters = Parameters.of("compression/prune-structured",
        Map.of("sparsity", 0.5));
    SurrogateModel linear = linearModel();

    PluginException error = assertThrows(PluginException.class,
        () -> pruning.validate(parameters, linear));

    assertTrue(error.getMessage().contains("nothing it can remove"), error.getMessage());
    PluginException oneHead = assertThrows(PluginException.class,
        () -> pruning.validate(parameters, HeadedSurrogate.create(1, 1)));
    assertTrue(oneHead.getMessage().contains("two or more heads"), oneHead.getMessage());
    pruning.validate(parameters, fixture.trained);
    pruning.validate(parameters, HeadedSurrogate.create(4, 1));
  }

  /** One weight product from windows to forecast: no dense block, no heads. */
  private static SurrogateModel linearModel() {
    SameDiff graph = SameDiff.create();
    SDVariable windows = graph.placeHolder("windows", DataType.FLOAT, -1, 8);
    graph.mmul("forecast", windows, graph.var("head/W", Nd4j.ones(DataType.FLOAT, 8, 2)));
    return new SurrogateModel() {
      @Override
      public INDArray predict(INDArray input) {
        return graph.output(Map.of("windows", input), "forecast").get("forecast");
      }

      @Override
      public INDArray attentionWeights(INDArray input) {
        return null;
      }

      @Override
      public SameDiff graph() {
        return graph;
      }

      @Override
      public long parameterCount() {
        return 16;
      }

      @Override
      public long nonZeroParameterCount() {
        return 16;
      }

      @Override
      public SurrogateModel copy() {
        throw new UnsupportedOperationException("not needed by validate");
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of();
      }

      @Override
      public long save(Path file) {
        throw new UnsupportedOperationException("not needed by validate");
      }
    };
  }
}
