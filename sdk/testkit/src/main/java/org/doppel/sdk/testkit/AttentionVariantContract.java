package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The contract of an {@link AttentionVariant} plugin: the block's output and weights have
 * the documented shapes, the weights are a distribution over the real tokens of each query
 * (non-negative, summing to one, zero on padded keys), padding never changes a real output,
 * gradients are finite, and a saved and loaded graph gives identical results.
 *
 * <pre>{@code
 * class TopKContractTest extends AttentionVariantContract {
 *   protected AttentionVariant variant() {
 *     return new TopKAttention();
 *   }
 *
 *   protected Map<String, Object> parameters() {
 *     return Map.of("k", 3);
 *   }
 * }
 * }</pre>
 *
 * <p>Needs an ND4J backend on the test class path (the test kit brings the CPU one).
 */
public abstract class AttentionVariantContract {

  private static final int BATCH = 8;

  /** The variant under test, as the bundle registers it. */
  protected abstract AttentionVariant variant();

  /** The scenario parameters the block is built with; none by default. */
  protected Map<String, Object> parameters() {
    return Map.of();
  }

  /** Input tokens per window; 10 by default (at least 8). */
  protected int tokens() {
    return 10;
  }

  /** Width of each token; 8 by default. */
  protected int width() {
    return 8;
  }

  /** How far a weight sum may be from one; 1e-5 by default (float arithmetic). */
  protected double tolerance() {
    return 1e-5;
  }

  @Test
  void identifiesItselfAsAnAttentionVariant() {
    AttentionVariant variant = variant();

    Contracts.requireId(variant);
    assertEquals(PluginType.ATTENTION, variant.type(), variant.id() + ": type()");
  }

  @Test
  void outputAndWeightsHaveTheDocumentedShapesForBatchOneAndEight() {
    AttentionBlockFixture fixture = fixture(AttentionBlockFixture.SEED);
    AttentionBlock block = fixture.block();

    for (int batch : new int[] {1, BATCH}) {
      INDArray[] result = fixture.run(tokens(batch, 1), Nd4j.ones(batch, tokens()));

      requireShape("output", new long[] {batch, block.queries(), width()}, result[0]);
      if (block.weights() != null) {
        requireShape("attention weights", new long[] {batch, block.queries(), tokens()},
            result[1]);
      }
    }
  }

  @Test
  void weightsAreNonNegativeAndSumToOnePerQuery() {
    AttentionBlockFixture fixture = fixture(AttentionBlockFixture.SEED);
    requireWeights(fixture);
    INDArray mask = AttentionBlockFixture.paddedMask(BATCH, tokens());

    INDArray weights = fixture.run(tokens(BATCH, 2), mask)[1];

    int queries = fixture.block().queries();
    for (int b = 0; b < BATCH; b++) {
      for (int q = 0; q < queries; q++) {
        double sum = 0;
        for (int t = 0; t < tokens(); t++) {
          double weight = weights.getDouble(b, q, t);
          if (!(weight >= 0)) {
            fail(id() + ": attention weight of sample " + b + ", query " + q + ", token " + t
                + " is " + weight + "; weights must be non-negative");
          }
          sum += weight;
        }
        boolean realQuery = isRealQuery(mask, b, q, queries);
        // a padded query of a local variant may see no real key in its window
        boolean allowedEmpty = !realQuery && sum == 0;
        if (Math.abs(sum - 1) > tolerance() && !allowedEmpty) {
          fail(id() + ": attention weights of query " + q + " (sample " + b + ") sum to "
              + String.format("%.4g", sum) + ", not 1");
        }
      }
    }
  }

  @Test
  void paddedKeysGetZeroWeightAndTheirValuesChangeNoRealOutput() {
    AttentionBlockFixture fixture = fixture(AttentionBlockFixture.SEED);
    requireWeights(fixture);
    INDArray mask = AttentionBlockFixture.paddedMask(BATCH, tokens());
    INDArray tokens = tokens(BATCH, 3);
    INDArray huge = tokens.dup();
    for (int b = 0; b < BATCH; b++) {
      for (int t = 0; t < tokens(); t++) {
        if (mask.getDouble(b, t) == 0) {
          huge.get(NDArrayIndex.point(b), NDArrayIndex.point(t), NDArrayIndex.all())
              .assign(1e6);
        }
      }
    }

    INDArray[] before = fixture.run(tokens, mask);
    INDArray[] after = fixture.run(huge, mask);

    int queries = fixture.block().queries();
    for (int b = 0; b < BATCH; b++) {
      for (int t = 0; t < tokens(); t++) {
        for (int q = 0; q < queries && mask.getDouble(b, t) == 0; q++) {
          double weight = after[1].getDouble(b, q, t);
          if (weight != 0) {
            fail(id() + ": padded key " + t + " of sample " + b + " has weight " + weight
                + " for query " + q + "; padded keys must get zero weight");
          }
        }
      }
      for (int q = 0; q < queries; q++) {
        if (isRealQuery(mask, b, q, queries)) {
          INDArray real = before[0].get(NDArrayIndex.point(b), NDArrayIndex.point(q),
              NDArrayIndex.all());
          INDArray padded = after[0].get(NDArrayIndex.point(b), NDArrayIndex.point(q),
              NDArrayIndex.all());
          assertEquals(real, padded, id() + ": the output of sample " + b + ", query " + q
              + " changed when only padded tokens changed");
        }
      }
    }
  }

  @Test
  void gradientsAreFiniteAfterOneTrainingStep() {
    AttentionBlockFixture fixture = fixture(AttentionBlockFixture.SEED);
    AttentionBlock block = fixture.block();
    SameDiff graph = fixture.graph();
    SDVariable target = graph.placeHolder("target", block.output().dataType(), -1,
        block.queries(), width());
    SDVariable error = block.output().sub(target);
    graph.mean("loss", error.mul(error));
    graph.setLossVariables("loss");
    graph.setTrainingConfig(new TrainingConfig.Builder().updater(new Adam(1e-2))
        .dataSetFeatureMapping(AttentionBlockFixture.TOKENS, AttentionBlockFixture.KEY_MASK)
        .dataSetLabelMapping("target").build());
    INDArray tokens = tokens(BATCH, 4);
    INDArray mask = AttentionBlockFixture.paddedMask(BATCH, tokens());
    INDArray targets = AttentionBlockFixture.gaussian(7, BATCH, block.queries(), width());

    graph.fit(new MultiDataSet(new INDArray[] {tokens, mask}, new INDArray[] {targets}));
    List<String> trainable = new ArrayList<>();
    for (SDVariable v : graph.variables()) {
      if (v.getVariableType() == VariableType.VARIABLE) {
        trainable.add(v.name());
      }
    }
    Map<String, INDArray> gradients = graph.calculateGradients(
        Map.of(AttentionBlockFixture.TOKENS, tokens, AttentionBlockFixture.KEY_MASK, mask,
            "target", targets), trainable);

    double total = 0;
    for (String name : trainable) {
      INDArray gradient = gradients.get(name);
      if (gradient == null) {
        fail(id() + ": variable " + name + " gets no gradient");
      }
      double norm = gradient.norm2Number().doubleValue();
      if (!Double.isFinite(norm) || !Double.isFinite(gradient.sumNumber().doubleValue())) {
        fail(id() + ": the gradient of " + name + " is not finite (norm " + norm + ")");
      }
      total += norm;
    }
    assertTrue(!trainable.isEmpty() && total > 0, id() + ": no variable of the block learns"
        + " (trainable: " + trainable + ")");
  }

  @Test
  void saveAndLoadGiveIdenticalOutputsAndWeights() throws IOException {
    AttentionBlockFixture fixture = fixture(AttentionBlockFixture.SEED);
    INDArray tokens = tokens(BATCH, 5);
    INDArray mask = AttentionBlockFixture.paddedMask(BATCH, tokens());
    Path folder = Files.createTempDirectory("doppel-attention-contract");
    File file = folder.resolve(id() + ".sd").toFile();

    try {
      INDArray[] before = fixture.run(tokens, mask);
      fixture.graph().save(file, true);
      SameDiff loaded = SameDiff.load(file, true);
      INDArray[] after = fixture.run(loaded, tokens, mask);

      assertEquals(before[0], after[0], id() + ": the output changed through save and load");
      assertEquals(before[1], after[1], id() + ": the weights changed through save and load");
    } finally {
      Files.deleteIfExists(file.toPath());
      Files.deleteIfExists(folder);
    }
  }

  @Test
  void twoBlocksWithDifferentPrefixesShareOneGraph() {
    SameDiff graph = SameDiff.create();
    SDVariable input = graph.placeHolder("tokens", DataType.FLOAT, -1, tokens(), width());
    SDVariable mask = graph.placeHolder("keyMask", DataType.FLOAT, -1, tokens());
    AttentionBlock first = variant().build(graph, input, mask,
        new AttentionSpec("a/", tokens(), width(), parameters(id()), 1));
    AttentionBlock second = variant().build(graph, input, mask,
        new AttentionSpec("b/", tokens(), width(), parameters(id()), 2));

    Map<String, INDArray> out = graph.output(Map.of("tokens", tokens(2, 6), "keyMask",
        Nd4j.ones(2, tokens())), first.output().name(), second.output().name());

    assertTrue(!out.get(first.output().name()).equals(out.get(second.output().name())),
        id() + ": two blocks built with different prefixes and seeds give the same output;"
            + " do they share their weights?");
  }

  /** A variant without attention weights (such as {@code none}) skips the weight checks. */
  private void requireWeights(AttentionBlockFixture fixture) {
    Assumptions.assumeTrue(fixture.block().weights() != null,
        () -> id() + " has no attention weights");
  }

  private AttentionBlockFixture fixture(long seed) {
    return AttentionBlockFixture.of(variant(), parameters(id()), tokens(), width(), seed);
  }

  private Parameters parameters(String id) {
    return Parameters.of("attention/" + id, parameters());
  }

  private String id() {
    return variant().id();
  }

  private INDArray tokens(int batch, long salt) {
    return AttentionBlockFixture.gaussian(salt, batch, tokens(), width());
  }

  private void requireShape(String what, long[] expected, INDArray actual) {
    if (actual == null) {
      fail(id() + ": the block's " + what + " is null");
    }
    if (!Arrays.equals(expected, actual.shape())) {
      fail(id() + ": the block's " + what + " has shape " + Arrays.toString(actual.shape())
          + ", expected [batch, queries, " + (what.equals("output") ? "width" : "tokens")
          + "] = " + Arrays.toString(expected));
    }
  }

  /** Queries that are token positions are real where their token is; pooled ones always. */
  private boolean isRealQuery(INDArray mask, int sample, int query, int queries) {
    return queries != tokens() || mask.getDouble(sample, query) == 1;
  }
}
