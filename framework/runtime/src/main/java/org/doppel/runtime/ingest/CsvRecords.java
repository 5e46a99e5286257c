package org.doppel.runtime.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The header and the records of a CSV text, each record with the line it starts on.
 *
 * <p>The delimiter is the first of comma, semicolon and tab that the header line contains,
 * so files written with a European locale (semicolons and decimal commas) are read far
 * enough to report the decimal comma. Blank lines are skipped. Immutable.
 */
final class CsvRecords {

  /** One record: its fields and the 1-based line it starts on. */
  record Row(long line, String[] fields) {
  }

  private final List<String> header;
  private final List<Row> rows;
  private final char delimiter;

  private CsvRecords(List<String> header, List<Row> rows, char delimiter) {
    this.header = header;
    this.rows = rows;
    this.delimiter = delimiter;
  }

  /** Splits {@code source} into records; a malformed record stops the read with an issue. */
  static CsvRecords parse(SourceText source, IssueCollector issues) {
    char delimiter = sniffDelimiter(source.firstLine());
    CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build();
    List<String> header = null;
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(source.text(), format)) {
      // A malformed record fails while it is read, so its line is the one after the last
      // complete record; the parser's own line count may already be past it.
      long nextLine = 1;
      try {
        for (CSVRecord record : parser) {
          long line = source.lineOfRecordAt(record.getCharacterPosition());
          String[] fields = record.values();
          if (header == null) {
            header = List.of(fields);
          } else {
            rows.add(new Row(line, fields));
          }
          nextLine = parser.getCurrentLineNumber() + 1;
        }
      } catch (UncheckedIOException | IllegalStateException e) {
        throw issues.fail(nextLine, "",
            "malformed CSV: " + rootMessage(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null) {
      throw issues.fail(1, "", "the file is empty: expected a header line");
    }
    return new CsvRecords(header, rows, delimiter);
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  char delimiter() {
    return delimiter;
  }

  private static char sniffDelimiter(String headerLine) {
    for (char candidate : new char[] {',', ';', '\t'}) {
      if (headerLine.indexOf(candidate) >= 0) {
        return candidate;
      }
    }
    return ',';
  }

  private static String rootMessage(Throwable error) {
    Throwable cause = error;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
