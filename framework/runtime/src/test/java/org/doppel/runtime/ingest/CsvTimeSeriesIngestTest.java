package org.doppel.runtime.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.data.IngestResult;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.IngestSpec.DuplicatePolicy;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.sdk.data.IngestSpec.MissingValuePolicy;
import org.doppel.sdk.data.TimeSeries;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTimeSeriesIngestTest {

  private static final String FILE = "load.csv";
  private static final Duration HOURLY = Duration.ofHours(1);
  private static final Path SHARED = Path.of(System.getProperty("doppel.shared", "/work/shared"));

  private final CsvTimeSeriesIngest ingest = new CsvTimeSeriesIngest();

  private static IngestSpec hourly() {
    return spec(HOURLY, GapPolicy.FAIL, DuplicatePolicy.FAIL, MissingValuePolicy.FAIL);
  }

  private static IngestSpec spec(Duration interval, GapPolicy gaps, DuplicatePolicy duplicates,
      MissingValuePolicy missing) {
    return new IngestSpec("timestamp", "iso", List.of(new Column("load_mw", "MW")), interval,
        gaps, duplicates, missing);
  }

  private IngestResult read(String csv, IngestSpec spec) {
    return read(csv.getBytes(StandardCharsets.UTF_8), spec);
  }

  private IngestResult read(byte[] csv, IngestSpec spec) {
    return ingest.read(new ByteArrayInputStream(csv), FILE, spec);
  }

  private List<DataIssue> issues(String csv, IngestSpec spec) {
    return assertThrows(IngestException.class, () -> read(csv, spec)).issues();
  }

  /** Asserts exactly one issue, at {@code line} and {@code column}, mentioning {@code text}. */
  private static void assertSingleIssue(List<DataIssue> issues, long line, String column,
      String text) {
    assertEquals(1, issues.size(), () -> "issues: " + issues);
    assertIssue(issues.get(0), line, column, text);
  }

  private static void assertIssue(DataIssue issue, long line, String column, String text) {
    assertEquals(FILE, issue.file(), issue::toString);
    assertEquals(line, issue.line(), issue::toString);
    assertEquals(column, issue.column(), issue::toString);
    assertTrue(issue.message().contains(text), () -> "'" + text + "' not in " + issue);
  }

  private static double[] loads(IngestResult result) {
    return result.series().column("load_mw");
  }

  @Nested
  class Timestamps {

    @Test
    void unparseableTimestampIsReportedAtItsLine() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00:00,1\n2021-01-01T1:00,2\n";

      assertSingleIssue(issues(csv, hourly()), 3, "timestamp", "unparseable timestamp");
    }

    @Test
    void outOfOrderTimestampIsReported() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:00,2\n"
          + "2021-01-01T00:00,3\n2021-01-01T02:00,4\n";

      assertSingleIssue(issues(csv, hourly()), 4, "timestamp", "out of order");
    }

    @Test
    void offGridStepIsReportedEvenWhenGapsAreInterpolated() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:10,2\n"
          + "2021-01-01T02:00,3\n";
      IngestSpec spec = spec(HOURLY, GapPolicy.INTERPOLATE, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);

      assertSingleIssue(issues(csv, spec), 3, "timestamp", "off-grid step");
    }

    @Test
    void offGridStepIsNotAlsoReportedAsAGap() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:10,2\n"
          + "2021-01-01T02:00,3\n";

      assertSingleIssue(issues(csv, hourly()), 3, "timestamp", "off-grid step");
    }

    @Test
    void fractionalSecondsAndCompactOffsetsAreRead() {
      IngestSpec spec = spec(Duration.ofMillis(500), GapPolicy.FAIL, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);
      String csv = "timestamp,load_mw\n2021-01-01T00:00:00.5+0100,1\n2021-01-01T00:00:01+01,2\n";

      TimeSeries series = read(csv, spec).series();

      assertEquals(LocalDateTime.of(2021, 1, 1, 0, 0, 0, 500_000_000), series.timestamp(0));
      assertEquals(LocalDateTime.of(2021, 1, 1, 0, 0, 1), series.timestamp(1));
    }

    @Test
    void offsetsAreConvertedToTheFirstRowsOffsetAndDropped() {
      String csv = "timestamp,load_mw\n2021-03-28T00:00+00:00,1\n2021-03-28T02:00+01:00,2\n"
          + "2021-03-28T03:00+01:00,3\n";

      TimeSeries series = read(csv, hourly()).series();

      assertEquals(LocalDateTime.of(2021, 3, 28, 1, 0), series.timestamp(1));
      assertEquals(LocalDateTime.of(2021, 3, 28, 2, 0), series.timestamp(2));
    }

    @Test
    void mixingTimestampsWithAndWithoutOffsetIsReported() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00Z,1\n2021-01-01T01:00,2\n";

      assertSingleIssue(issues(csv, hourly()), 3, "timestamp", "has no offset");
    }

    @Test
    void customPatternIsUsed() {
      IngestSpec spec = new IngestSpec("when", "dd.MM.yyyy HH:mm",
          List.of(new Column("load_mw", "MW")), HOURLY, GapPolicy.FAIL, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);

      TimeSeries series = read("when,load_mw\n31.12.2020 23:00,1\n01.01.2021 00:00,2\n", spec)
          .series();

      assertEquals(LocalDateTime.of(2021, 1, 1, 0, 0), series.timestamp(1));
    }

    @Test
    void isoDatesAndSpaceSeparatedTimesAreAccepted() {
      IngestSpec daily = spec(Duration.ofDays(1), GapPolicy.FAIL, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);

      TimeSeries dates = read("timestamp,load_mw\n2000-06-05,1\n2000-06-06,2\n", daily)
          .series();
      TimeSeries spaced = read("timestamp,load_mw\n2000-06-05 00:00:00,1\n"
          + "2000-06-06 00:00:00,2\n", daily).series();

      assertEquals(LocalDateTime.of(2000, 6, 6, 0, 0), dates.timestamp(1));
      assertArrayEquals(dates.timestamps(), spaced.timestamps());
    }
  }

  @Nested
  class Gaps {

    private static final String GAPPY = "timestamp,load_mw\n2021-01-01T00:00,10\n"
        + "2021-01-01T01:00,20\n2021-01-01T04:00,50\n2021-01-01T05:00,60\n";

    @Test
    void gapIsAnErrorByDefault() {
      assertSingleIssue(issues(GAPPY, hourly()), 4, "timestamp", "gap: 2 missing row(s)");
    }

    @Test
    void gapIsFilledLinearlyAndCountedWhenInterpolating() {
      IngestSpec spec = spec(HOURLY, GapPolicy.INTERPOLATE, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);

      IngestResult result = read(GAPPY, spec);

      assertArrayEquals(new double[] {10, 20, 30, 40, 50, 60}, loads(result), 1e-12);
      assertEquals(LocalDateTime.of(2021, 1, 1, 2, 0), result.series().timestamp(2));
      assertEquals(Map.of("gaps_interpolated", 2), result.repairs());
    }

    @Test
    void monthlySeriesStepsByCalendarMonths() {
      Duration month = ChronoUnit.MONTHS.getDuration();
      IngestSpec spec = spec(month, GapPolicy.INTERPOLATE, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);
      String csv = "timestamp,load_mw\n2000-01,1\n2000-02,2\n2000-03,3\n2000-05,5\n";

      IngestResult result = read(csv, spec);

      assertEquals(LocalDateTime.of(2000, 4, 1, 0, 0), result.series().timestamp(3));
      assertArrayEquals(new double[] {1, 2, 3, 4, 5}, loads(result), 1e-12);
      assertEquals(Map.of("gaps_interpolated", 1), result.repairs());
    }
  }

  @Nested
  class Duplicates {

    private static final String REPEATED_HOUR = "timestamp,load_mw\n2021-10-31T00:00,10\n"
        + "2021-10-31T01:00,20\n2021-10-31T01:00,30\n2021-10-31T02:00,40\n";

    @Test
    void duplicateTimestampIsAnErrorByDefault() {
      assertSingleIssue(issues(REPEATED_HOUR, hourly()), 4, "timestamp",
          "duplicate timestamp 2021-10-31T01:00, first at line 3");
    }

    @Test
    void duplicatesAreMergedByTheirMeanAndCounted() {
      IngestSpec spec = spec(HOURLY, GapPolicy.FAIL, DuplicatePolicy.MEAN,
          MissingValuePolicy.FAIL);

      IngestResult result = read(REPEATED_HOUR, spec);

      assertArrayEquals(new double[] {10, 25, 40}, loads(result), 1e-12);
      assertEquals(Map.of("duplicates_merged", 1), result.repairs());
    }
  }

  @Nested
  class Values {

    private static final String MISSING = "timestamp,load_mw\n2021-01-01T00:00,10\n"
        + "2021-01-01T01:00,\n2021-01-01T02:00,NaN\n2021-01-01T03:00,Inf\n"
        + "2021-01-01T04:00,50\n";

    @Test
    void emptyNanAndInfiniteCellsAreErrorsByDefault() {
      List<DataIssue> issues = issues(MISSING, hourly());

      assertEquals(3, issues.size(), issues::toString);
      assertIssue(issues.get(0), 3, "load_mw", "empty value");
      assertIssue(issues.get(1), 4, "load_mw", "missing value 'NaN'");
      assertIssue(issues.get(2), 5, "load_mw", "infinite value 'Inf'");
    }

    @Test
    void missingCellsAreInterpolatedAndCounted() {
      IngestSpec spec = spec(HOURLY, GapPolicy.FAIL, DuplicatePolicy.FAIL,
          MissingValuePolicy.INTERPOLATE);

      IngestResult result = read(MISSING, spec);

      assertArrayEquals(new double[] {10, 20, 30, 40, 50}, loads(result), 1e-12);
      assertEquals(Map.of("values_interpolated", 3), result.repairs());
    }

    @Test
    void missingCellAtTheStartCannotBeInterpolated() {
      IngestSpec spec = spec(HOURLY, GapPolicy.FAIL, DuplicatePolicy.FAIL,
          MissingValuePolicy.INTERPOLATE);
      String csv = "timestamp,load_mw\n2021-01-01T00:00,\n2021-01-01T01:00,20\n";

      assertSingleIssue(issues(csv, spec), 2, "load_mw", "start of the series");
    }

    @Test
    void valuesOutsideTheColumnsRangeAreReportedAtTheirLineAndNeverClipped() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,10\n2021-01-01T01:00,-12.5\n"
          + "2021-01-01T02:00,0\n2021-01-01T03:00,-0.001\n2021-01-01T04:00,1e9\n";
      IngestSpec bounded = new IngestSpec("timestamp", "iso",
          List.of(new Column("load_mw", "MW", 0, 1e6)), HOURLY, GapPolicy.FAIL,
          DuplicatePolicy.FAIL, MissingValuePolicy.FAIL);

      List<DataIssue> issues = issues(csv, bounded);

      assertEquals(3, issues.size(), issues::toString);
      assertIssue(issues.get(0), 3, "load_mw",
          "value -12.5 MW is below the least valid value 0 MW of this column");
      assertIssue(issues.get(1), 5, "load_mw", "value -0.001 MW is below");
      assertIssue(issues.get(2), 6, "load_mw",
          "value 1e9 MW is above the greatest valid value 1000000 MW of this column");
    }

    @Test
    void aRangeDoesNotHideMissingCellsNorStopTheirInterpolation() {
      Column atLeastZero = new Column("load_mw", "MW").atLeast(0);
      IngestSpec failing = new IngestSpec("timestamp", "iso", List.of(atLeastZero), HOURLY,
          GapPolicy.FAIL, DuplicatePolicy.FAIL, MissingValuePolicy.FAIL);
      IngestSpec interpolating = new IngestSpec("timestamp", "iso", List.of(atLeastZero),
          HOURLY, GapPolicy.FAIL, DuplicatePolicy.FAIL, MissingValuePolicy.INTERPOLATE);

      assertEquals(3, issues(MISSING, failing).size());
      assertArrayEquals(new double[] {10, 20, 30, 40, 50}, loads(read(MISSING, interpolating)),
          1e-12);
    }

    @Test
    void nonNumericTextIsReported() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,10\n2021-01-01T01:00,n/a MW\n";

      assertSingleIssue(issues(csv, hourly()), 3, "load_mw", "not a number: 'n/a MW'");
    }

    @Test
    void decimalCommaIsNamedInASemicolonFile() {
      String csv = "timestamp;load_mw\n2021-01-01T00:00;512,3\n";

      assertSingleIssue(issues(csv, hourly()), 2, "load_mw", "decimal comma: use a point");
    }

    @Test
    void decimalCommaIsNamedInAQuotedCell() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,\"512,3\"\n";

      assertSingleIssue(issues(csv, hourly()), 2, "load_mw", "decimal comma: use a point");
    }

    @Test
    void unquotedDecimalCommaIsAWrongFieldCountWithAHint() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:00,512,3\n";

      assertSingleIssue(issues(csv, hourly()), 3, "",
          "'512,3' looks like a decimal comma: use a point");
    }
  }

  @Nested
  class Structure {

    @Test
    void missingDeclaredColumnListsTheHeadersColumns() {
      String csv = "timestamp,demand\n2021-01-01T00:00,1\n";

      assertSingleIssue(issues(csv, hourly()), 1, "load_mw",
          "missing column 'load_mw': the header's columns are [timestamp, demand]");
    }

    @Test
    void wrongFieldCountIsReportedForTheWholeLine() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:00\n"
          + "2021-01-01T02:00,3\n";

      assertSingleIssue(issues(csv, hourly()), 3, "", "wrong field count: 1 field(s)");
    }

    @Test
    void allProblemsAreCollectedInFileOrder() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\nyesterday,2\n2021-01-01T02:00,x\n"
          + "2021-01-01T02:00,4\n2021-01-01T03:00\n";

      List<DataIssue> issues = issues(csv, hourly());

      assertEquals(List.of(3L, 4L, 5L, 6L), issues.stream().map(DataIssue::line).toList());
    }

    @Test
    void linesAreCountedAcrossBlankLinesAndQuotedLineBreaks() {
      String csv = "timestamp,note,load_mw\n2021-01-01T00:00,\"two\nlines\",1\n\n"
          + "2021-01-01T01:00,x,oops\n";

      assertSingleIssue(issues(csv, hourly()), 5, "load_mw", "not a number");
    }

    @Test
    void malformedQuotingIsReportedAtItsLine() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:00,\"2\"x\n";

      assertSingleIssue(issues(csv, hourly()), 3, "", "malformed CSV");
    }

    @Test
    void malformedUtf8IsReportedAtItsLine() {
      byte[] csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:00,\u00e9\n"
          .getBytes(StandardCharsets.ISO_8859_1);

      List<DataIssue> issues = assertThrows(IngestException.class, () -> read(csv, hourly()))
          .issues();

      assertSingleIssue(issues, 3, "", "not UTF-8");
    }
  }

  @Nested
  class ByteOrderMark {

    private static final String C09 = "timestamp,load_mw\n2021-01-01T00:00:00Z,512.3\n"
        + "2021-01-01T01:00:00Z,498.7\n";

    private byte[] withBom(String text) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      return bytes.toByteArray();
    }

    @Test
    void c09LeadingBomIsRemovedAndTheSeriesIsTheSameAsWithout() {
      IngestResult withBom = read(withBom(C09), hourly());
      IngestResult without = read(C09, hourly());

      assertEquals(2, withBom.series().size());
      assertEquals(LocalDateTime.of(2021, 1, 1, 0, 0), withBom.series().timestamp(0));
      assertArrayEquals(new double[] {512.3, 498.7}, loads(withBom), 0.0);
      assertArrayEquals(without.series().timestamps(), withBom.series().timestamps());
      assertArrayEquals(loads(without), loads(withBom), 0.0);
      assertEquals(Map.of("bom_removed", 1), withBom.repairs());
      assertEquals(Map.of(), without.repairs());
    }

    @Test
    void bomInsideACellIsAnError() {
      String csv = "timestamp,load_mw\n2021-01-01T00:00,1\n2021-01-01T01:00,\uFEFF2\n";

      assertSingleIssue(issues(csv, hourly()), 3, "load_mw", "byte-order mark");
    }

    @Test
    void secondBomBeforeTheHeaderIsNotSilentlyRemoved() {
      byte[] doubled = withBom("\uFEFF" + C09);

      List<DataIssue> issues = assertThrows(IngestException.class,
          () -> read(doubled, hourly())).issues();

      assertSingleIssue(issues, 1, "timestamp", "holds a byte-order mark");
    }
  }

  @Nested
  class RealData {

    private final Path demand =
        SHARED.resolve("data/taylor-electricity-demand/taylor_halfhourly_demand.csv");

    private final IngestSpec halfHourly = new IngestSpec("timestamp", "iso",
        List.of(new Column("demand_mw", "MW")), Duration.ofMinutes(30), GapPolicy.FAIL,
        DuplicatePolicy.FAIL, MissingValuePolicy.FAIL);

    @Test
    void taylorDemandReadsAs4032RowsWithoutRepairs() {
      IngestResult result = ingest.read(demand, halfHourly);

      TimeSeries series = result.series();
      assertEquals(4032, series.size());
      assertEquals(LocalDateTime.of(2000, 6, 5, 0, 0), series.timestamp(0));
      assertEquals(LocalDateTime.of(2000, 8, 27, 23, 30), series.timestamp(4031));
      assertEquals(22262.0, series.value(0, 0));
      assertEquals(23132.0, series.value(4031, 0));
      assertEquals(new Column("demand_mw", "MW"), series.columns().get(0));
      assertEquals(Map.of(), result.repairs());
      assertEquals("1dd89a47faa190676e9daca4298b9d30f804c773fdcece439157a6550e4c3f47",
          result.sha256());
    }

    @Test
    void monthlyWineSalesReadOnCalendarMonths() {
      Path wine = SHARED.resolve("data/australia-wine-sales/australia_wine_sales_monthly.csv");
      IngestSpec monthly = new IngestSpec("month", "iso", List.of(new Column("wine_sales", "")),
          ChronoUnit.MONTHS.getDuration(), GapPolicy.FAIL, DuplicatePolicy.FAIL,
          MissingValuePolicy.FAIL);

      IngestResult result = ingest.read(wine, monthly);

      assertEquals(176, result.series().size());
      assertEquals(LocalDateTime.of(1994, 8, 1, 0, 0), result.series().timestamp(175));
      assertEquals("cd873dea9b9e830c1de12ee76b135a4268ad3cdc6b269fef5829a30736173c60",
          result.sha256());
    }

    @Test
    void sourceFileIsNeverModified(@TempDir Path folder) throws Exception {
      Path copy = folder.resolve("faulty.csv");
      Files.writeString(copy, "\uFEFFtimestamp,load_mw\n2021-01-01T00:00,1\n"
          + "2021-01-01T00:00,2\n2021-01-01T02:00,\n");
      FileTime old = FileTime.fromMillis(1_600_000_000_000L);
      Files.setLastModifiedTime(copy, old);
      byte[] before = Files.readAllBytes(copy);
      IngestSpec repairing = spec(HOURLY, GapPolicy.INTERPOLATE, DuplicatePolicy.MEAN,
          MissingValuePolicy.INTERPOLATE);

      assertThrows(IngestException.class, () -> ingest.read(copy, repairing));
      assertThrows(IngestException.class, () -> ingest.read(copy, hourly()));

      assertArrayEquals(before, Files.readAllBytes(copy));
      assertEquals(old, Files.getLastModifiedTime(copy));
    }
  }
}
