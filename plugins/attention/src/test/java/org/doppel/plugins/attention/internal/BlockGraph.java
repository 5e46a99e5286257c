package org.doppel.plugins.attention.internal;

import java.util.Map;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A graph holding one variant's block fed straight from placeholders {@code tokens}
 * {@code [batch, tokens, width]} and {@code keyMask} {@code [batch, tokens]}.
 */
final class BlockGraph {

  static final String TOKENS = "tokens";
  static final String KEY_MASK = "keyMask";

  final SameDiff graph;
  final AttentionBlock block;
  final AttentionSpec spec;

  private BlockGraph(SameDiff graph, AttentionBlock block, AttentionSpec spec) {
    this.graph = graph;
    this.block = block;
    this.spec = spec;
  }

  static BlockGraph of(VariantCase variant, int tokens, int width, long seed) {
    SameDiff graph = SameDiff.create();
    SDVariable input = graph.placeHolder(TOKENS, DataType.FLOAT, -1, tokens, width);
    SDVariable keyMask = graph.placeHolder(KEY_MASK, DataType.FLOAT, -1, tokens);
    AttentionSpec spec = new AttentionSpec("attn/", tokens, width, variant.parameters(), seed);
    AttentionBlock block = variant.variant().build(graph, input, keyMask, spec);
    return new BlockGraph(graph, block, spec);
  }

  /** The block's output and weights for these inputs, in that order. */
  INDArray[] run(INDArray tokens, INDArray keyMask) {
    return run(graph, tokens, keyMask);
  }

  INDArray[] run(SameDiff other, INDArray tokens, INDArray keyMask) {
    String output = block.output().name();
    String weights = block.weights().name();
    Map<String, INDArray> result = other.output(Map.of(TOKENS, tokens, KEY_MASK, keyMask),
        output, weights);
    return new INDArray[] {result.get(output), result.get(weights)};
  }
}
