package org.doppel.domains.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.doppel.domains.traffic.sumo.SumoProcess;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.study.StudyRun;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick traffic study with {@code grid.plant: sumo}: the SUMO KPIs land beside the
 * model's in the run folder. Skipped without SUMO.
 */
class SumoStudyRunTest {

  private static final String SCENARIO = """
      name: traffic-sumo
      domain: traffic
      seed: 42
      surrogate: {width: 8, epochs: 1, batch_size: 64}
      attention: {id: multi-head, heads: 2}
      grid:
        policies: [fixed-time, lqr]
        demand_scales: [1]
        train_stride_min: 15
        neighbours: 4
        plant: sumo
        sumo_minutes: 15
      """;

  @TempDir
  Path runs;

  @Test
  void aSumoPlantRunReportsSumosKpisBesideTheModels() throws Exception {
    Assumptions.assumeTrue(SumoProcess.binary().isPresent(), "SUMO is not installed ('sumo'"
        + " is not on the PATH): the live SUMO study run is skipped; apt-get install sumo"
        + " sumo-tools to run it");
    SequenceForecasting forecasting = StandaloneForecasting.create(new AttentionModule());
    StudyRun study = new StudyRun(PluginLookup.of(List.of(new TrafficDomain(),
        new LqrController(), new MpcController())), new CsvTimeSeriesIngest(),
        () -> forecasting, null, Progress.off());
    Path folder = study.run(ScenarioDocument.parse(SCENARIO, "traffic.yaml"),
        new RunOptions(runs, true, LocalDateTime.parse("2026-12-04T21:00:00"))).folder();

    List<String> table = Files.readAllLines(folder.resolve("tables/grid_sumo_kpis.csv"));
    assertEquals(3, table.size(), String.join("\n", table));
    assertTrue(table.get(0).startsWith("policy,demand_scale,minutes,total_time_spent_veh_h"
        + "_model,total_time_spent_veh_h_sumo"), table.get(0));
    assertTrue(Files.isRegularFile(folder.resolve("charts/grid_sumo_queues_x1.png")));
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    JsonNode fixed = metrics.at("/metrics/grid/sumo/x1/fixed-time");
    assertTrue(fixed.at("/departed_veh").asDouble() > 500, fixed.toString());
    assertEquals(fixed.at("/departed_veh").asDouble() - fixed.at("/throughput_veh")
        .asDouble(), fixed.at("/in_network_at_end_veh").asDouble(), 0.0, fixed.toString());
    assertTrue(Files.readString(folder.resolve("report.html")).contains("live SUMO"));
  }
}
