package org.doppel.plugins.attention.internal;

import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * One head of scaled dot-product self-attention whose allowed keys a variant may narrow
 * (to a window, to the k best): the common body of {@code dot-product}, {@code local} and
 * {@code top-k}.
 *
 * <p>Variables: {@code <prefix>query_weight}, {@code key_weight}, {@code value_weight},
 * {@code output_weight}; outputs {@code <prefix>weights} {@code [batch, tokens, tokens]} and
 * {@code <prefix>output} {@code [batch, tokens, width]}. Stateless.
 */
final class SelfAttention {

  private SelfAttention() {
  }

  /** Narrows the allowed keys given the raw scores; both {@code [batch, tokens, tokens]}. */
  @FunctionalInterface
  interface Restriction {
    SDVariable allowed(SameDiff graph, SDVariable scores, SDVariable allowedByMask);
  }

  static AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec, Restriction restriction) {
    String prefix = spec.prefix();
    int width = spec.width();
    SDVariable queries = AttentionGraph.project(graph, prefix + "query_weight", tokens, spec,
        width);
    SDVariable keys = AttentionGraph.project(graph, prefix + "key_weight", tokens, spec, width);
    SDVariable values = AttentionGraph.project(graph, prefix + "value_weight", tokens, spec,
        width);

    SDVariable scores = AttentionGraph.scaledScores(graph, queries, keys, width);
    SDVariable byMask = AttentionGraph.keysOf(graph, keyMask);
    SDVariable allowed = restriction.allowed(graph, scores, byMask);
    SDVariable weights = AttentionGraph.maskedSoftmax(graph, prefix + "weights", scores,
        allowed);

    // the output projection mixes the attended values back into the token width
    SDVariable attended = graph.mmul(weights, values);
    SDVariable output = AttentionGraph.project(graph, prefix + "output_weight", attended, spec,
        width);
    return new AttentionBlock(output.rename(prefix + "output"), weights, spec.tokens(), width);
  }
}
