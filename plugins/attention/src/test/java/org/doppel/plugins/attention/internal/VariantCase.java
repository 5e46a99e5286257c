package org.doppel.plugins.attention.internal;

import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.testkit.AttentionBlockFixture;

/** A variant with the parameters a test builds it with. */
record VariantCase(AttentionVariant variant, Map<String, Object> values) {

  /** Every variant of this bundle, with small but non-trivial parameters. */
  static List<VariantCase> all() {
    return List.of(
        new VariantCase(new DotProductAttention(), Map.of()),
        new VariantCase(new LearnedQueryAttention(), Map.of("queries", 2)),
        new VariantCase(new AdditiveAttention(), Map.of()),
        new VariantCase(new TopKAttention(), Map.of("k", 3)),
        new VariantCase(new LocalAttention(), Map.of("window", 2)));
  }

  /** This variant's block in a graph of its own, fed from placeholders. */
  AttentionBlockFixture fixture(int tokens, int width, long seed) {
    return AttentionBlockFixture.of(variant, parameters(), tokens, width, seed);
  }

  Parameters parameters() {
    return Parameters.of("attention/" + variant.id(), values);
  }

  @Override
  public String toString() {
    return variant.id() + values;
  }
}
