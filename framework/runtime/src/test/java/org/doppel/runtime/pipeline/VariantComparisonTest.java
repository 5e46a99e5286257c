package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.doppel.domains.smartgrid.SmartGridDomain;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.runtime.scenario.ScenarioException;
import org.doppel.sdk.Plugin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VariantComparisonTest {

  /** Persistence's day-ahead MAPE on the default split (docs/notes/smart-grid.md). */
  private static final double PERSISTENCE_MAPE = 17.860;

  @TempDir
  Path runs;

  /**
   * Every installed variant, one epoch each (the head starts as seasonal naive, so even one
   * epoch must leave every variant far ahead of persistence on the real data).
   */
  @Test
  void everyVariantTrainsOnTheSameDataBeatsPersistenceAndTheTableIsWritten()
      throws Exception {
    SmartGridDomain domain = new SmartGridDomain();
    List<Plugin> plugins = new ArrayList<>(TestVariants.all());
    plugins.add(domain);
    VariantComparison comparison = new VariantComparison(PluginLookup.of(plugins),
        new CsvTimeSeriesIngest(), ComputeAccess.direct(), Progress.off());
    ScenarioDocument scenario = ScenarioDocument.load(domain.defaultScenario(), "default")
        .overrides(List.of("surrogate.epochs=1"));

    VariantComparison.Outcome outcome = comparison.compare(scenario, List.of(),
        new RunOptions(runs, true, LocalDateTime.parse("2026-12-04T12:00:00")));

    assertEquals(List.of("additive", "dot-product", "learned-query", "local", "multi-head",
        "none", "top-k"), outcome.rows().stream().map(VariantComparison.Row::variant).toList());
    for (VariantComparison.Row row : outcome.rows()) {
      assertNull(row.error(), row.variant());
      assertTrue(row.accuracy().mape() > 0 && row.parameters() > 0 && row.batch64Ms() > 0,
          row.toString());
      assertEquals(672, row.accuracy().points());
      assertTrue(row.accuracy().mape() < PERSISTENCE_MAPE, row.toString());
    }
    for (String file : List.of("comparison.html", "comparison.csv", "comparison.json")) {
      assertTrue(Files.size(outcome.folder().resolve(file)) > 0, file);
    }
    assertEquals(8, Files.readAllLines(outcome.folder().resolve("comparison.csv")).size());
  }

  @Test
  void aParameterTheScenariosOwnVariantRefusesIsALocatedErrorBeforeAnyFolder() {
    SmartGridDomain domain = new SmartGridDomain();
    List<Plugin> plugins = new ArrayList<>(TestVariants.all());
    plugins.add(domain);
    VariantComparison comparison = new VariantComparison(PluginLookup.of(plugins),
        new CsvTimeSeriesIngest(), ComputeAccess.direct(), Progress.off());
    // k belongs to top-k, not to the scenario's multi-head: run refuses it, so must compare
    ScenarioDocument scenario = ScenarioDocument.load(domain.defaultScenario(), "default")
        .overrides(List.of("attention.k=8"));

    ScenarioException error = assertThrows(ScenarioException.class, () -> comparison.compare(
        scenario, List.of("top-k"), new RunOptions(runs, true,
            LocalDateTime.parse("2026-12-04T12:00:00"))));

    assertTrue(error.getMessage().contains("--set attention.k=8")
        && error.getMessage().contains("k"), error.getMessage());
    assertFalse(Files.exists(runs) && runs.toFile().list().length > 0, "no run folder");
  }
}
