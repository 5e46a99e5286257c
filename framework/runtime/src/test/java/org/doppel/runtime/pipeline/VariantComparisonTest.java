package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.doppel.domains.smartgrid.SmartGridDomain;
import org.doppel.plugins.attention.NoAttention;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantComparisonTest {

  @TempDir
  Path runs;

  @Test
  void everyVariantTrainsOnTheSameDataAndTheTableAndChartsAreWritten() throws Exception {
    SmartGridDomain domain = new SmartGridDomain();
    VariantComparison comparison = new VariantComparison(PluginLookup.of(List.of(domain,
        TestVariants.multiHead(), new NoAttention())), new CsvTimeSeriesIngest(),
        ComputeAccess.direct(), Progress.off());
    ScenarioDocument scenario = ScenarioDocument.load(domain.defaultScenario(), "default")
        .overrides(List.of("surrogate.epochs=2"));

    VariantComparison.Outcome outcome = comparison.compare(scenario, List.of(),
        new RunOptions(runs, true, LocalDateTime.parse("2026-12-04T12:00:00")));

    assertEquals(List.of("multi-head", "none"), outcome.rows().stream()
        .map(VariantComparison.Row::variant).toList());
    for (VariantComparison.Row row : outcome.rows()) {
      assertNull(row.error(), row.variant());
      assertTrue(row.accuracy().mape() > 0 && row.parameters() > 0 && row.batch64Ms() > 0,
          row.toString());
      assertEquals(672, row.accuracy().points());
    }
    for (String file : List.of("comparison.html", "comparison.csv", "comparison.json")) {
      assertTrue(Files.size(outcome.folder().resolve(file)) > 0, file);
    }
    assertEquals(3, Files.readAllLines(outcome.folder().resolve("comparison.csv")).size());
  }
}
