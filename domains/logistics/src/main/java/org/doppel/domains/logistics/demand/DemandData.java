package org.doppel.domains.logistics.demand;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.data.IngestResult;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.IngestSpec.DuplicatePolicy;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.sdk.data.IngestSpec.MissingValuePolicy;
import org.doppel.sdk.data.TimeSeries;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a monthly demand CSV (a {@code month} column in ISO year-month form, a value column)
 * through the framework's ingest service, on calendar months. The ingest service finds
 * unparseable, out-of-order, repeated and missing months and bad cells, each located by file,
 * line and column; a missing month is an error unless the scenario asks for it to be
 * interpolated (a declared repair, counted). This class adds what the ingest service does not
 * know about demand: a negative or zero value is an error naming file, line and column (zero
 * too, since the forecast works on logarithms). Stateless.
 */
public final class DemandData {

  /** The month column. */
  public static final String MONTH = "month";

  /** The value column of the shipped data. */
  public static final String SALES = "sales_musd";

  /** The unit of the shipped data. */
  public static final String UNIT = "M USD/month";

  private static final Logger LOG = LoggerFactory.getLogger(DemandData.class);

  private DemandData() {
  }

  /**
   * Reads and checks demand.
   *
   * @param csv the file's bytes
   * @param name the file's name, as errors show it
   * @param column the value column
   * @param gaps {@link GapPolicy#FAIL} or {@link GapPolicy#INTERPOLATE} for missing months
   * @throws IngestException listing every problem, located
   */
  public static DemandSeries read(TimeSeriesIngest ingest, byte[] csv, String name,
      String column, GapPolicy gaps) {
    IngestSpec spec = new IngestSpec(MONTH, "iso", List.of(new Column(column, UNIT)),
        ChronoUnit.MONTHS.getDuration(), gaps, DuplicatePolicy.FAIL, MissingValuePolicy.FAIL);
    IngestResult result = ingest.read(new ByteArrayInputStream(csv), name, spec);
    TimeSeries series = result.series();

    YearMonth[] months = new YearMonth[series.size()];
    double[] values = series.column(column);
    for (int row = 0; row < months.length; row++) {
      months[row] = YearMonth.from(series.timestamp(row));
    }
    checkPositive(csv, name, column, months, values);
    if (!result.repairs().isEmpty()) {
      LOG.info("Demand [{}]: repairs made while reading: [{}]", name, result.repairs());
    }
    return new DemandSeries(name, months, values, result.repairs(), result.sha256());
  }

  private static void checkPositive(byte[] csv, String name, String column,
      YearMonth[] months, double[] values) {
    List<DataIssue> issues = new ArrayList<>();
    List<String> lines = null;
    for (int row = 0; row < values.length; row++) {
      if (values[row] > 0) {
        continue;
      }
      if (lines == null) {
        lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
      }
      String problem = values[row] < 0
          ? "demand " + values[row] + " is negative"
          : "demand is zero; the forecast works on logarithms, so demand must be positive";
      issues.add(new DataIssue(name, lineOf(lines, months[row]), column, problem + " (month "
          + months[row] + ")"));
    }
    if (!issues.isEmpty()) {
      throw new IngestException(issues);
    }
  }

  /** The 1-based line whose month cell is {@code month}; 0 when it was interpolated. */
  private static long lineOf(List<String> lines, YearMonth month) {
    String key = month.toString();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int comma = line.indexOf(',');
      String cell = (comma < 0 ? line : line.substring(0, comma)).strip();
      if (cell.equals(key) || cell.startsWith(key + "-")) {
        return i + 1;
      }
    }
    return 0;
  }
}
