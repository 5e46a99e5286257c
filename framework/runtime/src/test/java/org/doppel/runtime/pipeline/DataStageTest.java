package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.doppel.domains.smartgrid.SmartGridDomain;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.runtime.scenario.ScenarioDocument;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data stage with the smart-grid domain: the domain's demand range holds any file. */
class DataStageTest {

  private final SmartGridDomain domain = new SmartGridDomain();
  private final CsvTimeSeriesIngest ingest = new CsvTimeSeriesIngest();

  private static ScenarioDocument readingFile(Path csv) {
    return ScenarioDocument.load(new SmartGridDomain().defaultScenario(), "smart-grid default")
        .overrides(List.of("data={file: '" + csv.toAbsolutePath() + "',"
            + " timestamp: timestamp, interval: 30m, columns: [{name: demand_mw, unit: MW}]}"));
  }

  @Test
  void negativeDemandInAUsersFileIsRefusedAtItsLineAndTheFileIsLeftAlone(@TempDir Path dir)
      throws IOException {
    Path csv = dir.resolve("demand.csv");
    Files.writeString(csv, "timestamp,demand_mw\n2000-06-05T00:00:00,25000\n"
        + "2000-06-05T00:30:00,-250.5\n2000-06-05T01:00:00,0\n2000-06-05T01:30:00,NaN\n"
        + "2000-06-05T02:00:00,-Inf\n2000-06-05T02:30:00,24000\n");
    byte[] before = Files.readAllBytes(csv);

    List<DataIssue> issues = assertThrows(IngestException.class,
        () -> DataStage.load(readingFile(csv), domain, ingest)).issues();

    assertEquals(3, issues.size(), issues::toString);
    assertIssue(issues.get(0), csv, 3,
        "value -250.5 MW is below the least valid value 0 MW of this column");
    assertIssue(issues.get(1), csv, 5, "missing value 'NaN'");
    assertIssue(issues.get(2), csv, 6, "infinite value '-Inf'");
    assertArrayEquals(before, Files.readAllBytes(csv));
  }

  @Test
  void theShippedDemandPassesTheDomainsRange() {
    ScenarioDocument scenario = ScenarioDocument.load(domain.defaultScenario(), "default");

    DataStage.LoadedData data = DataStage.load(scenario, domain, ingest);

    assertEquals(4032, data.series().size());
    assertEquals(0, data.series().columns().get(0).minimum());
  }

  private static void assertIssue(DataIssue issue, Path csv, long line, String text) {
    assertEquals(csv.toString(), issue.file(), issue::toString);
    assertEquals(line, issue.line(), issue::toString);
    assertEquals("demand_mw", issue.column(), issue::toString);
    assertTrue(issue.message().contains(text), () -> "'" + text + "' not in " + issue);
  }
}
