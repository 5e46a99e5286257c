package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.doppel.domains.traffic.grid.GridSettings;
import org.doppel.domains.traffic.grid.SignalTiming;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.junit.jupiter.api.Test;

/** The grid section's plant choice, and the early refusal when SUMO cannot run. */
class SumoSettingsTest {

  private static final SignalTiming TIMING = new SignalTiming(90, 6, 12);

  private static Parameters section(Map<String, ?> values) {
    return Parameters.of("grid", values);
  }

  @Test
  void theModelIsTheDefaultPlantAndTheGridSectionAcceptsTheNewKeys() {
    assertFalse(SumoSettings.of(section(Map.of())).live());
    SumoSettings sumo = SumoSettings.of(section(Map.of("plant", "sumo", "sumo_minutes", 30)));
    assertTrue(sumo.live());
    assertEquals(20, sumo.cycles(TIMING, false));
    assertEquals(160, SumoSettings.of(section(Map.of("plant", "sumo"))).cycles(TIMING, false));
    assertEquals(20, SumoSettings.of(section(Map.of("plant", "sumo"))).cycles(TIMING, true));
    GridSettings.of(section(Map.of("plant", "sumo", "sumo_minutes", 30)));
  }

  @Test
  void theShippedScenarioNamesTheModelPlantAndTheWholeMorning() throws Exception {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(
        new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readValue(
            SumoSettingsTest.class.getResource("/org/doppel/domains/traffic/traffic.yaml"),
            Map.class);
    @SuppressWarnings("unchecked")
    Parameters grid = section((Map<String, ?>) yaml.get("grid"));
    GridSettings.of(grid);
    assertEquals(new SumoSettings(false, 240), SumoSettings.of(grid));
  }

  @Test
  void anUnknownPlantOrWindowIsRefusedNamingTheKey() {
    PluginException plant = assertThrows(PluginException.class,
        () -> SumoSettings.of(section(Map.of("plant", "vissim"))));
    assertTrue(plant.getMessage().contains("grid: parameter 'plant' must be 'model' or"
        + " 'sumo', got 'vissim'"), plant.getMessage());
    PluginException minutes = assertThrows(PluginException.class,
        () -> SumoSettings.of(section(Map.of("sumo_minutes", 300))));
    assertTrue(minutes.getMessage().contains("'sumo_minutes' must be 2 to 240"),
        minutes.getMessage());
  }

  @Test
  void withoutSumoTheLivePlantFailsEarlySayingHowToInstallIt() {
    SumoSettings sumo = SumoSettings.of(section(Map.of("plant", "sumo")));
    PluginException e = assertThrows(PluginException.class,
        () -> sumo.check(Optional.empty(), TIMING, "grid"));
    assertTrue(e.getMessage().startsWith("grid: parameter 'plant' is 'sumo', but the SUMO"
        + " traffic simulator's 'sumo' binary is not on the PATH"), e.getMessage());
    assertTrue(e.getMessage().contains("apt-get install sumo sumo-tools"), e.getMessage());

    // The model plant needs nothing.
    SumoSettings.of(section(Map.of())).check(Optional.empty(), TIMING, "grid");
  }

  @Test
  void aTimingSumoCannotStepIsRefused() {
    SumoSettings sumo = SumoSettings.of(section(Map.of("plant", "sumo")));
    PluginException e = assertThrows(PluginException.class, () -> sumo.check(
        Optional.of(Path.of("/usr/bin/sumo")), new SignalTiming(90.5, 6, 12), "grid"));
    assertTrue(e.getMessage().contains("'cycle_s' must be whole seconds"), e.getMessage());
  }
}
