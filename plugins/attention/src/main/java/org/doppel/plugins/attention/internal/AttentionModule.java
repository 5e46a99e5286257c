package org.doppel.plugins.attention.internal;

import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.sdk.wiring.PluginModule;

/** What the attention bundle contributes: one line per variant. */
public final class AttentionModule extends PluginModule {

  @Override
  protected void contribute() {
    addAttentionVariant(MultiHeadAttention.class);
    addAttentionVariant(DotProductAttention.class);
    addAttentionVariant(LearnedQueryAttention.class);
    addAttentionVariant(AdditiveAttention.class);
    addAttentionVariant(TopKAttention.class);
    addAttentionVariant(LocalAttention.class);
    addAttentionVariant(NoAttention.class);
  }
}
