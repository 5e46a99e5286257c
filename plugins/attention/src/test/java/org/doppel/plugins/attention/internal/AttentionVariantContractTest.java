package org.doppel.plugins.attention.internal;

import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.testkit.AttentionVariantContract;
import org.junit.jupiter.api.Nested;

/**
 * The SDK test kit's attention contract, run on every variant of this bundle with small but
 * non-trivial parameters.
 */
class AttentionVariantContractTest {

  @Nested
  class DotProduct extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new DotProductAttention();
    }
  }

  @Nested
  class LearnedQuery extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new LearnedQueryAttention();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("queries", 2);
    }
  }

  @Nested
  class Additive extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new AdditiveAttention();
    }
  }

  @Nested
  class TopK extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new TopKAttention();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("k", 3);
    }
  }

  @Nested
  class Local extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new LocalAttention();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("window", 2);
    }
  }

  @Nested
  class MultiHead extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new MultiHeadAttention();
    }

    @Override
    protected Map<String, Object> parameters() {
      return Map.of("heads", 2);
    }
  }

  /** No weights: the weight checks are skipped, the rest holds. */
  @Nested
  class None extends AttentionVariantContract {

    @Override
    protected AttentionVariant variant() {
      return new NoAttention();
    }
  }
}
