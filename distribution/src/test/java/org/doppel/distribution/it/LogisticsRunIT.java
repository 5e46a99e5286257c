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
 * {@code bin/doppel run logistics --quick} on the built distribution, in its own JVM, with the
 * real Felix, bundles and shipped data: the logistics study end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogisticsRunIT {

  @TempDir
  static Path work;

  private QuickRun quickRun;

  @BeforeAll
  void runTheQuickStudy() throws Exception {
    quickRun = QuickRun.of(work, "logistics");
  }

  @Test
  void theQuickStudyFinishesWithItsReportTablesChartsAndFiles() throws IOException {
    assertEquals(0, quickRun.exitCode(), quickRun.err());
    Path folder = quickRun.folder();
    for (String file : List.of("report.html", "metrics.json", "scenario.yaml",
        "forecasts.csv", "chain_trajectories.csv", "tables/forecast_accuracy.csv",
        "tables/chain_kpis.csv", "charts/forecast_vs_actual.png",
        "charts/bullwhip_by_policy.png", "charts/cost_by_policy.png",
        "charts/inventory/mpc.png", "charts/orders/order-up-to.png")) {
      assertTrue(Files.size(folder.resolve(file)) > 0, file);
    }
  }

  @Test
  void theTwinBeatsPersistenceAndEveryPolicyHasItsFigures() throws IOException {
    JsonNode metrics = new ObjectMapper().readTree(quickRun.folder().resolve("metrics.json")
        .toFile()).path("metrics");
    JsonNode forecast = metrics.path("forecast");
    assertTrue(forecast.path("twin").path("mape_h1_pct").asDouble()
        < forecast.path("persistence").path("mape_h1_pct").asDouble(), forecast.toString());
    for (String policy : List.of("pass-along", "order-up-to", "order-up-to-naive", "mpc")) {
      JsonNode chain = metrics.path("chain").path(policy);
      assertTrue(chain.path("total_cost_musd").asDouble() > 0, policy);
      assertTrue(chain.path("retailer").path("fill_rate").asDouble() > 0, policy);
    }
    assertEquals(1.0, metrics.path("chain").path("pass-along").path("factory")
        .path("bullwhip_ratio").asDouble(), 1e-12);
  }

  @Test
  void aMisspeltControlKeyIsRefusedBeforeAnyFolderIsMade() throws Exception {
    SmartGridRunIT.Result result = SmartGridRunIT.doppel(work, "run", "logistics", "--quick",
        "--set", "control.safety_factr=2", "--out", "bad-runs");

    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().contains("safety_factr"), result.err());
    assertTrue(Files.notExists(work.resolve("bad-runs")), "no folder for a refused run");
  }
}
