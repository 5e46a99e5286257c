package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The medical study as a user runs it: {@code bin/doppel run medical --quick} on the built
 * distribution, with the real Felix, the medical, controllers and attention bundles and the
 * shipped pharmacokinetic data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MedicalRunIT {

  @TempDir
  static Path work;

  private QuickRun quickRun;

  @BeforeAll
  void runTheQuickStudy() throws Exception {
    quickRun = QuickRun.of(work, "medical");
  }

  @Test
  void theQuickStudyWritesFitsForecastsAndDosingIntoTheRunFolder() throws IOException {
    assertEquals(0, quickRun.exitCode(), quickRun.err());
    Path folder = quickRun.folder();
    for (String file : List.of("report.html", "metrics.json", "scenario.yaml",
        "tables/pk/theophylline_fits.csv", "tables/pk/loso.csv", "tables/pk/dosing_kpis.csv",
        "charts/pk/dosing_concentration.png", "charts/pk/attention.png",
        "pk/loso_forecasts.csv")) {
      assertTrue(Files.size(folder.resolve(file)) > 0, file);
    }
  }

  @Test
  void theMetricsCarryTheSurrogateAndEveryDosingPolicy() throws IOException {
    JsonNode pk = new ObjectMapper().readTree(quickRun.folder().resolve("metrics.json").toFile())
        .path("metrics").path("pk");

    assertEquals(3, pk.path("loso").path("held_out_subjects").asInt(), pk.toString());
    assertTrue(pk.path("loso").path("surrogate_rmse_mean_mg_per_l").asDouble() > 0);
    assertTrue(pk.path("loso").path("surrogate_parameters").asDouble() > 0);
    for (String policy : List.of("fixed", "mpc", "pid")) {
      double inWindow = pk.path("dosing").path(policy).path("time_in_window_pct").asDouble(-1);
      assertTrue(inWindow >= 0 && inWindow <= 100, policy + ": " + inWindow);
    }
  }

  @Test
  void aFaultyDosingParameterIsAScenarioErrorBeforeAnyFolder() throws Exception {
    SmartGridRunIT.Result result = SmartGridRunIT.doppel(work, "run", "medical", "--quick",
        "--set", "pk.dosing.max_dose_mg=-5", "--out", "bad-runs");

    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains("max_dose_mg"), result.err());
    assertTrue(Files.notExists(work.resolve("bad-runs")), "no folder for a refused run");
  }
}
