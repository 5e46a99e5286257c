package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    ScenarioDocument scenario = defaultScenario().overrides(List.of("surrogate.epochs=1"));

    VariantComparison.Outcome outcome = comparison().compare(scenario, List.of(), options());

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
    // k belongs to top-k, not to the scenario's multi-head: run refuses it, so must compare
    ScenarioDocument scenario = defaultScenario().overrides(List.of("attention.k=8"));

    ScenarioException error = assertThrows(ScenarioException.class, () -> comparison()
        .compare(scenario, ScenarioDocument.pluginList("--attention", "attention", "top-k"),
            options()));

    assertTrue(error.getMessage().contains("--set attention.k=8")
        && error.getMessage().contains("k"), error.getMessage());
    assertFalse(Files.exists(runs) && runs.toFile().list().length > 0, "no run folder");
  }

  /**
   * Two settings of one variant side by side, and the scenario's own variant by its plain
   * id: each row names the parameters it trained with, and they took effect (k = 1 and
   * k = 8 give different forecasts).
   */
  @Test
  void listedParametersReplaceTheScenariosAndEveryRowNamesItsOwn() throws Exception {
    ScenarioDocument scenario = defaultScenario().overrides(List.of("surrogate.epochs=1"));

    VariantComparison.Outcome outcome = comparison().compare(scenario,
        ScenarioDocument.pluginList("--attention", "attention",
            "top-k{k: 1},top-k{k: 8},multi-head"), options());

    List<VariantComparison.Row> rows = outcome.rows();
    assertEquals(List.of("top-k{k: 1}", "top-k{k: 8}", "multi-head{heads: 4}"),
        rows.stream().map(VariantComparison.Row::label).toList());
    rows.forEach(row -> assertNull(row.error(), row.label()));
    assertNotEquals(rows.get(0).accuracy().mape(), rows.get(1).accuracy().mape(),
        "k reached the variant");
    assertTrue(Files.isDirectory(outcome.folder().resolve("models/top-k")));
    assertTrue(Files.isDirectory(outcome.folder().resolve("models/top-k-2")));
    String csv = Files.readString(outcome.folder().resolve("comparison.csv"));
    assertTrue(csv.contains("top-k,\"{\"\"k\"\":8}\""), csv);
    JsonNode json = new ObjectMapper().readTree(outcome.folder().resolve("comparison.json")
        .toFile());
    assertEquals(8, json.get("variants").get(1).get("settings").get("k").asInt());
    assertTrue(json.get("variants").get(1).get("parameters").asLong() > 0);
    assertTrue(outcome.table().contains("top-k{k: 8}"), outcome.table());
  }

  @Test
  void aListedParameterItsVariantRefusesIsLocatedAtTheOptionBeforeAnyFolder() {
    ScenarioException error = assertThrows(ScenarioException.class, () -> comparison()
        .compare(defaultScenario(), ScenarioDocument.pluginList("--attention", "attention",
            "dot-product,top-k{k: 0}"), options()));

    assertTrue(error.getMessage().contains("--attention dot-product,top-k{k: 0}")
        && error.getMessage().contains("attention[1]")
        && error.getMessage().contains("'k'"), error.getMessage());
    assertFalse(Files.exists(runs) && runs.toFile().list().length > 0, "no run folder");
  }

  @Test
  void anUnknownListedVariantIsLocatedAndNamesTheInstalledOnes() {
    ScenarioException error = assertThrows(ScenarioException.class, () -> comparison()
        .compare(defaultScenario(), ScenarioDocument.pluginList("--attention", "attention",
            "dot-product,top-kk"), options()));

    assertTrue(error.getMessage().contains("attention[1]")
        && error.getMessage().contains("top-kk")
        && error.getMessage().contains("installed attention plugins: additive"),
        error.getMessage());
  }

  @Test
  void theSameVariantListedTwiceAlikeIsRefused() {
    ScenarioException error = assertThrows(ScenarioException.class, () -> comparison()
        .compare(defaultScenario(), ScenarioDocument.pluginList("--attention", "attention",
            "local{window: 4},top-k{k: 8},local{window: 4}"), options()));
    ScenarioException reordered = assertThrows(ScenarioException.class, () -> comparison()
        .compare(defaultScenario(), ScenarioDocument.pluginList("--attention", "attention",
            "multi-head{heads: 2, width: 32},multi-head{width: 32, heads: 2}"), options()));

    assertTrue(error.getMessage().contains("attention[2]")
        && error.getMessage().contains("listed twice"), error.getMessage());
    assertTrue(reordered.getMessage().contains("attention[1]")
        && reordered.getMessage().contains("listed twice"), reordered.getMessage());
  }

  @Test
  void aListThatIsNotYamlIsLocatedAtTheOption() {
    ScenarioException error = assertThrows(ScenarioException.class,
        () -> ScenarioDocument.pluginList("--attention", "attention", "top-k{k: 8"));

    assertTrue(error.getMessage().contains("--attention top-k{k: 8"), error.getMessage());
  }

  private static VariantComparison comparison() {
    List<Plugin> plugins = new ArrayList<>(TestVariants.all());
    plugins.add(new SmartGridDomain());
    return new VariantComparison(PluginLookup.of(plugins), new CsvTimeSeriesIngest(),
        ComputeAccess.direct(), Progress.off());
  }

  private static ScenarioDocument defaultScenario() {
    return ScenarioDocument.load(new SmartGridDomain().defaultScenario(), "default");
  }

  private RunOptions options() {
    return new RunOptions(runs, true, LocalDateTime.parse("2026-12-04T12:00:00"));
  }
}
