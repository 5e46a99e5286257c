package org.doppel.runtime.pipeline;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.attention.AttentionVariant;

/** The attention variants the pipeline tests run with, as plain objects. */
final class TestVariants {

  private TestVariants() {
  }

  static AttentionVariant multiHead() {
    return new MultiHeadAttention();
  }

  /** Every variant the attention bundle contributes, wired by its own module, by id. */
  static List<AttentionVariant> all() {
    Set<Plugin> plugins = Guice.createInjector(new AttentionModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));
    return plugins.stream().map(AttentionVariant.class::cast)
        .sorted(Comparator.comparing(AttentionVariant::id)).toList();
  }
}
