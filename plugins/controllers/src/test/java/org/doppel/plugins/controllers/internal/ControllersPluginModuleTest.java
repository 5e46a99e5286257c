package org.doppel.plugins.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import java.util.stream.Collectors;
import org.doppel.sdk.Plugin;
import org.junit.jupiter.api.Test;

class ControllersPluginModuleTest {

  @Test
  void contributesTheFiveControllers() {
    Set<Plugin> plugins = Guice.createInjector(new ControllersPluginModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));

    assertEquals(Set.of("controller/lqr", "controller/pid", "controller/lqi", "controller/mpc",
        "controller/attention-estimate"),
        plugins.stream().map(plugin -> plugin.type().label() + "/" + plugin.id())
            .collect(Collectors.toSet()));
  }
}
