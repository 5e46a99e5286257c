package org.doppel.plugins.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class MultiHeadAttentionTest {

  private static final int TOKENS = 24;
  private static final int WIDTH = 8;

  /** The block in a graph of its own, with placeholders for tokens and key mask. */
  private static final class Harness {
    final SameDiff graph = SameDiff.create();
    final AttentionBlock block;

    Harness(Map<String, ?> parameters) {
      SDVariable tokens = graph.placeHolder("tokens", DataType.FLOAT, -1, TOKENS, WIDTH);
      SDVariable mask = graph.placeHolder("mask", DataType.FLOAT, -1, TOKENS);
      block = new MultiHeadAttention().build(graph, tokens, mask, new AttentionSpec(
          "attention", TOKENS, WIDTH, Parameters.of("attention/multi-head", parameters), 42));
    }

    INDArray[] run(INDArray tokens, INDArray mask) {
      Map<String, INDArray> out = graph.output(Map.of("tokens", tokens, "mask", mask),
          block.output().name(), block.weights().name());
      return new INDArray[] {out.get(block.output().name()), out.get(block.weights().name())};
    }
  }

  private static INDArray tokens(int batch) {
    Nd4j.getRandom().setSeed(7);
    return Nd4j.randn(DataType.FLOAT, batch, TOKENS, WIDTH);
  }

  @Test
  void shapesForBatchesOfOneAnd64() {
    Harness harness = new Harness(Map.of("heads", 4));

    for (int batch : new int[] {1, 64}) {
      INDArray[] out = harness.run(tokens(batch), Nd4j.ones(DataType.FLOAT, batch, TOKENS));
      assertArrayEquals(new long[] {batch, TOKENS, WIDTH}, out[0].shape());
      assertArrayEquals(new long[] {batch, TOKENS, TOKENS}, out[1].shape());
    }
    assertEquals(TOKENS, harness.block.queries());
    assertEquals(WIDTH, harness.block.width());
  }

  @Test
  void weightsAreNonNegativeAndSumToOnePerQuery() {
    INDArray weights = new Harness(Map.of("heads", 2)).run(tokens(3),
        Nd4j.ones(DataType.FLOAT, 3, TOKENS))[1];

    assertTrue(weights.minNumber().doubleValue() >= 0);
    INDArray sums = weights.sum(2);
    assertTrue(sums.sub(1).amaxNumber().doubleValue() < 1e-5, sums.toString());
  }

  /**
   * C03: two sequences of 24 and 22 real steps in one batch. Padded values set to 1e6
   * instead of 0 change no output at a real step, and padded keys get zero weight.
   */
  @Test
  void paddedStepsChangeNothingAndGetZeroWeight() {
    Harness harness = new Harness(Map.of("heads", 4));
    INDArray mask = Nd4j.ones(DataType.FLOAT, 2, TOKENS);
    mask.putScalar(new long[] {1, 22}, 0);
    mask.putScalar(new long[] {1, 23}, 0);
    INDArray zeros = tokens(2);
    zeros.get(NDArrayIndex.point(1), NDArrayIndex.interval(22, 24), NDArrayIndex.all())
        .assign(0);
    INDArray huge = zeros.dup();
    huge.get(NDArrayIndex.point(1), NDArrayIndex.interval(22, 24), NDArrayIndex.all())
        .assign(1e6);

    INDArray[] withZeros = harness.run(zeros, mask);
    INDArray[] withHuge = harness.run(huge, mask);

    INDArray realOutputs = withZeros[0].get(NDArrayIndex.point(1),
        NDArrayIndex.interval(0, 22), NDArrayIndex.all());
    assertEquals(realOutputs, withHuge[0].get(NDArrayIndex.point(1),
        NDArrayIndex.interval(0, 22), NDArrayIndex.all()));
    assertEquals(withZeros[0].slice(0), withHuge[0].slice(0));
    INDArray paddedKeys = withHuge[1].get(NDArrayIndex.point(1), NDArrayIndex.all(),
        NDArrayIndex.interval(22, 24));
    assertEquals(0.0, paddedKeys.amaxNumber().doubleValue());
    assertEquals(1.0, withHuge[1].slice(1).sum(1).minNumber().doubleValue(), 1e-5);
  }

  @Test
  void anUnknownParameterIsNamed() {
    PluginException error = assertThrows(PluginException.class,
        () -> new Harness(Map.of("heads", 4, "window", 3)));
    assertTrue(error.getMessage().contains("window"), error.getMessage());
  }

  @Test
  void headsThatDoNotDivideTheTokenWidthAreRefusedNamingHeads() {
    PluginException error = assertThrows(PluginException.class,
        () -> new Harness(Map.of("heads", 3)));
    assertTrue(error.getMessage().contains("'heads' (3) must divide the token width"),
        error.getMessage());
  }

  @Test
  void aWidthThatHeadsDoNotDivideIsRefusedNamingWidth() {
    PluginException error = assertThrows(PluginException.class,
        () -> new Harness(Map.of("heads", 3, "width", 8)));
    assertTrue(error.getMessage().contains("'width' must be a positive multiple of heads (3)"),
        error.getMessage());
  }
}
