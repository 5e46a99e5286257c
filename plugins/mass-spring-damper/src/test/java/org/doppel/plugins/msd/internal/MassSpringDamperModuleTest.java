package org.doppel.plugins.msd.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import java.util.List;
import java.util.Set;
import org.doppel.sdk.Plugin;
import org.junit.jupiter.api.Test;

/** The bundle's wiring as its activator builds it, without a framework. */
class MassSpringDamperModuleTest {

  @Test
  void theModuleContributesExactlyThePlant() {
    Set<Plugin> plugins = Guice.createInjector(Stage.PRODUCTION, new MassSpringDamperModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));

    assertEquals(List.of("dynamics/mass-spring-damper"), plugins.stream()
        .map(plugin -> plugin.type().label() + "/" + plugin.id()).toList());
  }
}
