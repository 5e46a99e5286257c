package org.doppel.domains.traffic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.pipeline.Progress;
import org.doppel.runtime.pipeline.RunOptions;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.runtime.study.StudyRun;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The traffic study run by the runtime's own study runner (outside OSGi), on a small grid
 * scenario: the folder it leaves and the figures in it.
 */
class TrafficStudyRunTest {

  private static final String SCENARIO = """
      name: traffic-small
      domain: traffic
      seed: 42
      surrogate: {width: 8, epochs: 1, batch_size: 64}
      attention: {id: multi-head, heads: 2}
      grid:
        policies: [fixed-time, lqr]
        demand_scales: [2]
        train_stride_min: 15
        neighbours: 4
      """;

  @TempDir
  Path runs;

  private StudyRun.Outcome run(String yaml) throws IOException {
    SequenceForecasting forecasting = StandaloneForecasting.create(new AttentionModule());
    StudyRun study = new StudyRun(PluginLookup.of(List.of(new TrafficDomain(),
        new LqrController(), new MpcController())), new CsvTimeSeriesIngest(),
        () -> forecasting, null, Progress.off());
    return study.run(ScenarioDocument.parse(yaml, "traffic.yaml"),
        new RunOptions(runs, true, LocalDateTime.parse("2026-12-04T18:00:00")));
  }

  @Test
  void aGridRunLeavesItsReportChartsTablesAndKpis() throws IOException {
    Path folder = run(SCENARIO).folder();

    for (String file : List.of("report.html", "metrics.json",
        "tables/grid_control_kpis.csv", "tables/grid_forecast_error_per_loop.csv",
        "charts/grid_attention_over_detectors.png", "charts/grid_forecast_error_map.png",
        "charts/grid_queue_map_x2_lqr.png", "charts/grid_splits_x2.png")) {
      assertTrue(Files.isRegularFile(folder.resolve(file)), file);
    }
    byte[] png = Files.readAllBytes(folder.resolve("charts/grid_queues_x2.png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
        java.util.Arrays.copyOf(png, 4));
    JsonNode metrics = new ObjectMapper().readTree(folder.resolve("metrics.json").toFile());
    double fixed = metrics.at("/metrics/grid/control/x2/fixed-time/total_time_spent_veh_h")
        .asDouble();
    assertTrue(fixed > 1000, "total time spent " + fixed);
    assertTrue(metrics.at("/metrics/grid/forecast/persistence/mae_veh_per_h").asDouble() > 0);
    assertEquals(7, metrics.at("/metrics/grid/forecast/training_mornings").asInt());
    String report = Files.readString(folder.resolve("report.html"));
    assertTrue(report.contains("not field data"));
    assertTrue(report.contains("7 SUMO-simulated mornings"));
  }

  @Test
  void aBadAttentionSettingIsRefusedBeforeAnyFolderOrTraining() throws IOException {
    String heads = SCENARIO.replace("heads: 2", "heads: 3");

    ScenarioException error = assertThrows(ScenarioException.class, () -> run(heads));

    assertTrue(error.getMessage().startsWith("traffic.yaml:5:"), error.getMessage());
    assertTrue(error.getMessage().contains("attention/multi-head: parameter 'heads' (3) must"
        + " divide the token width 8"), error.getMessage());
    try (var left = Files.list(runs)) {
      assertEquals(0, left.count());
    }
  }

  @Test
  void anUnknownGridKeyIsRefusedBeforeAnyFolderIsWritten() throws IOException {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> run(SCENARIO + "  cycle: 90\n"));

    assertTrue(error.getMessage().contains("cycle"), error.getMessage());
    try (var left = Files.list(runs)) {
      assertEquals(0, left.count());
    }
  }
}
