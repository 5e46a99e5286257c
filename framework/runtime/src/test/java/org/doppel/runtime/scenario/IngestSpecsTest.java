package org.doppel.runtime.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.IngestResult;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.IngestSpec.DuplicatePolicy;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.sdk.data.IngestSpec.MissingValuePolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestSpecsTest {

  private static final Path SHARED = Path.of(System.getProperty("doppel.shared", "/work/shared"));

  private static ScenarioSection data(String yaml) {
    return ScenarioDocument.parse(yaml, "d.yaml").section("data");
  }

  private static String failure(String yaml) {
    return assertThrows(ScenarioException.class, () -> IngestSpecs.ingestSpec(data(yaml)))
        .getMessage();
  }

  @Test
  void smartGridDataSectionGivesTheDeclaredSpec() {
    ScenarioSection data = ScenarioDocument.parse(ScenarioFixtures.smartGrid(), "sg.yaml")
        .section("data");

    IngestSpec spec = IngestSpecs.ingestSpec(data);

    assertEquals(new IngestSpec("timestamp", "iso", List.of(new Column("demand_mw", "MW")),
        Duration.ofMinutes(30), GapPolicy.FAIL, DuplicatePolicy.FAIL, MissingValuePolicy.FAIL),
        spec);
  }

  @Test
  void repairPoliciesAndShortFormsRead() {
    IngestSpec spec = IngestSpecs.ingestSpec(data(String.join("\n", "data:",
        "  file: x.csv", "  timestamp: month", "  interval: 1mo", "  columns: [sales]",
        "  repair: {gaps: interpolate, duplicates: mean, missing: interpolate}", "")));

    assertEquals("month", spec.timestampColumn());
    assertEquals("iso", spec.timestampFormat());
    assertEquals(List.of(new Column("sales", "")), spec.columns());
    assertEquals(GapPolicy.INTERPOLATE, spec.gaps());
    assertEquals(DuplicatePolicy.MEAN, spec.duplicates());
    assertEquals(MissingValuePolicy.INTERPOLATE, spec.missingValues());
  }

  @Test
  void unknownPolicyIsLocated() {
    assertEquals("d.yaml:5:24: data.repair.duplicates: must be one of [fail, mean], got"
        + " 'median'; did you mean 'mean'?", failure(String.join("\n", "data:", "  dataset: demand",
            "  interval: 1h", "  columns: [load]", "  repair: {duplicates: median}", "")));
  }

  @Test
  void targetMustBeADeclaredColumn() {
    assertEquals("d.yaml:5:11: data.target: must be one of the columns [demand_mw], got"
        + " 'demand_kw'; did you mean 'demand_mw'?", failure(String.join("\n", "data:",
            "  dataset: demand", "  interval: 30m", "  columns: [demand_mw]",
            "  target: demand_kw", "")));
  }

  @Test
  void sourceMustBeExactlyOneOfDatasetAndFile() {
    assertEquals("d.yaml:1:1: data: give 'dataset' (a dataset the domain ships) or 'file'"
        + " (a CSV path)", failure("data: {interval: 1h, columns: [a]}\n"));
    assertEquals("d.yaml:1:31: data.file: give either 'dataset' or 'file', not both",
        failure("data: {dataset: demand, file: a.csv, interval: 1h, columns: [a]}\n"));
  }

  @Test
  void badTimestampPatternIsLocated() {
    String message = failure(String.join("\n", "data:", "  dataset: demand",
        "  timestamp: {column: t, format: 'yyyy-MM-dd HH:mm:ss {'}", "  interval: 1h",
        "  columns: [a]", ""));

    assertEquals("d.yaml:3:34: data.timestamp.format: must be 'iso' or a date-time pattern",
        message.substring(0, message.indexOf(" such as")));
  }

  @Test
  void missingColumnsAndUnknownKeysAreLocated() {
    assertEquals("d.yaml:1:1: data.columns: required: list the value columns, such as"
        + " [{name: demand_mw, unit: MW}]", failure("data: {dataset: demand, interval: 1h}\n"));
    assertEquals("d.yaml:1:39: data.intervall: unknown key 'intervall'; did you mean"
        + " 'interval'?", failure("data: {dataset: demand, columns: [a], intervall: 1h}\n"));
  }

  @Test
  void scenarioFileNextToItsCsvIngestsEndToEnd(@TempDir Path folder) throws Exception {
    Files.copy(SHARED.resolve("data/taylor-electricity-demand/taylor_halfhourly_demand.csv"),
        folder.resolve("demand.csv"));
    Path file = ScenarioFixtures.smartGridWith(folder, "dataset: demand", "file: demand.csv");
    ScenarioSection data = ScenarioDocument.load(file).section("data");

    IngestResult result = new CsvTimeSeriesIngest()
        .read(data.getPath("file"), IngestSpecs.ingestSpec(data));

    assertEquals(4032, result.series().size());
    assertEquals("1dd89a47faa190676e9daca4298b9d30f804c773fdcece439157a6550e4c3f47",
        result.sha256());
  }
}
