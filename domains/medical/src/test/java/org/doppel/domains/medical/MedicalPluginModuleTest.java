package org.doppel.domains.medical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.util.Set;
import java.util.stream.Collectors;
import org.doppel.domains.medical.internal.MedicalPluginModule;
import org.doppel.sdk.Plugin;
import org.junit.jupiter.api.Test;

class MedicalPluginModuleTest {

  @Test
  void theBundleContributesTheDomainAndBothPharmacokineticPlants() {
    Set<Plugin> plugins = Guice.createInjector(new MedicalPluginModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));

    assertEquals(Set.of("domain/medical", "dynamics/pk-oral-one-compartment",
        "dynamics/pk-iv-one-compartment"), plugins.stream()
        .map(plugin -> plugin.type().label() + "/" + plugin.id()).collect(Collectors.toSet()));
  }
}
