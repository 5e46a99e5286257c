package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.doppel.domains.traffic.CsvRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-minute loop counts and occupancies of the grid, {@code [minute][loop]} with loops in
 * {@link GridNetwork#detectors()} order. Immutable after reading; thread-safe.
 *
 * <p>Checks while reading, each a problem located by file, line and column: a loop the
 * network does not have, a negative or fractional count, an occupancy outside 0–100 %,
 * a time not on the one-minute grid, a loop-minute given twice or missing. One repair is
 * declared rather than refused: a speed given for a minute in which no vehicle was counted
 * (SUMO writes no speed then) contradicts the count, which is the figure the twin uses, so
 * the speed is dropped and the repair counted in {@link #droppedSpeeds()}.
 */
public final class LoopData {

  private static final Logger LOG = LoggerFactory.getLogger(LoopData.class);
  private static final List<String> SPEED_COLUMNS = List.of("speed_m_per_s",
      "harmonic_mean_speed_m_per_s");

  private final double startSeconds;
  private final int[][] counts;
  private final double[][] occupancy;
  private final int droppedSpeeds;

  private LoopData(double startSeconds, int[][] counts, double[][] occupancy,
      int droppedSpeeds) {
    this.startSeconds = startSeconds;
    this.counts = counts;
    this.occupancy = occupancy;
    this.droppedSpeeds = droppedSpeeds;
  }

  /**
   * Reads {@code loops_1min.csv} for the loops of {@code network}.
   *
   * @param name the file name errors show
   * @throws org.doppel.sdk.data.IngestException listing every problem, located
   */
  public static LoopData read(URL source, String name, GridNetwork network)
      throws IOException {
    Map<Long, Map<Integer, double[]>> byMinute = new HashMap<>();
    int[] dropped = {0};
    double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    CsvRows.read(source, name, List.of("interval_begin_s", "interval_end_s", "detector_id",
        "veh_count", "occupancy_pct", "speed_m_per_s"), row -> {
          String id = row.text("detector_id");
          int loop = network.detectors().indexOf(id);
          if (loop < 0) {
            row.problem("detector_id", "loop '" + id + "' is not in the network"
                + " (detectors.csv)");
            return;
          }
          double begin = row.number("interval_begin_s", true);
          double end = row.number("interval_end_s", true);
          double count = row.number("veh_count", true);
          double occupied = row.number("occupancy_pct", true);
          if (Double.isNaN(begin) || Double.isNaN(end) || Double.isNaN(count)
              || Double.isNaN(occupied)) {
            return;
          }
          if (end - begin != 60 || begin % 60 != 0) {
            row.problem("interval_begin_s", "interval " + begin + "–" + end + " s is not one"
                + " whole minute");
            return;
          }
          if (count < 0 || count != Math.rint(count)) {
            row.problem("veh_count", "a vehicle count must be a whole number of at least 0,"
                + " got " + row.text("veh_count"));
            return;
          }
          if (occupied < 0 || occupied > 100) {
            row.problem("occupancy_pct", "occupancy must be within 0–100 %, got " + occupied);
            return;
          }
          if (count == 0 && SPEED_COLUMNS.stream().anyMatch(c -> !row.text(c).isEmpty())) {
            dropped[0]++;
          }
          Map<Integer, double[]> minute = byMinute.computeIfAbsent((long) (begin / 60),
              k -> new HashMap<>());
          if (minute.put(loop, new double[] {count, occupied}) != null) {
            row.problem("detector_id", "loop '" + id + "' has a second row for the minute"
                + " starting at " + begin + " s");
          }
          range[0] = Math.min(range[0], begin);
          range[1] = Math.max(range[1], begin);
        });
    return assemble(name, network, byMinute, range, dropped[0]);
  }

  private static LoopData assemble(String name, GridNetwork network,
      Map<Long, Map<Integer, double[]>> byMinute, double[] range, int dropped) {
    if (byMinute.isEmpty()) {
      throw new IllegalArgumentException(name + ": no loop rows");
    }
    long first = (long) (range[0] / 60);
    int minutes = (int) ((long) (range[1] / 60) - first + 1);
    int loops = network.detectors().size();
    int[][] counts = new int[minutes][loops];
    double[][] occupancy = new double[minutes][loops];
    for (int m = 0; m < minutes; m++) {
      Map<Integer, double[]> minute = byMinute.getOrDefault(first + m, Map.of());
      if (minute.size() != loops) {
        int missing = loops - minute.size();
        throw new IllegalArgumentException(name + ": the minute starting at "
            + (first + m) * 60 + " s has no row for " + missing + " of " + loops + " loops"
            + " (first missing: " + firstMissing(network, minute) + ")");
      }
      for (var entry : minute.entrySet()) {
        counts[m][entry.getKey()] = (int) entry.getValue()[0];
        occupancy[m][entry.getKey()] = entry.getValue()[1];
      }
    }
    if (dropped > 0) {
      LOG.warn("Loop data [{}]: [{}] rows give a speed for a minute with no vehicle counted;"
          + " the speed is dropped (the count stands)", name, dropped);
    }
    return new LoopData(first * 60.0, counts, occupancy, dropped);
  }

  private static String firstMissing(GridNetwork network, Map<Integer, double[]> minute) {
    for (int d = 0; d < network.detectors().size(); d++) {
      if (!minute.containsKey(d)) {
        return network.detectors().get(d);
      }
    }
    return "none";
  }

  /** Simulation seconds after midnight at which the first minute starts. */
  public double startSeconds() {
    return startSeconds;
  }

  public int minutes() {
    return counts.length;
  }

  /** The number of loops. */
  public int loops() {
    return counts[0].length;
  }

  /** Vehicles counted by {@code loop} in {@code minute}. */
  public int count(int minute, int loop) {
    return counts[minute][loop];
  }

  /** Occupancy of {@code loop} in {@code minute}, %. */
  public double occupancy(int minute, int loop) {
    return occupancy[minute][loop];
  }

  /** Rows whose speed was dropped because no vehicle was counted (a declared repair). */
  public int droppedSpeeds() {
    return droppedSpeeds;
  }
}
