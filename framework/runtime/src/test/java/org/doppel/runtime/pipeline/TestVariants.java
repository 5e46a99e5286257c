package org.doppel.runtime.pipeline;

import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.sdk.attention.AttentionVariant;

/** The attention variants the pipeline tests run with, as plain objects. */
final class TestVariants {

  private TestVariants() {
  }

  static AttentionVariant multiHead() {
    return new MultiHeadAttention();
  }
}
