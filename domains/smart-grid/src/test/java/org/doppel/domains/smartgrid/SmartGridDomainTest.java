package org.doppel.domains.smartgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.inject.Guice;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.doppel.domains.smartgrid.internal.SmartGridPluginModule;
import org.doppel.sdk.Plugin;
import org.doppel.sdk.data.Column;
import org.junit.jupiter.api.Test;

class SmartGridDomainTest {

  private final SmartGridDomain domain = new SmartGridDomain();

  @Test
  void theDemandDatasetLoadsAs4032HalfHoursThroughItsResource() throws IOException {
    URL demand = domain.datasets().get("demand");

    List<String> lines;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(demand.openStream(),
        StandardCharsets.UTF_8))) {
      lines = reader.lines().filter(line -> !line.isBlank()).toList();
    }

    assertEquals("timestamp,demand_mw", lines.get(0));
    assertEquals(4032, lines.size() - 1);
    assertEquals("2000-06-05T00:00:00,22262", lines.get(1));
    assertTrue(lines.get(4032).startsWith("2000-08-27T23:30:00,"), lines.get(4032));
  }

  @Test
  void demandIsNeverBelowZeroWhateverTheScenarioDeclares() {
    SmartGridDomain domain = new SmartGridDomain();

    Column declared = new Column("load", "MW", -100, 50_000);
    Column ruled = domain.targetColumn(declared);

    assertEquals(new Column("load", "MW", 0, 50_000), ruled);
    assertEquals(0, domain.targetColumn(new Column("demand_mw", "MW")).minimum());
    assertTrue(domain.targetColumn(new Column("demand_mw", "MW", 10, 20)).allows(10));
  }

  @Test
  void theShippedDataIsTheSharedFileUnchanged() throws Exception {
    // The sha256 the dataset's README gives.
    assertEquals("1dd89a47faa190676e9daca4298b9d30f804c773fdcece439157a6550e4c3f47",
        sha256(domain.datasets().get("demand")));
  }

  @Test
  void theDataReadmeTravelsWithTheData() throws IOException {
    URL readme = SmartGridDomain.class.getResource(
        "/org/doppel/domains/smartgrid/data/README.md");

    try (InputStream in = readme.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(text.contains("Taylor, J.W. (2003)"));
      assertTrue(text.contains("GPL-3"));
    }
  }

  @Test
  void theDefaultScenarioParsesAndNamesThisDomainAndItsDataset() throws IOException {
    JsonNode scenario;
    try (InputStream in = domain.defaultScenario().openStream()) {
      scenario = new ObjectMapper(new YAMLFactory()).readTree(in);
    }

    assertEquals("smart-grid", scenario.get("domain").asText());
    assertTrue(domain.datasets().containsKey(scenario.at("/data/dataset").asText()));
    assertEquals(672, scenario.at("/split/test_points").asInt());
    assertEquals(48, scenario.at("/surrogate/horizon").asInt());
    assertEquals("lqr", scenario.at("/control/controller/id").asText());
    assertEquals(20000, scenario.at("/control/area_capacity_mw").asInt());
    assertEquals(0.1, scenario.at("/control/sample_period_s").asDouble());
  }

  @Test
  void attributionCitesTaylorAndTheLicence() {
    String attribution = domain.dataAttribution();

    assertTrue(attribution.contains("Taylor, J.W. (2003)"));
    assertTrue(attribution.contains("GPL-3"));
    assertTrue(attribution.contains("forecast"));
  }

  @Test
  void theBundleModuleContributesTheDomainAndThePlant() {
    Set<Plugin> plugins = Guice.createInjector(new SmartGridPluginModule())
        .getInstance(Key.get(new TypeLiteral<Set<Plugin>>() { }));

    assertEquals(Set.of("domain/smart-grid", "dynamics/lfc-two-area"), plugins.stream()
        .map(plugin -> plugin.type().label() + "/" + plugin.id()).collect(Collectors.toSet()));
  }

  private static String sha256(URL url) throws IOException, NoSuchAlgorithmException {
    try (InputStream in = url.openStream()) {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(in.readAllBytes()));
    }
  }
}
