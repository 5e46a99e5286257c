package org.doppel.plugins.attention.internal;

import java.util.Set;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * {@code dot-product}: scaled dot-product self-attention with one head; every token is a
 * query and may attend to every real token. No parameters.
 */
public final class DotProductAttention implements AttentionVariant {

  static final String ID = "dot-product";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Scaled dot-product self-attention, one head";
  }

  @Override
  public AttentionBlock build(SameDiff graph, SDVariable tokens, SDVariable keyMask,
      AttentionSpec spec) {
    AttentionGraph.parameters(ID, spec, Set.of());
    return SelfAttention.build(graph, tokens, keyMask, spec,
        (g, scores, byMask) -> byMask);
  }
}
