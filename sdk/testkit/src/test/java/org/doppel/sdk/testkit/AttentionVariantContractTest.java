package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;
import org.opentest4j.AssertionFailedError;

class AttentionVariantContractTest {

  /**
   * One learned query: score_t = v · token_t, padded keys pushed to -1e9, softmax over
   * tokens; the output is the weighted sum of the tokens. {@code scale} multiplies the
   * weights (1 for a right variant).
   */
  static AttentionVariant pooling(String id, double scale) {
    return new AttentionVariant() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public String description() {
        return "learned-query pooling for the test kit's tests";
      }

      @Override
      public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
          AttentionSpec spec) {
        Random random = new Random(spec.seed());
        float[] init = new float[spec.width()];
        for (int i = 0; i < init.length; i++) {
          init[i] = (float) (random.nextGaussian() / Math.sqrt(spec.width()));
        }
        SDVariable query = graph.var(spec.prefix() + "query",
            Nd4j.create(init, new long[] {1, 1, spec.width()}, 'c'));
        SDVariable scores = tokens.mul(query).sum(2).add(keyMask.sub(1.0).mul(1e9));
        SDVariable weights = graph.nn().softmax(scores, 1).mul(scale);
        SDVariable pooled = tokens.mul(graph.expandDims(weights, 2)).sum(1);
        return new AttentionBlock(graph.expandDims(spec.prefix() + "output", pooled, 1),
            graph.expandDims(spec.prefix() + "weights", weights, 1), 1, spec.width());
      }
    };
  }

  @Nested
  class OnARightVariant extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return pooling("test-pooling", 1);
    }
  }

  @Test
  void weightsThatDoNotSumToOneFailNamingTheQueryAndTheSum() {
    AttentionVariantContract contract = new AttentionVariantContract() {
      @Override
      protected AttentionVariant variant() {
        return pooling("test-short", 0.82);
      }
    };

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        contract::weightsAreNonNegativeAndSumToOnePerQuery);

    assertEquals("test-short: attention weights of query 0 (sample 0) sum to 0.8200, not 1",
        error.getMessage());
  }

  @Test
  void weightsOfTheWrongShapeFailNamingBothShapes() {
    AttentionVariant wide = new AttentionVariant() {
      @Override
      public String id() {
        return "test-wide";
      }

      @Override
      public String description() {
        return "reports one query too many";
      }

      @Override
      public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
          AttentionSpec spec) {
        AttentionBlock block = pooling(id(), 1).build(graph, tokens, keyMask, spec);
        return new AttentionBlock(block.output(), block.weights(), 2, block.width());
      }
    };
    AttentionVariantContract wrong = new AttentionVariantContract() {
      @Override
      protected AttentionVariant variant() {
        return wide;
      }
    };

    AssertionFailedError error = assertThrows(AssertionFailedError.class,
        wrong::outputAndWeightsHaveTheDocumentedShapesForBatchOneAndEight);

    assertEquals("test-wide: the block's output has shape [1, 1, 8], expected [batch,"
        + " queries, width] = [1, 2, 8]", error.getMessage());
  }
}
