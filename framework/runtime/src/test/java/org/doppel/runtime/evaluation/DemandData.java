package org.doppel.runtime.evaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/** The shared England and Wales half-hourly demand (Taylor 2003), read without the ingest. */
final class DemandData {

  static final Path FILE = Path.of(System.getProperty("doppel.shared", "/work/shared"),
      "data/taylor-electricity-demand/taylor_halfhourly_demand.csv");

  final LocalDateTime[] timestamps;
  final double[] demand;

  private DemandData(LocalDateTime[] timestamps, double[] demand) {
    this.timestamps = timestamps;
    this.demand = demand;
  }

  static DemandData load() {
    try {
      List<String> lines = Files.readAllLines(FILE);
      List<String> rows = lines.subList(1, lines.size()).stream()
          .filter(line -> !line.isBlank()).toList();
      LocalDateTime[] stamps = new LocalDateTime[rows.size()];
      double[] values = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        String[] fields = rows.get(i).split(",");
        stamps[i] = LocalDateTime.parse(fields[0]);
        values[i] = Double.parseDouble(fields[1]);
      }
      return new DemandData(stamps, values);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + FILE, e);
    }
  }
}
