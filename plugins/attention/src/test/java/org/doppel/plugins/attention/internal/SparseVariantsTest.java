package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.testkit.AttentionBlockFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The sparsity that {@code top-k} and {@code local} promise. */
class SparseVariantsTest {

  private static final int TOKENS = 10;
  private static final int WIDTH = 8;

  @ParameterizedTest(name = "k = {0}")
  @ValueSource(ints = {1, 3, 10})
  void topKKeepsExactlyKKeysPerQuery(int k) {
    AttentionBlockFixture block = new VariantCase(new TopKAttention(), Map.of("k", k))
        .fixture(TOKENS, WIDTH, 3);

    INDArray weights = block.run(AttentionBlockFixture.gaussian(11, 8, TOKENS, WIDTH),
        Nd4j.ones(8, TOKENS))[1];

    for (int b = 0; b < 8; b++) {
      for (int q = 0; q < TOKENS; q++) {
        assertEquals(k, nonZeros(weights, b, q), "sample " + b + " query " + q);
      }
    }
  }

  @Test
  void topKKeepsExactlyKEvenWhenScoresTie() {
    // identical tokens give every key the same score: the earliest k keys are kept
    AttentionBlockFixture block = new VariantCase(new TopKAttention(), Map.of("k", 4))
        .fixture(TOKENS, WIDTH, 3);

    INDArray weights = block.run(Nd4j.ones(2, TOKENS, WIDTH), Nd4j.ones(2, TOKENS))[1];

    for (int q = 0; q < TOKENS; q++) {
      assertEquals(4, nonZeros(weights, 0, q), "query " + q);
      assertEquals(0.25, weights.getDouble(0, q, 3), 1e-6);
      assertEquals(0.0, weights.getDouble(0, q, 4));
    }
  }

  @Test
  void topKKeepsEveryRealKeyWhenFewerThanKAreReal() {
    AttentionBlockFixture block = new VariantCase(new TopKAttention(), Map.of("k", 6))
        .fixture(TOKENS, WIDTH, 3);
    INDArray mask = Nd4j.ones(1, TOKENS);
    for (int t = 0; t < 6; t++) {
      mask.putScalar(0, t, 0);
    }

    INDArray weights = block.run(AttentionBlockFixture.gaussian(12, 1, TOKENS, WIDTH), mask)[1];

    for (int q = 6; q < TOKENS; q++) {
      assertEquals(4, nonZeros(weights, 0, q), "query " + q);
    }
  }

  @ParameterizedTest(name = "window = {0}")
  @ValueSource(ints = {0, 1, 3})
  void localGivesNoWeightOutsideItsWindowAndSomeInside(int window) {
    AttentionBlockFixture block = new VariantCase(new LocalAttention(), Map.of("window", window))
        .fixture(TOKENS, WIDTH, 5);

    INDArray weights = block.run(AttentionBlockFixture.gaussian(13, 8, TOKENS, WIDTH),
        Nd4j.ones(8, TOKENS))[1];

    for (int b = 0; b < 8; b++) {
      for (int q = 0; q < TOKENS; q++) {
        for (int key = 0; key < TOKENS; key++) {
          double weight = weights.getDouble(b, q, key);
          if (Math.abs(q - key) > window) {
            assertEquals(0.0, weight, "query " + q + " key " + key);
          } else {
            assertTrue(weight > 0, "query " + q + " key " + key + " inside the window");
          }
        }
      }
    }
  }

  private static int nonZeros(INDArray weights, int sample, int query) {
    int count = 0;
    for (int key = 0; key < weights.size(2); key++) {
      if (weights.getDouble(sample, query, key) != 0) {
        count++;
      }
    }
    return count;
  }
}
