package org.doppel.domains.medical.pk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a single-dose pharmacokinetic study in long format, one row per blood sample:
 * {@code subject}, {@code time_h} (hours since the dose) and {@code conc_mg_per_L} are
 * required; {@code route} ({@code oral} or {@code iv}), {@code weight_kg} and
 * {@code dose_mg} are read when present. A subject's rows are contiguous and in time order.
 *
 * <p>Nothing is repaired: a negative time (a sample before the dose), a negative or
 * non-numeric concentration, a missing weight or dose where the file has the column, a
 * subject whose weight or dose changes between rows, or times out of order are errors
 * naming the file, the line (the header is line 1) and the column. Stateless and
 * thread-safe.
 */
public final class PkDataReader {

  static final String SUBJECT = "subject";
  static final String ROUTE = "route";
  static final String WEIGHT = "weight_kg";
  static final String DOSE = "dose_mg";
  static final String TIME = "time_h";
  static final String CONCENTRATION = "conc_mg_per_L";

  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader()
      .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true)
      .build();

  private final String file;
  private final PkSubject.Route defaultRoute;
  private final double doseWhenAbsentMg;

  /**
   * A reader for one file.
   *
   * @param file the file's name, for errors
   * @param defaultRoute the route of rows when the file has no {@code route} column
   * @param doseWhenAbsentMg the dose of every subject when the file has no {@code dose_mg}
   *     column (an assumption the caller documents), or {@code NaN} to require the column
   */
  public PkDataReader(String file, PkSubject.Route defaultRoute, double doseWhenAbsentMg) {
    this.file = file;
    this.defaultRoute = defaultRoute;
    this.doseWhenAbsentMg = doseWhenAbsentMg;
  }

  /**
   * The subjects in file order.
   *
   * @throws PkDataException naming the line and column of the first fault
   * @throws IOException when the stream cannot be read
   */
  public List<PkSubject> read(InputStream in) throws IOException {
    try (Reader reader = withoutByteOrderMark(new InputStreamReader(in,
        StandardCharsets.UTF_8)); CSVParser parser = FORMAT.parse(reader)) {
      Map<String, Integer> header = parser.getHeaderMap();
      for (String required : List.of(SUBJECT, TIME, CONCENTRATION)) {
        if (!header.containsKey(required)) {
          throw new PkDataException(file, 1, required, "required column is missing; the"
              + " header has " + header.keySet());
        }
      }
      if (!header.containsKey(DOSE) && !(doseWhenAbsentMg > 0)) {
        throw new PkDataException(file, 1, DOSE, "the file has no dose column and no dose"
            + " was given for it");
      }

      Map<String, Builder> subjects = new LinkedHashMap<>();
      Builder current = null;
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        Row row = row(record, line, header);
        if (current == null || !current.id.equals(row.subject)) {
          if (subjects.containsKey(row.subject)) {
            throw new PkDataException(file, line, SUBJECT, "subject " + row.subject
                + " appears again after other subjects; a subject's rows must be together");
          }
          current = new Builder(row);
          subjects.put(row.subject, current);
        }
        current.add(row, line);
      }
      if (subjects.isEmpty()) {
        throw new PkDataException(file, 0, null, "no samples");
      }
      return subjects.values().stream().map(Builder::build).toList();
    }
  }

  private Row row(CSVRecord record, long line, Map<String, Integer> header) {
    if (!record.isConsistent()) {
      throw new PkDataException(file, line, null, "has " + record.size() + " cells, the"
          + " header has " + header.size());
    }
    String subject = record.get(SUBJECT);
    if (subject.isEmpty()) {
      throw new PkDataException(file, line, SUBJECT, "missing subject");
    }

    double time = number(record, line, TIME, "time");
    if (time < 0) {
      throw new PkDataException(file, line, TIME, "time " + time + " h is negative: times"
          + " are hours since the dose, so this is a concentration before the dose");
    }
    double concentration = number(record, line, CONCENTRATION, "concentration");
    if (concentration < 0) {
      throw new PkDataException(file, line, CONCENTRATION, "concentration " + concentration
          + " mg/L is negative");
    }

    double weight = Double.NaN;
    if (header.containsKey(WEIGHT)) {
      weight = number(record, line, WEIGHT, "weight");
      if (!(weight > 0)) {
        throw new PkDataException(file, line, WEIGHT, "weight " + weight
            + " kg is not positive");
      }
    }
    double dose = doseWhenAbsentMg;
    if (header.containsKey(DOSE)) {
      dose = number(record, line, DOSE, "dose");
      if (!(dose > 0)) {
        throw new PkDataException(file, line, DOSE, "dose " + dose + " mg is not positive");
      }
    }
    return new Row(subject, route(record, line, header), weight, dose, time, concentration);
  }

  private PkSubject.Route route(CSVRecord record, long line, Map<String, Integer> header) {
    if (!header.containsKey(ROUTE)) {
      return defaultRoute;
    }
    String text = record.get(ROUTE).toLowerCase(Locale.ROOT);
    return switch (text) {
      case "oral" -> PkSubject.Route.ORAL;
      case "iv" -> PkSubject.Route.IV;
      default -> throw new PkDataException(file, line, ROUTE, "route '" + record.get(ROUTE)
          + "' is neither oral nor iv");
    };
  }

  private double number(CSVRecord record, long line, String column, String what) {
    String text = record.get(column);
    if (text.isEmpty()) {
      throw new PkDataException(file, line, column, "missing " + what);
    }
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new PkDataException(file, line, column, what + " '" + text + "' is not a number");
    }
    if (!Double.isFinite(value)) {
      throw new PkDataException(file, line, column, what + " '" + text + "' is not finite");
    }
    return value;
  }

  /** A leading UTF-8 byte-order mark would otherwise become part of the first column name. */
  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first != -1 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  private record Row(String subject, PkSubject.Route route, double weight, double dose,
      double time, double concentration) {
  }

  private final class Builder {
    private final String id;
    private final Row first;
    private final List<double[]> samples = new ArrayList<>();

    Builder(Row first) {
      this.id = first.subject;
      this.first = first;
    }

    void add(Row row, long line) {
      if (!sameValue(row.weight, first.weight)) {
        throw new PkDataException(file, line, WEIGHT, "subject " + id + " weighs "
            + first.weight + " kg on its first row but " + row.weight + " kg here");
      }
      if (!sameValue(row.dose, first.dose)) {
        throw new PkDataException(file, line, DOSE, "subject " + id + " has dose "
            + first.dose + " mg on its first row but " + row.dose + " mg here");
      }
      if (row.route != first.route) {
        throw new PkDataException(file, line, ROUTE, "subject " + id + " changes route");
      }
      if (!samples.isEmpty() && row.time <= samples.get(samples.size() - 1)[0]) {
        throw new PkDataException(file, line, TIME, "time " + row.time + " h is not after"
            + " the subject's previous sample at " + samples.get(samples.size() - 1)[0]
            + " h; a subject's samples must be in time order");
      }
      samples.add(new double[] {row.time, row.concentration});
    }

    PkSubject build() {
      double[] times = samples.stream().mapToDouble(s -> s[0]).toArray();
      double[] concentrations = samples.stream().mapToDouble(s -> s[1]).toArray();
      return new PkSubject(id, first.route, first.weight, first.dose, times, concentrations);
    }

    private boolean sameValue(double a, double b) {
      return Double.isNaN(a) ? Double.isNaN(b) : a == b;
    }
  }
}
