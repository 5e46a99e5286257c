package org.doppel.runtime.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import org.doppel.sdk.data.Column;
import org.doppel.sdk.data.IngestResult;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.IngestSpec.MissingValuePolicy;
import org.doppel.sdk.data.TimeSeries;
import org.doppel.sdk.data.TimeSeriesIngest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework's {@link TimeSeriesIngest}: reads a CSV file with a header line into a
 * regular {@link TimeSeries}, checking every row against an {@link IngestSpec}.
 *
 * <p>Every problem is collected as a {@link org.doppel.sdk.data.DataIssue} naming the file,
 * the 1-based line and the column, and all of them are thrown together in one
 * {@link org.doppel.sdk.data.IngestException}: unparseable or out-of-order timestamps,
 * off-grid steps, gaps and duplicates (unless the spec repairs them), empty, NaN and
 * infinite cells (unless interpolated), non-numeric text, decimal commas, values outside a
 * column's declared range (reported, never clipped), byte-order marks inside the data,
 * missing columns and wrong field counts. A UTF-8 byte-order mark at the
 * very start of the file is removed and counted as {@code bom_removed}.
 *
 * <p>The whole source is held in memory while it is read; files of a few hundred megabytes
 * need a heap to match. The source is only ever read. Stateless and thread-safe.
 */
public final class CsvTimeSeriesIngest implements TimeSeriesIngest {

  private static final Logger LOG = LoggerFactory.getLogger(CsvTimeSeriesIngest.class);
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  @Override
  public IngestResult read(Path file, IngestSpec spec) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CSV file " + file + ": " + e, e);
    }
    return ingest(bytes, file.toString(), spec);
  }

  @Override
  public IngestResult read(InputStream csv, String name, IngestSpec spec) {
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(name, "name");
    byte[] bytes;
    try {
      bytes = csv.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CSV data " + name + ": " + e, e);
    }
    return ingest(bytes, name, spec);
  }

  private IngestResult ingest(byte[] bytes, String name, IngestSpec spec) {
    long started = System.nanoTime();
    HeaderColumns.checkSpec(spec);
    TimestampParser timestamps = TimestampParser.forFormat(spec.timestampFormat());
    IssueCollector issues = new IssueCollector(name);
    RepairCounts repairs = new RepairCounts();

    SourceText source = SourceText.decode(bytes, issues);
    if (source.bomRemoved()) {
      repairs.add(RepairCounts.BOM_REMOVED, 1);
    }
    CsvRecords records = CsvRecords.parse(source, issues);
    HeaderColumns header = HeaderColumns.resolve(records.header(), spec, issues);

    SeriesAssembler assembler = new SeriesAssembler(spec, issues, repairs);
    for (CsvRecords.Row row : records.rows()) {
      readRow(row, header, timestamps, spec, issues, assembler);
    }
    if (records.rows().isEmpty()) {
      issues.add(1, "", "no data rows after the header");
    }
    issues.throwIfAny();
    TimeSeries series = assembler.finish();

    IngestResult result = new IngestResult(series, repairs.toMap(), sha256(bytes));
    LOG.info("Read [{}] rows of {} from [{}] every [{}], repairs {} in [{}] ms",
        series.size(), spec.columns().stream().map(Column::name).toList(), name,
        SamplingGrid.describe(spec.interval()), result.repairs(),
        (System.nanoTime() - started) / 1_000_000);
    return result;
  }

  private static void readRow(CsvRecords.Row row, HeaderColumns header,
      TimestampParser timestamps, IngestSpec spec, IssueCollector issues,
      SeriesAssembler assembler) {
    String[] fields = row.fields();
    if (fields.length != header.width()) {
      issues.add(row.line(), "", "wrong field count: " + fields.length + " field(s), the"
          + " header has " + header.width() + decimalCommaHint(fields, header.width()));
      assembler.reject();
      return;
    }
    LocalDateTime time = parseTimestamp(row, fields[header.timestamp()], timestamps, spec,
        issues);

    double[] values = new double[spec.columns().size()];
    for (int column = 0; column < values.length; column++) {
      values[column] = readValue(row.line(), spec.columns().get(column),
          fields[header.value(column)], spec.missingValues(), issues);
    }
    if (time == null) {
      assembler.reject();
    } else {
      assembler.accept(row.line(), time, values);
    }
  }

  private static LocalDateTime parseTimestamp(CsvRecords.Row row, String cell,
      TimestampParser timestamps, IngestSpec spec, IssueCollector issues) {
    try {
      return timestamps.parse(cell);
    } catch (DateTimeException e) {
      issues.add(row.line(), spec.timestampColumn(), "unparseable timestamp '"
          + cell.replace("\uFEFF", "<U+FEFF>") + "': " + e.getMessage() + "; expected "
          + timestamps.expected());
      return null;
    }
  }

  private static double readValue(long line, Column column, String cell,
      MissingValuePolicy policy, IssueCollector issues) {
    ValueReader.Reading reading = ValueReader.read(cell);
    if (reading.kind() == ValueReader.Kind.NUMBER) {
      if (!column.allows(reading.value())) {
        issues.add(line, column.name(), outOfRange(column, cell, reading.value()));
      }
      return reading.value();
    }
    if (reading.kind() == ValueReader.Kind.INVALID) {
      issues.add(line, column.name(), reading.problem());
    } else if (policy == MissingValuePolicy.FAIL) {
      issues.add(line, column.name(), describeMissing(reading, cell)
          + "; the missing-value policy 'interpolate' would fill it");
    }
    return Double.NaN;
  }

  /** Says which end of the column's range a value passed; the value is never clipped. */
  private static String outOfRange(Column column, String cell, double value) {
    String unit = column.unit().isEmpty() ? "" : " " + column.unit();
    return value < column.minimum()
        ? "value " + cell.strip() + unit + " is below the least valid value "
            + plain(column.minimum()) + unit + " of this column"
        : "value " + cell.strip() + unit + " is above the greatest valid value "
            + plain(column.maximum()) + unit + " of this column";
  }

  /** A limit as a person writes it: 0, not 0.0. */
  private static String plain(double limit) {
    return limit == Math.rint(limit) && Math.abs(limit) < 1e15
        ? Long.toString((long) limit) : Double.toString(limit);
  }

  private static String describeMissing(ValueReader.Reading reading, String cell) {
    return switch (reading.kind()) {
      case EMPTY -> "empty value";
      case NAN -> "missing value '" + cell.strip() + "'";
      default -> "infinite value '" + cell.strip() + "'";
    };
  }

  /** Explains a surplus field that a decimal comma in a comma-separated file would make. */
  private static String decimalCommaHint(String[] fields, int expected) {
    if (fields.length <= expected) {
      return "";
    }
    for (int i = 0; i + 1 < fields.length; i++) {
      if (INTEGER.matcher(fields[i].strip()).matches()
          && DIGITS.matcher(fields[i + 1].strip()).matches()) {
        return "; '" + fields[i].strip() + "," + fields[i + 1].strip()
            + "' looks like a decimal comma: use a point";
      }
    }
    return "";
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }
}
