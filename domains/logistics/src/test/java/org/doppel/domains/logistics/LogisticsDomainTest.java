package org.doppel.domains.logistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.doppel.domains.logistics.internal.LogisticsPluginModule;
import org.doppel.sdk.Plugin;
import org.junit.jupiter.api.Test;

class LogisticsDomainTest {

  private final LogisticsDomain domain = new LogisticsDomain();

  @Test
  void theBundleModuleContributesTheDomainAndThePlant() {
    Set<Plugin> plugins = Guice.createInjector(new LogisticsPluginModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));

    assertEquals(Set.of("domain/logistics", "dynamics/serial-supply-chain"), plugins.stream()
        .map(plugin -> plugin.type().label() + "/" + plugin.id()).collect(Collectors.toSet()));
  }

  @Test
  void theDomainRunsItsOwnStudy() {
    assertTrue(domain.study().orElseThrow() instanceof LogisticsStudy);
  }

  @Test
  void theDefaultScenarioNamesThisDomainItsDatasetAndOnlyTheStudysSections() {
    Map<String, Object> scenario = LogisticsContexts.shippedScenario();

    assertEquals("logistics", scenario.get("domain"));
    assertTrue(domain.datasets().containsKey(
        ((Map<?, ?>) scenario.get("data")).get("dataset").toString()));
    Set<String> sections = new java.util.HashSet<>(scenario.keySet());
    sections.removeAll(Set.of("name", "description", "domain", "seed"));
    assertEquals(StudySettings.SECTIONS, sections);
  }

  @Test
  void attributionNamesTheCensusBureauFredAndTheSimulatedPlant() {
    String attribution = domain.dataAttribution();

    assertTrue(attribution.contains("U.S. Census Bureau"));
    assertTrue(attribution.contains("S4248SM144NCEN"));
    assertTrue(attribution.contains("MIT"));
    assertTrue(attribution.contains("simulated"));
  }

  @Test
  void theDataReadmeTravelsWithTheData() throws IOException {
    try (InputStream in = LogisticsDomain.class.getResourceAsStream(
        "/org/doppel/domains/logistics/data/README.md")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("S4248SM144NCEN"));
      assertTrue(text.contains("sha256"));
    }
  }
}
