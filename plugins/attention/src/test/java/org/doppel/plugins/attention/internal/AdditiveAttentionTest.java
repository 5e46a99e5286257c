package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.doppel.sdk.Parameters;
import org.doppel.sdk.testkit.AttentionBlockFixture;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The packed encoder of {@code additive} computes the block its Javadoc defines: a tanh cell
 * stepped over the window one token at a time, a padded token keeping the previous state.
 * The reference here is that definition written out step by step with plain arrays, fed
 * the block's own weights.
 */
class AdditiveAttentionTest {

  private static final int TOKENS = 10;
  private static final int WIDTH = 6;
  private static final int BATCH = 7;

  @Test
  void weightsEqualAStepByStepEncoderThatHoldsItsStateOverPadding() {
    AttentionBlockFixture fixture = AttentionBlockFixture.of(new AdditiveAttention(),
        Parameters.empty(), TOKENS, WIDTH, AttentionBlockFixture.SEED);
    INDArray tokens = AttentionBlockFixture.gaussian(5, BATCH, TOKENS, WIDTH);
    INDArray mask = AttentionBlockFixture.paddedMask(BATCH, TOKENS);
    mask.putScalar(BATCH - 1, 0, 0);

    INDArray weights = fixture.run(tokens, mask)[1];

    for (int b = 0; b < BATCH; b++) {
      INDArray expected = referenceWeights(fixture, tokens.slice(b), mask.getRow(b));
      INDArray actual = weights.get(NDArrayIndex.point(b), NDArrayIndex.point(0),
          NDArrayIndex.all());
      for (int t = 0; t < TOKENS; t++) {
        assertEquals(expected.getDouble(t), actual.getDouble(t), 1e-5,
            "weight of token " + t + " in sample " + b + " (mask " + mask.getRow(b) + ")");
      }
    }
  }

  /** One sample's weights {@code [tokens]} from the block's definition. */
  private static INDArray referenceWeights(AttentionBlockFixture fixture, INDArray sample,
      INDArray mask) {
    INDArray input = variable(fixture, "encoder_input_weight");
    INDArray recurrent = variable(fixture, "encoder_recurrent_weight");
    INDArray bias = variable(fixture, "encoder_bias").reshape(1, WIDTH);
    INDArray stateWeight = variable(fixture, "score_state_weight");
    INDArray queryWeight = variable(fixture, "score_query_weight");
    INDArray scoreVector = variable(fixture, "score_vector");

    INDArray states = Nd4j.zeros(sample.dataType(), TOKENS, WIDTH);
    INDArray state = Nd4j.zeros(sample.dataType(), 1, WIDTH);
    for (int t = 0; t < TOKENS; t++) {
      if (mask.getDouble(t) != 0) {
        INDArray token = sample.getRow(t).reshape(1, WIDTH);
        state = Transforms.tanh(token.mmul(input).add(bias).add(state.mmul(recurrent)));
      }
      states.putRow(t, state);
    }

    INDArray asked = states.getRow(TOKENS - 1).reshape(1, WIDTH).mmul(queryWeight);
    INDArray energy = Transforms.tanh(states.mmul(stateWeight).addRowVector(asked));
    INDArray scores = energy.mmul(scoreVector).reshape(TOKENS);
    double top = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < TOKENS; t++) {
      if (mask.getDouble(t) != 0) {
        top = Math.max(top, scores.getDouble(t));
      }
    }
    INDArray weights = Nd4j.zeros(sample.dataType(), TOKENS);
    double total = 0;
    for (int t = 0; t < TOKENS; t++) {
      if (mask.getDouble(t) != 0) {
        double e = Math.exp(scores.getDouble(t) - top);
        weights.putScalar(t, e);
        total += e;
      }
    }
    return weights.divi(total);
  }

  private static INDArray variable(AttentionBlockFixture fixture, String name) {
    return fixture.graph().getVariable(fixture.spec().prefix() + name).getArr();
  }
}
