package org.doppel.plugins.attention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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

class NoAttentionTest {

  private static AttentionBlock build(SameDiff graph, Map<String, ?> parameters) {
    SDVariable tokens = graph.placeHolder("tokens", DataType.FLOAT, -1, 6, 4);
    SDVariable mask = graph.placeHolder("mask", DataType.FLOAT, -1, 6);
    return new NoAttention().build(graph, tokens, mask, new AttentionSpec("attention", 6, 4,
        Parameters.of("attention/none", parameters), 1));
  }

  @Test
  void keepsTheShapeReturnsNoWeightsAndIgnoresPaddedTokens() {
    SameDiff graph = SameDiff.create();
    AttentionBlock block = build(graph, Map.of());
    Nd4j.getRandom().setSeed(3);
    INDArray tokens = Nd4j.randn(DataType.FLOAT, 2, 6, 4);
    INDArray mask = Nd4j.ones(DataType.FLOAT, 2, 6);
    mask.putScalar(new long[] {1, 5}, 0);
    INDArray huge = tokens.dup();
    huge.get(NDArrayIndex.point(1), NDArrayIndex.point(5), NDArrayIndex.all()).assign(1e6);

    INDArray out = graph.outputSingle(Map.of("tokens", tokens, "mask", mask),
        block.output().name());
    INDArray outHuge = graph.outputSingle(Map.of("tokens", huge, "mask", mask),
        block.output().name());

    assertNull(block.weights());
    assertArrayEquals(new long[] {2, 6, 4}, out.shape());
    assertEquals(out, outHuge);
  }

  @Test
  void anUnknownParameterIsNamed() {
    PluginException error = assertThrows(PluginException.class,
        () -> build(SameDiff.create(), Map.of("heads", 2)));
    assertTrue(error.getMessage().contains("heads"), error.getMessage());
  }
}
