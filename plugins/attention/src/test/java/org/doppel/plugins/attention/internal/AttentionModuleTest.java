package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import java.util.TreeSet;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.PluginType;
import org.junit.jupiter.api.Test;

/** The bundle's module contributes each variant once, as an attention plugin. */
class AttentionModuleTest {

  @Test
  void contributesEveryVariantUnderItsId() {
    Set<Plugin> plugins = Guice.createInjector(new AttentionModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));

    Set<String> ids = new TreeSet<>();
    for (Plugin plugin : plugins) {
      assertEquals(PluginType.ATTENTION, plugin.type(), plugin.id());
      assertFalse(plugin.description().isBlank(), plugin.id());
      ids.add(plugin.id());
    }
    assertEquals(Set.of("additive", "dot-product", "learned-query", "local", "multi-head",
        "none", "top-k"), ids);
  }
}
