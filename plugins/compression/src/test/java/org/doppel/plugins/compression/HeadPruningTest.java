package org.doppel.plugins.compression;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.compression.CompressionOutcome;
import org.doppel.sdk.model.SurrogateModel;
import org.doppel.sdk.testkit.CompressionFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HeadPruningTest {

  private static final CompressionFixture FIXTURE = CompressionFixture.shared();
  private static HeadedSurrogate trained;

  private final StructuredPruning pruning = new StructuredPruning();

  @BeforeAll
  static void train() {
    trained = HeadedSurrogate.create(4, CompressionFixture.SEED);
    FIXTURE.train(trained, 3, () -> { });
  }

  private CompressionOutcome prune(SurrogateModel model, Map<String, ?> values) {
    return pruning.compress(model, Parameters.of("compression/prune-structured", values),
        FIXTURE);
  }

  private static long[] shape(SurrogateModel model, String name) {
    return model.graph().getArrForVarName(name).shape();
  }

  @Test
  void findsTheMultiHeadBlockByItsLayout() {
    assertEquals(1, HeadPruning.blocks(trained.graph()).size());
    assertEquals(new HeadPruning.HeadBlock("attention", 4, 4),
        HeadPruning.blocks(trained.graph()).get(0));
  }

  @Test
  void removesHalfTheHeadsSoEveryPerHeadArrayShrinks() {
    CompressionOutcome outcome = prune(trained, Map.of("sparsity", 0.5));

    SurrogateModel model = outcome.model();
    for (String projection : new String[] {"q", "k", "v"}) {
      assertArrayEquals(new long[] {16, 8}, shape(model, "attention/" + projection + "/W"));
      assertArrayEquals(new long[] {8}, shape(model, "attention/" + projection + "/b"));
    }
    assertArrayEquals(new long[] {8, 16}, shape(model, "attention/out/W"));
    assertArrayEquals(new long[] {-1, 2, 24, 24},
        model.graph().getArrForVarName("attention/shape/per_head").toLongVector());
    assertEquals(trained.parameterCount() - 4L * (3 * (16 + 1) + 16) * 2,
        model.parameterCount());
    assertTrue(((Map<?, ?>) outcome.details().get("attention_heads_per_block"))
        .get("attention").toString().startsWith("4 -> 2"), outcome.details().toString());

    INDArray windows = FIXTURE.validation.getFeatures(0);
    assertArrayEquals(new long[] {windows.size(0), CompressionFixture.HORIZON},
        model.predict(windows).shape());
    assertArrayEquals(new long[] {windows.size(0), 24, 24},
        model.attentionWeights(windows).shape());
  }

  @Test
  void removingASilentHeadChangesNothing() {
    SurrogateModel silent = trained.copy();
    // head 2 writes nothing into the output projection, so it cannot matter
    silent.graph().getArrForVarName("attention/out/W")
        .get(NDArrayIndex.interval(8, 12), NDArrayIndex.all()).assign(0);
    INDArray windows = FIXTURE.validation.getFeatures(0);

    CompressionOutcome outcome = prune(silent, Map.of("sparsity", 0.25));

    assertTrue(((Map<?, ?>) outcome.details().get("attention_heads_per_block"))
        .get("attention").toString().contains("[0, 1, 3]"), outcome.details().toString());
    assertTrue(silent.predict(windows).equalsWithEps(outcome.model().predict(windows), 1e-5));
  }

  @Test
  void oneHeadLeftSkipsTheSplitAndMergeAndForecastsTheSame() {
    SurrogateModel model = trained.copy();
    HeadPruning.HeadBlock block = HeadPruning.blocks(model.graph()).get(0);
    HeadPruning.shrink(model.graph(), block, new long[] {1});
    INDArray windows = FIXTURE.validation.getFeatures(0);
    INDArray split = model.predict(windows);

    int bypassed = HeadPruning.bypassSingleHead(model.graph(), block);

    assertEquals(4, bypassed, "three head splits (q, k, v) and one merge");
    assertTrue(split.equalsWithEps(model.predict(windows), 1e-6));
    assertEquals(0, HeadPruning.bypassSingleHead(model.graph(), block), "done once");
  }

  @Test
  void keepsOneHeadAtLeastAndSurvivesSaveAndLoad(@TempDir Path dir) throws IOException {
    CompressionOutcome outcome = prune(trained, Map.of("sparsity", 0.9,
        "fine_tune_epochs", 1));
    Path file = dir.resolve("pruned.sd");

    outcome.model().save(file);
    HeadedSurrogate loaded = HeadedSurrogate.load(file);

    assertArrayEquals(new long[] {16, 4}, shape(loaded, "attention/q/W"));
    INDArray windows = FIXTURE.validation.getFeatures(0);
    assertEquals(outcome.model().predict(windows), loaded.predict(windows));
    assertTrue(Double.isFinite(FIXTURE.validationError(outcome.model())));
  }
}
