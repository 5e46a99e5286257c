package org.doppel.domains.medical.pk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.PluginException;
import org.junit.jupiter.api.Test;

class DosingSettingsTest {

  @Test
  void theDefaultsAreTheDocumentedExperiment() {
    DosingSettings settings = DosingSimulationTest.settings(Map.of());

    assertEquals(14, settings.doses());
    assertEquals(800, settings.maxDoseMg());
    assertEquals("fit", settings.twin());
    assertEquals(Map.of("horizon", 6), settings.mpc().asMap());
    assertEquals(Map.of("kp", 40, "ti", 86400), settings.pid().asMap());
  }

  @Test
  void faultyValuesAreErrorsNamingTheKey() {
    assertMessage(Map.of("twin", "oracle"), "parameter 'twin' must be fit, map or adaptive");
    assertMessage(Map.of("fixed_dose_mg", 900), "'fixed_dose_mg' 900.0 exceeds");
    assertMessage(Map.of("window_mg_per_L", java.util.List.of(20, 10)),
        "'window_mg_per_L' must be [low, high]");
    assertMessage(Map.of("interval_h", 12, "output_step_h", 0.7),
        "'interval_h' 12.0 must be a whole number of 'output_step_h' 0.7");
    assertMessage(Map.of("mpc_target_mg_per_L", 19, "mpc_peak_limit_mg_per_L", 18),
        "'mpc_target_mg_per_L' 19.0 must be below");
  }

  private static void assertMessage(Map<String, Object> values, String expected) {
    PluginException error = assertThrows(PluginException.class,
        () -> DosingSimulationTest.settings(values));
    assertTrue(error.getMessage().startsWith("pk.dosing: "), error.getMessage());
    assertTrue(error.getMessage().contains(expected), error.getMessage());
  }
}
