package org.doppel.plugins.attention;

import java.util.Set;
import org.doppel.plugins.attention.internal.Masks;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The same network without attention, for ablation: each token goes through its own small
 * feed-forward layer with a residual connection, and no token sees another (the surrogate's
 * head mixes them). Padded tokens are zeroed. Returns no weights.
 *
 * <p>Parameter: {@code hidden}, the width of the feed-forward layer (default: the token
 * width). Stateless and thread-safe.
 */
public final class NoAttention implements AttentionVariant {

  /** The variant's id in scenarios. */
  public static final String ID = "none";

  private static final Set<String> KNOWN = Set.of("hidden");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "no attention: a per-token feed-forward layer with a residual, for ablation";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    Parameters parameters = spec.parameters().requireOnly(KNOWN);
    int hidden = parameters.getInt("hidden", spec.width());
    if (hidden < 1) {
      throw new PluginException(parameters.owner() + ": parameter 'hidden' must be >= 1, got "
          + hidden);
    }
    int n = spec.tokens();
    int width = spec.width();
    String p = spec.prefix();

    SDVariable mask = Masks.spread(graph,
        graph.reshape(keyMask.castTo(tokens.dataType()), -1, n, 1), tokens);
    SDVariable x = tokens.mul(mask);
    SDVariable flat = graph.reshape(x, -1, width);
    SDVariable w1 = graph.var(p + "/ff1/W", SeededWeights.glorot(spec.seed(), p + "/ff1/W",
        width, hidden));
    SDVariable b1 = graph.var(p + "/ff1/b", SeededWeights.zeros(hidden));
    SDVariable w2 = graph.var(p + "/ff2/W", SeededWeights.glorot(spec.seed(), p + "/ff2/W",
        hidden, width));
    SDVariable b2 = graph.var(p + "/ff2/b", SeededWeights.zeros(width));
    SDVariable inner = graph.nn().relu(graph.mmul(flat, w1).add(b1), 0);
    SDVariable fed = graph.reshape(graph.mmul(inner, w2).add(b2), -1, n, width);

    // Masked again after the residual so a padded token leaves the block as zeros.
    SDVariable output = graph.identity(p + "/output", x.add(fed).mul(mask));
    return new AttentionBlock(output, null, n, width);
  }
}
