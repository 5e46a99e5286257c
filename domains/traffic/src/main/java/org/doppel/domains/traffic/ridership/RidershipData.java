package org.doppel.domains.traffic.ridership;

import java.io.IOException;
import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.doppel.domains.traffic.CsvRows;

/**
 * Daily entries at Clark/Lake with the day's weather. Immutable after reading; thread-safe.
 *
 * <p>Checks while reading, each located by file, line and column: a date that does not
 * parse or does not follow the previous day (the series must be daily without gaps), a
 * negative ridership, a weather value that is not a number.
 */
public final class RidershipData {

  /** The weather columns used, in feature order, with their units. */
  static final List<String> WEATHER = List.of("temp", "percip", "weather_rain",
      "weather_snow");

  private final List<LocalDate> dates;
  private final double[] ridership;
  private final double[][] weather;

  private RidershipData(List<LocalDate> dates, double[] ridership, double[][] weather) {
    this.dates = List.copyOf(dates);
    this.ridership = ridership;
    this.weather = weather;
  }

  /**
   * Reads the file.
   *
   * @throws org.doppel.sdk.data.IngestException listing every problem, located
   */
  public static RidershipData read(URL source, String name) throws IOException {
    List<LocalDate> dates = new ArrayList<>();
    List<Double> counts = new ArrayList<>();
    List<double[]> weather = new ArrayList<>();
    List<String> required = new ArrayList<>(List.of("date", "ridership"));
    required.addAll(WEATHER);
    CsvRows.read(source, name, required, row -> {
      LocalDate date;
      try {
        date = LocalDate.parse(row.text("date"));
      } catch (DateTimeParseException e) {
        row.problem("date", "'" + row.text("date") + "' is not an ISO date");
        return;
      }
      if (!dates.isEmpty() && !date.equals(dates.get(dates.size() - 1).plusDays(1))) {
        row.problem("date", date + " does not follow " + dates.get(dates.size() - 1)
            + " (the series must be daily without gaps)");
        return;
      }
      double count = row.number("ridership", true);
      if (count < 0) {
        row.problem("ridership", "ridership cannot be negative, got " + count);
      }
      double[] day = WEATHER.stream().mapToDouble(c -> row.number(c, true)).toArray();
      dates.add(date);
      counts.add(count);
      weather.add(day);
    });
    return new RidershipData(dates, counts.stream().mapToDouble(Double::doubleValue).toArray(),
        weather.toArray(double[][]::new));
  }

  public int days() {
    return dates.size();
  }

  public LocalDate date(int day) {
    return dates.get(day);
  }

  /** Entries on {@code day}, thousands. */
  public double ridership(int day) {
    return ridership[day];
  }

  /** The day's weather, in {@link #WEATHER} order. */
  public double[] weather(int day) {
    return weather[day].clone();
  }
}
