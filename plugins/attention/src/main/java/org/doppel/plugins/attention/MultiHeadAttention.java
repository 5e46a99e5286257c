package org.doppel.plugins.attention;

import java.util.Set;
import org.doppel.plugins.attention.internal.Masks;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.attention.HeadLayout;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Multi-head scaled dot-product self-attention over the tokens, with a residual connection.
 *
 * <p>Parameters: {@code heads} (default 4) and {@code width}, the width of the query, key
 * and value projections over all heads (default: the token width); {@code width} must be a
 * multiple of {@code heads}. Every token is a query; the weights returned are those of the
 * softmax the block used, averaged over heads, {@code [batch, tokens, tokens]}.
 *
 * <p>Padded tokens are zeroed before the projections and their keys get a score of
 * {@code -1e9}, so their weight is exactly 0 and their values cannot reach a real query.
 * A query whose keys are all padded gets uniform weights. Stateless and thread-safe.
 */
public final class MultiHeadAttention implements AttentionVariant {

  /** The variant's id in scenarios. */
  public static final String ID = "multi-head";

  private static final Set<String> KNOWN = Set.of("heads", "width");
  private static final double MASKED_SCORE = 1e9;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "multi-head scaled dot-product self-attention (heads, width), weights averaged "
        + "over heads";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    Parameters parameters = spec.parameters().requireOnly(KNOWN);
    int heads = parameters.getInt("heads", 4);
    int inner = parameters.getInt("width", spec.width());
    if (heads < 1) {
      throw new PluginException(parameters.owner() + ": parameter 'heads' must be >= 1, got "
          + heads);
    }
    if (inner < 1 || inner % heads != 0) {
      throw new PluginException(parameters.owner() + (parameters.has("width")
          ? ": parameter 'width' must be a positive multiple of heads (" + heads + "), got "
              + inner
          : ": parameter 'heads' (" + heads + ") must divide the token width " + inner
              + " (or set 'width', the projections' width, to a multiple of heads)"));
    }
    int n = spec.tokens();
    int d = inner / heads;
    String p = spec.prefix();

    // Zeroing padded tokens first keeps any value written there (even 1e6) out of every
    // projection, so real positions cannot depend on it.
    SDVariable mask = keyMask.castTo(tokens.dataType());
    SDVariable x = tokens.mul(Masks.spread(graph, graph.reshape(mask, -1, n, 1), tokens));

    // The head count enters the graph only through these shape constants (not through op
    // arguments), so prune-structured can remove whole heads by cutting the projections
    // and rewriting the constants; see HeadLayout.
    SDVariable headSplit = shape(graph, p + HeadLayout.HEAD_SPLIT, -1, n, heads, d);
    SDVariable perHead = shape(graph, p + HeadLayout.PER_HEAD, -1, heads, n, n);
    SDVariable contextSplit = shape(graph, p + HeadLayout.CONTEXT_SPLIT, -1, heads, n, d);
    SDVariable mergedShape = shape(graph, p + HeadLayout.MERGED, -1, inner);

    SDVariable q = headsFirst(graph, project(graph, x, p + "/q", spec, inner), headSplit, n, d);
    SDVariable k = headsFirst(graph, project(graph, x, p + "/k", spec, inner), headSplit, n, d);
    SDVariable v = headsFirst(graph, project(graph, x, p + "/v", spec, inner), headSplit, n, d);

    // Scores per head, [batch * heads, tokens, tokens]; padded keys pushed to -1e9 so the
    // softmax gives them exactly zero weight.
    SDVariable scores = graph.mmul(q, k, false, true, false).mul(1.0 / Math.sqrt(d));
    SDVariable keyBias = graph.reshape(mask.sub(1.0).mul(MASKED_SCORE), -1, 1, 1, n);
    SDVariable byHead = graph.reshape(scores, perHead);
    SDVariable biased = graph.reshape(byHead.add(Masks.spread(graph, keyBias, byHead)),
        -1, n, n);
    SDVariable weights = graph.nn().softmax(biased, 2);

    SDVariable context = graph.mmul(weights, v);
    SDVariable merged = graph.reshape(graph.permute(graph.reshape(context, contextSplit),
        0, 2, 1, 3), mergedShape);
    SDVariable wo = graph.var(p + "/out/W", SeededWeights.glorot(spec.seed(), p + "/out/W",
        inner, spec.width()));
    SDVariable bo = graph.var(p + "/out/b", SeededWeights.zeros(spec.width()));
    SDVariable attended = graph.reshape(graph.mmul(merged, wo).add(bo), -1, n, spec.width());

    SDVariable output = graph.identity(p + "/output", x.add(attended));
    SDVariable averaged = graph.identity(p + "/weights",
        graph.reshape(weights, perHead).mean(1));
    return new AttentionBlock(output, averaged, n, spec.width());
  }

  private static SDVariable project(SameDiff graph, SDVariable x, String name,
      AttentionSpec spec, int inner) {
    SDVariable w = graph.var(name + "/W", SeededWeights.glorot(spec.seed(), name + "/W",
        spec.width(), inner));
    SDVariable b = graph.var(name + "/b", SeededWeights.zeros(inner));
    return graph.mmul(graph.reshape(x, -1, spec.width()), w).add(b);
  }

  /** {@code [batch * tokens, heads * d]} to {@code [batch * heads, tokens, d]}. */
  private static SDVariable headsFirst(SameDiff graph, SDVariable projected,
      SDVariable headSplit, int tokens, int d) {
    SDVariable split = graph.reshape(projected, headSplit);
    return graph.reshape(graph.permute(split, 0, 2, 1, 3), -1, tokens, d);
  }

  private static SDVariable shape(SameDiff graph, String name, long... dimensions) {
    return graph.constant(name, Nd4j.createFromArray(dimensions));
  }
}
