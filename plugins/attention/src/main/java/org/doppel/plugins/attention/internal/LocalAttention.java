package org.doppel.plugins.attention.internal;

import java.util.Set;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code local}: scaled dot-product self-attention in which the token at position i may
 * attend only to positions j with {@code |i - j| <= window}; every other key gets exactly
 * zero weight.
 *
 * <p>A real token always sees itself, so its weights sum to one; a padded token whose
 * whole window is padding has all-zero weights (its output is meaningless anyway).
 *
 * <p>Parameter {@code window} (default 4): the radius of the window in tokens, 0 up to
 * {@code tokens - 1}; 0 lets each token see only itself.
 */
public final class LocalAttention implements AttentionVariant {

  static final String ID = "local";
  static final String WINDOW = "window";
  static final int DEFAULT_WINDOW = 4;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Self-attention restricted to a window of tokens around each position";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    Parameters parameters = AttentionGraph.parameters(ID, spec, Set.of(WINDOW));
    int window = AttentionGraph.intParameter(ID, parameters, WINDOW,
        Math.min(DEFAULT_WINDOW, spec.tokens() - 1), 0, spec.tokens() - 1);

    SDVariable band = graph.constant(spec.prefix() + "window",
        AttentionGraph.positionMatrix(spec.tokens(), (q, k) -> Math.abs(q - k) <= window));
    return SelfAttention.build(graph, tokens, keyMask, spec,
        (g, scores, byMask) -> byMask.mul(band));
  }
}
