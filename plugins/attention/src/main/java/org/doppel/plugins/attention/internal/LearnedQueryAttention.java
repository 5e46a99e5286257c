package org.doppel.plugins.attention.internal;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code learned-query}: attention pooling. A fixed set of trained query vectors, shared by
 * every sample, each attends over the tokens by scaled dot product; each query's output is
 * the weighted sum of the tokens' values. The weights are therefore what each query
 * learned to look for, independent of which token asks.
 *
 * <p>Parameter {@code queries} (default 1): the number of learned queries, 1 to 64.
 * Variables: {@code <prefix>learned_queries} {@code [queries, width]}, {@code key_weight},
 * {@code value_weight}.
 */
public final class LearnedQueryAttention implements AttentionVariant {

  static final String ID = "learned-query";
  static final String QUERIES = "queries";
  static final int MAX_QUERIES = 64;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Attention pooling with learned queries";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    Parameters parameters = AttentionGraph.parameters(ID, spec, Set.of(QUERIES));
    int count = AttentionGraph.intParameter(ID, parameters, QUERIES, 1, 1, MAX_QUERIES);
    String prefix = spec.prefix();
    int width = spec.width();

    SDVariable learned = AttentionGraph.weight(graph, prefix + "learned_queries", spec.seed(),
        count, width);
    SDVariable keys = AttentionGraph.project(graph, prefix + "key_weight", tokens, spec, width);
    SDVariable values = AttentionGraph.project(graph, prefix + "value_weight", tokens, spec,
        width);

    // keys times the queries' transpose, then [batch, tokens, q] -> [batch, q, tokens]
    SDVariable byToken = AttentionGraph.perToken(graph, keys, learned.permute(1, 0),
        spec.tokens(), width, count);
    SDVariable scores = graph.permute(byToken, 0, 2, 1).div(Math.sqrt(width));
    SDVariable weights = AttentionGraph.maskedSoftmax(graph, prefix + "weights", scores,
        AttentionGraph.keysOf(graph, keyMask));

    SDVariable output = graph.mmul(weights, values).rename(prefix + "output");
    return new AttentionBlock(output, weights, count, width);
  }
}
