package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/** What every variant's block must do, whatever the variant. */
class AttentionVariantContractTest {

  private static final int TOKENS = 10;
  private static final int WIDTH = 8;
  private static final long SEED = 42;

  @TempDir
  Path folder;

  static List<VariantCase> variants() {
    return VariantCase.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void outputAndWeightsHaveTheDocumentedShapesForBatchOneAndEight(VariantCase variant) {
    BlockGraph block = BlockGraph.of(variant, TOKENS, WIDTH, SEED);
    int queries = block.block.queries();

    for (int batch : new int[] {1, 8}) {
      INDArray[] result = block.run(tokens(batch, 1), Nd4j.ones(batch, TOKENS));

      assertArrayEquals(new long[] {batch, queries, WIDTH}, result[0].shape(), "output");
      assertArrayEquals(new long[] {batch, queries, TOKENS}, result[1].shape(), "weights");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void weightsAreNonNegativeAndSumToOnePerQuery(VariantCase variant) {
    BlockGraph block = BlockGraph.of(variant, TOKENS, WIDTH, SEED);
    INDArray mask = paddedMask(8);

    INDArray weights = block.run(tokens(8, 2), mask)[1];

    assertTrue(weights.minNumber().doubleValue() >= 0, "a negative weight");
    INDArray sums = weights.sum(2);
    int queries = block.block.queries();
    for (int b = 0; b < 8; b++) {
      for (int q = 0; q < queries; q++) {
        double sum = sums.getDouble(b, q);
        if (isRealQuery(mask, b, q, queries)) {
          assertEquals(1.0, sum, 1e-5, "sample " + b + " query " + q + " sums to " + sum);
        } else {
          // a padded query of local attention may see no real key in its window
          assertTrue(Math.abs(sum - 1) < 1e-5 || sum == 0, "padded query sums to " + sum);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void paddedKeysGetZeroWeightAndTheirValuesChangeNoRealOutput(VariantCase variant) {
    BlockGraph block = BlockGraph.of(variant, TOKENS, WIDTH, SEED);
    INDArray mask = paddedMask(8);
    INDArray tokens = tokens(8, 3);
    INDArray huge = tokens.dup();
    for (int b = 0; b < 8; b++) {
      for (int t = 0; t < TOKENS; t++) {
        if (mask.getDouble(b, t) == 0) {
          huge.get(point(b), point(t), all()).assign(1e6);
        }
      }
    }

    INDArray[] before = block.run(tokens, mask);
    INDArray[] after = block.run(huge, mask);

    int queries = block.block.queries();
    for (int b = 0; b < 8; b++) {
      for (int t = 0; t < TOKENS; t++) {
        if (mask.getDouble(b, t) == 0) {
          for (int q = 0; q < queries; q++) {
            assertEquals(0.0, after[1].getDouble(b, q, t), "weight on padded key " + t);
          }
        }
      }
      for (int q = 0; q < queries; q++) {
        if (isRealQuery(mask, b, q, queries)) {
          assertEquals(before[0].get(point(b), point(q), all()),
              after[0].get(point(b), point(q), all()), "output of sample " + b + " query " + q);
        }
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void gradientsAreFiniteAfterOneTrainingStep(VariantCase variant) {
    BlockGraph block = BlockGraph.of(variant, TOKENS, WIDTH, SEED);
    SameDiff graph = block.graph;
    SDVariable target = graph.placeHolder("target", block.block.output().dataType(), -1,
        block.block.queries(), WIDTH);
    SDVariable error = block.block.output().sub(target);
    graph.mean("loss", error.mul(error));
    graph.setLossVariables("loss");
    graph.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(1e-2))
        .dataSetFeatureMapping(BlockGraph.TOKENS, BlockGraph.KEY_MASK)
        .dataSetLabelMapping("target").build());
    INDArray tokens = tokens(8, 4);
    INDArray mask = paddedMask(8);
    INDArray targets = gaussian(7, 8, block.block.queries(), WIDTH);

    graph.fit(new MultiDataSet(new INDArray[] {tokens, mask}, new INDArray[] {targets}));
    List<String> trainable = new ArrayList<>();
    for (SDVariable v : graph.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        trainable.add(v.name());
      }
    }
    Map<String, INDArray> gradients = graph.calculateGradients(
        Map.of(BlockGraph.TOKENS, tokens, BlockGraph.KEY_MASK, mask, "target", targets),
        trainable);

    assertTrue(trainable.size() >= 2, "trainable variables: " + trainable);
    double total = 0;
    for (String name : trainable) {
      INDArray gradient = gradients.get(name);
      assertTrue(gradient != null, "no gradient for " + name);
      assertTrue(Double.isFinite(gradient.sumNumber().doubleValue())
          && Double.isFinite(gradient.norm2Number().doubleValue()), "gradient of " + name);
      total += gradient.norm2Number().doubleValue();
    }
    assertTrue(total > 0, "every gradient is zero");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void saveAndLoadGiveIdenticalOutputs(VariantCase variant) throws Exception {
    BlockGraph block = BlockGraph.of(variant, TOKENS, WIDTH, SEED);
    INDArray tokens = tokens(8, 5);
    INDArray mask = paddedMask(8);
    File file = folder.resolve(variant.variant().id() + ".sd").toFile();

    INDArray[] before = block.run(tokens, mask);
    block.graph.save(file, true);
    SameDiff loaded = SameDiff.load(file, true);
    INDArray[] after = block.run(loaded, tokens, mask);

    assertEquals(before[0], after[0], "output");
    assertEquals(before[1], after[1], "weights");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variants")
  void twoBlocksWithDifferentPrefixesShareOneGraph(VariantCase variant) {
    SameDiff graph = SameDiff.create();
    SDVariable input = graph.placeHolder("tokens", DataType.FLOAT,
        -1, TOKENS, WIDTH);
    SDVariable mask = graph.placeHolder("keyMask", DataType.FLOAT,
        -1, TOKENS);
    AttentionBlock first = variant.variant().build(graph, input, mask,
        new AttentionSpec("a/", TOKENS, WIDTH, variant.parameters(),
            1));
    AttentionBlock second = variant.variant().build(graph, input, mask,
        new AttentionSpec("b/", TOKENS, WIDTH, variant.parameters(),
            2));

    Map<String, INDArray> out = graph.output(Map.of("tokens", tokens(2, 6), "keyMask",
        Nd4j.ones(2, TOKENS)), first.output().name(), second.output().name());

    assertTrue(!out.get(first.output().name()).equals(out.get(second.output().name())),
        "the two blocks share weights");
  }

  /** Seeded normal tokens {@code [batch, TOKENS, WIDTH]}. */
  static INDArray tokens(int batch, long salt) {
    return gaussian(salt, batch, TOKENS, WIDTH);
  }

  /** Seeded standard normal values of the given shape. */
  static INDArray gaussian(long salt, long... shape) {
    Random random = new Random(SEED * 31 + salt);
    float[] values = new float[(int) Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return Nd4j.create(values, shape, 'c');
  }

  /**
   * A key mask with padding of several kinds: none (sample 0), at the end, at the start and
   * in the middle; every sample keeps at least four real tokens.
   */
  static INDArray paddedMask(int batch) {
    INDArray mask = Nd4j.ones(batch, TOKENS);
    for (int b = 1; b < batch; b++) {
      int kind = b % 3;
      int count = 1 + b % 4;
      for (int i = 0; i < count; i++) {
        int t = kind == 0 ? TOKENS - 1 - i : kind == 1 ? i : 3 + i;
        mask.putScalar(b, t, 0);
      }
    }
    return mask;
  }

  /** Queries that are token positions are real where their token is; pooled ones always. */
  private static boolean isRealQuery(INDArray mask, int sample, int query, int queries) {
    return queries != TOKENS || mask.getDouble(sample, query) == 1;
  }

  private static INDArrayIndex point(long i) {
    return NDArrayIndex.point(i);
  }

  private static INDArrayIndex all() {
    return NDArrayIndex.all();
  }
}
