package org.doppel.domains.traffic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;

/**
 * Reads a CSV file with a header row, one record at a time, and collects located problems
 * (file, line, column) so a bad file fails once with every problem listed. Not thread-safe.
 */
public final class CsvRows {

  private static final int MOST_ISSUES = 200;

  private final String file;
  private final List<DataIssue> issues = new ArrayList<>();
  private Row current;

  private CsvRows(String file) {
    this.file = file;
  }

  /**
   * Reads every row of {@code source}, failing when a required column is missing, then
   * throws an {@link IngestException} listing every problem the consumer reported.
   *
   * @param name the file's name as errors show it
   */
  public static void read(URL source, String name, List<String> required, Consumer<Row> rows)
      throws IOException {
    try (InputStream in = source.openStream()) {
      read(in, name, required, rows);
    }
  }

  /**
   * Reads every row of {@code in} as {@link #read(URL, String, List, Consumer)} does; a
   * {@code name} ending in {@code .gz} is read through gzip. Does not close {@code in}.
   */
  public static void read(InputStream in, String name, List<String> required,
      Consumer<Row> rows) throws IOException {
    CsvRows reader = new CsvRows(name);
    reader.parse(unpacked(in, name), required, rows);
    reader.finish();
  }

  /** {@code in}, through gzip when {@code name} ends in {@code .gz}. */
  public static InputStream unpacked(InputStream in, String name) throws IOException {
    return name.endsWith(".gz") ? new GZIPInputStream(in) : in;
  }

  private void parse(InputStream in, List<String> required, Consumer<Row> rows)
      throws IOException {
    Reader text = withoutByteOrderMark(new BufferedReader(new InputStreamReader(in,
        StandardCharsets.UTF_8)));
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setTrim(true).build();
    try (CSVParser parser = CSVParser.parse(text, format)) {
      List<String> header = parser.getHeaderNames();
      for (String column : required) {
        if (!header.contains(column)) {
          issues.add(new DataIssue(file, 1, column, "required column is missing; the header"
              + " has " + header));
        }
      }
      if (!issues.isEmpty()) {
        return;
      }
      for (CSVRecord record : parser) {
        // The header is line 1 and each record here spans one line.
        current = new Row(record, record.getRecordNumber() + 1);
        rows.accept(current);
        if (issues.size() >= MOST_ISSUES) {
          return;
        }
      }
    }
  }

  private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
    return reader;
  }

  private void finish() {
    if (!issues.isEmpty()) {
      throw new IngestException(issues);
    }
  }

  /** One record, with getters that report a located problem instead of throwing. */
  public final class Row {

    private final CSVRecord record;
    private final long line;

    private Row(CSVRecord record, long line) {
      this.record = record;
      this.line = line;
    }

    public long line() {
      return line;
    }

    /** The cell, or {@code ""} when the row is short. */
    public String text(String column) {
      return record.isSet(column) ? record.get(column) : "";
    }

    /** The cell as a number, or {@code NaN} after reporting a problem; empty is NaN too. */
    public double number(String column, boolean required) {
      String cell = text(column);
      if (cell.isEmpty()) {
        if (required) {
          problem(column, "a value is required");
        }
        return Double.NaN;
      }
      try {
        double value = Double.parseDouble(cell);
        if (!Double.isFinite(value)) {
          problem(column, "'" + cell + "' is not a finite number");
          return Double.NaN;
        }
        return value;
      } catch (NumberFormatException e) {
        problem(column, "'" + cell + "' is not a number");
        return Double.NaN;
      }
    }

    /** Records a problem with this row's {@code column}. */
    public void problem(String column, String message) {
      issues.add(new DataIssue(file, line, column, message));
    }
  }
}
