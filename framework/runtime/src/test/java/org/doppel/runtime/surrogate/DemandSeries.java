package org.doppel.runtime.surrogate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The shared England and Wales half-hourly demand (Taylor 2003), read from
 * {@code ${doppel.shared}/data/taylor-electricity-demand/}.
 */
final class DemandSeries {

  static final Path FILE = Path.of(System.getProperty("doppel.shared", "/work/shared"),
      "data/taylor-electricity-demand/taylor_halfhourly_demand.csv");

  /** The default split: the last 672 half-hours are the test period. */
  static final int TEST_START = 4032 - 672;

  final LocalDateTime[] timestamps;
  final double[] values;

  private DemandSeries(LocalDateTime[] timestamps, double[] values) {
    this.timestamps = timestamps;
    this.values = values;
  }

  static DemandSeries load() {
    try {
      List<String> rows = Files.readAllLines(FILE).stream().skip(1)
          .filter(line -> !line.isBlank()).toList();
      LocalDateTime[] stamps = new LocalDateTime[rows.size()];
      double[] demand = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        String[] fields = rows.get(i).split(",");
        stamps[i] = LocalDateTime.parse(fields[0]);
        demand[i] = Double.parseDouble(fields[1]);
      }
      return new DemandSeries(stamps, demand);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }
}
