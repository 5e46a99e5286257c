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
 * {@code bin/doppel run traffic --quick} on the built distribution, in its own JVM, with the
 * real Felix, bundles and shipped data: the motorway, grid and ridership parts end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrafficRunIT {

  @TempDir
  static Path work;

  private QuickRun quickRun;

  @BeforeAll
  void runTheQuickStudy() throws Exception {
    quickRun = QuickRun.of(work, "traffic");
  }

  @Test
  void theQuickStudyFinishesWithAReportThatSaysTheLoopsAreSimulated() throws IOException {
    assertEquals(0, quickRun.exitCode(), quickRun.err());
    assertTrue(quickRun.out().startsWith("Study of traffic finished in "), quickRun.out());
    Path folder = quickRun.folder();
    for (String file : List.of("report.html", "metrics.json", "scenario.yaml",
        "motorway_policies.csv", "charts/grid_forecast_error_map.png",
        "charts/grid_attention_over_detectors.png", "charts/ridership_forecast.png")) {
      assertTrue(Files.size(folder.resolve(file)) > 0, file);
    }
    assertTrue(Files.readString(folder.resolve("report.html")).contains("not field data"));
  }

  @Test
  void everyPartReportsItsPoliciesAndForecasts() throws IOException {
    JsonNode metrics = new ObjectMapper().readTree(quickRun.folder().resolve("metrics.json")
        .toFile()).path("metrics");

    JsonNode motorway = metrics.path("motorway");
    for (String policy : List.of("no-metering", "alinea", "mpc")) {
      assertTrue(motorway.path(policy).path("total_time_spent_veh_h").asDouble() > 0, policy);
    }
    assertTrue(motorway.path("mpc").path("total_time_spent_veh_h").asDouble()
        < motorway.path("no-metering").path("total_time_spent_veh_h").asDouble(),
        motorway.toString());
    assertTrue(metrics.path("grid").path("control").size() > 0, metrics.path("grid")
        .toString());
    // Both flow twins train on the shipped morning and the six extra simulated mornings,
    // read from the bundle.
    assertEquals(7, motorway.path("forecast").path("training_mornings").asInt(),
        motorway.path("forecast").toString());
    assertEquals(7, metrics.path("grid").path("forecast").path("training_mornings").asInt(),
        metrics.path("grid").path("forecast").toString());
    JsonNode ridership = metrics.path("ridership");
    assertTrue(ridership.path("twin").path("mae_thousands").asDouble()
        < ridership.path("persistence").path("mae_thousands").asDouble(), ridership.toString());
  }
}
