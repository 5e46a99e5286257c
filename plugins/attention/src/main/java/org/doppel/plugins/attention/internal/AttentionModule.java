package org.doppel.plugins.attention.internal;

import org.doppel.sdk.wiring.PluginModule;

/** What the attention bundle contributes: one service per attention variant. */
public final class AttentionModule extends PluginModule {

  @Override
  protected void contribute() {
    addAttentionVariant(DotProductAttention.class);
    addAttentionVariant(LearnedQueryAttention.class);
    addAttentionVariant(AdditiveAttention.class);
    addAttentionVariant(TopKAttention.class);
    addAttentionVariant(LocalAttention.class);
  }
}
