package org.doppel.domains.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The manifest of the extra simulated mornings a loop data set ships beside its main morning
 * ({@value #MANIFEST}): one row per morning file (gzip CSV in the main file's layout, with the
 * columns the ingest reads), its SUMO seed, demand factor and shift, rows and checksums. The
 * mornings share the main morning's network and detectors; only the random seed and the
 * demand differ. Stateless.
 */
public final class Mornings {

  /** Where the manifest lies, relative to the data set's folder. */
  public static final String MANIFEST = "mornings/mornings.csv";

  private Mornings() {
  }

  /** One listed morning: its file (relative to the data set's folder) and how it was made. */
  public record Morning(String file, long seed, double demandFactor, int shiftQuarterHours,
      long rows) {
  }

  /**
   * Reads the manifest.
   *
   * @param name the manifest's name as errors show it
   * @throws org.doppel.sdk.data.IngestException naming the line and column of a bad row
   */
  public static List<Morning> read(InputStream manifest, String name) throws IOException {
    List<Morning> mornings = new ArrayList<>();
    CsvRows.read(manifest, name, List.of("file", "seed", "demand_factor",
        "shift_quarter_hours", "rows"), row -> {
          String file = row.text("file");
          if (!file.matches("[A-Za-z0-9._-]+\\.csv(\\.gz)?")) {
            row.problem("file", "'" + file + "' is not a plain .csv or .csv.gz file name");
            return;
          }
          double seed = row.number("seed", true);
          double factor = row.number("demand_factor", true);
          double shift = row.number("shift_quarter_hours", true);
          double rows = row.number("rows", true);
          if (Double.isNaN(seed) || Double.isNaN(factor) || Double.isNaN(shift)
              || Double.isNaN(rows)) {
            return;
          }
          if (!(factor > 0)) {
            row.problem("demand_factor", "must be positive, got " + factor);
            return;
          }
          mornings.add(new Morning("mornings/" + file, (long) seed, factor, (int) shift,
              (long) rows));
        });
    return mornings;
  }
}
