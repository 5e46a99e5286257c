package org.doppel.runtime.ingest;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.doppel.sdk.data.IngestSpec;
import org.doppel.sdk.data.IngestSpec.DuplicatePolicy;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.sdk.data.TimeSeries;

/**
 * Lays parsed rows onto the sampling grid, applying the spec's policies for gaps, repeated
 * timestamps and missing values, and counts every repair.
 *
 * <p>Rows arrive in file order. Each is compared with the last row accepted: the same
 * timestamp is a duplicate, an earlier one is out of order, one off the grid is off-grid,
 * and one more than an interval later leaves a gap. Not thread-safe: one per read.
 */
final class SeriesAssembler {

  /** The most rows one gap may be filled with, so a stray far-future stamp fails cleanly. */
  static final long MAX_GAP_ROWS = 1_000_000;

  /** One grid point: the sum and count of the values seen there (several when merged). */
  private static final class Slot {
    final long index;
    final LocalDateTime time;
    final long line;
    final boolean filled;
    final double[] sum;
    final int[] count;

    Slot(long index, LocalDateTime time, long line, boolean filled, int width) {
      this.index = index;
      this.time = time;
      this.line = line;
      this.filled = filled;
      this.sum = new double[width];
      this.count = new int[width];
    }

    void add(double[] values) {
      for (int column = 0; column < values.length; column++) {
        if (!Double.isNaN(values[column])) {
          sum[column] += values[column];
          count[column]++;
        }
      }
    }
  }

  private final IngestSpec spec;
  private final IssueCollector issues;
  private final RepairCounts repairs;
  private final List<Slot> slots = new ArrayList<>();
  private SamplingGrid grid;
  private boolean rejectedSinceLast;

  SeriesAssembler(IngestSpec spec, IssueCollector issues, RepairCounts repairs) {
    this.spec = spec;
    this.issues = issues;
    this.repairs = repairs;
  }

  /**
   * Places one row; {@code values} holds NaN where a cell is missing.
   *
   * @param line the row's 1-based line in the file
   */
  void accept(long line, LocalDateTime time, double[] values) {
    if (slots.isEmpty()) {
      grid = SamplingGrid.anchoredAt(time, spec.interval());
      append(0, line, false).add(values);
      return;
    }
    Slot last = slots.get(slots.size() - 1);
    LocalDateTime lastTime = last.time;
    if (time.equals(lastTime)) {
      duplicate(line, time, last, values);
    } else if (time.isBefore(lastTime)) {
      rejectedSinceLast = true;
      issues.add(line, spec.timestampColumn(), "out of order: " + time + " is earlier than "
          + lastTime + " at line " + last.line + "; timestamps must increase");
    } else {
      advance(line, time, last, values);
    }
  }

  private void duplicate(long line, LocalDateTime time, Slot last, double[] values) {
    if (spec.duplicates() == DuplicatePolicy.MEAN) {
      last.add(values);
      repairs.add(RepairCounts.DUPLICATES_MERGED, 1);
      return;
    }
    issues.add(line, spec.timestampColumn(), "duplicate timestamp " + time
        + ", first at line " + last.line
        + " (a daylight-saving hour or a resent row?); set duplicates: mean to merge them");
  }

  private void advance(long line, LocalDateTime time, Slot last, double[] values) {
    OptionalLong index = grid.indexOf(time);
    if (index.isEmpty()) {
      rejectedSinceLast = true;
      issues.add(line, spec.timestampColumn(), "off-grid step: " + time + " is not a whole "
          + SamplingGrid.describe(spec.interval()) + " step after " + last.time
          + " at line " + last.line);
      return;
    }
    long missing = index.getAsLong() - last.index - 1;
    if (missing > 0) {
      gap(line, time, last, missing);
    }
    append(index.getAsLong(), line, false).add(values);
  }

  private void gap(long line, LocalDateTime time, Slot last, long missing) {
    String where = missing + " missing row(s) at " + SamplingGrid.describe(spec.interval())
        + " between " + last.time + " (line " + last.line + ") and " + time;
    if (spec.gaps() == GapPolicy.FAIL) {
      // A row rejected just before most likely is the missing one; its issue says so.
      if (!rejectedSinceLast) {
        issues.add(line, spec.timestampColumn(), "gap: " + where
            + "; the gap policy 'interpolate' would fill them");
      }
    } else if (missing > MAX_GAP_ROWS) {
      issues.add(line, spec.timestampColumn(), "gap too long to fill: " + where);
    } else {
      for (long k = 1; k <= missing; k++) {
        append(last.index + k, line, true);
      }
      repairs.add(RepairCounts.GAPS_INTERPOLATED, missing);
    }
  }

  private Slot append(long index, long line, boolean filled) {
    Slot slot = new Slot(index, grid.at(index), line, filled, spec.columns().size());
    slots.add(slot);
    rejectedSinceLast = false;
    return slot;
  }

  /** Notes a row that could not be placed (no timestamp, wrong field count). */
  void reject() {
    rejectedSinceLast = true;
  }

  /**
   * Averages merged rows, interpolates filled rows and missing cells, and builds the series;
   * call only when no issue was found.
   */
  TimeSeries finish() {
    int width = spec.columns().size();
    double[][] values = new double[slots.size()][width];
    LocalDateTime[] times = new LocalDateTime[slots.size()];
    for (int row = 0; row < slots.size(); row++) {
      Slot slot = slots.get(row);
      times[row] = slot.time;
      for (int column = 0; column < width; column++) {
        values[row][column] = slot.count[column] == 0
            ? Double.NaN
            : slot.sum[column] / slot.count[column];
      }
    }
    for (int column = 0; column < width; column++) {
      interpolate(values, column);
    }
    issues.throwIfAny();
    return new TimeSeries(spec.columns(), times, values, spec.interval());
  }

  private void interpolate(double[][] values, int column) {
    int before = -1;
    for (int row = 0; row < values.length; row++) {
      if (Double.isNaN(values[row][column])) {
        continue;
      }
      if (row - before > 1) {
        fillRun(values, column, before, row);
      }
      before = row;
    }
    if (before < values.length - 1) {
      fillRun(values, column, before, values.length);
    }
  }

  /** Fills rows strictly between {@code before} and {@code after}, or reports an open end. */
  private void fillRun(double[][] values, int column, int before, int after) {
    String name = spec.columns().get(column).name();
    if (before < 0 || after >= values.length) {
      int edge = before < 0 ? 0 : before + 1;
      issues.add(slots.get(edge).line, name, "missing value at the "
          + (before < 0 ? "start" : "end") + " of the series: no valid value "
          + (before < 0 ? "before" : "after") + " it to interpolate from");
      return;
    }
    double from = values[before][column];
    double to = values[after][column];
    for (int row = before + 1; row < after; row++) {
      double weight = (double) (row - before) / (after - before);
      values[row][column] = from + weight * (to - from);
      if (!slots.get(row).filled) {
        repairs.add(RepairCounts.VALUES_INTERPOLATED, 1);
      }
    }
  }
}
