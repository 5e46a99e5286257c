package org.doppel.sdk.data;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Regularly sampled measurements: one timestamp per row and one or more named columns with
 * units.
 *
 * <p>Immutable and thread-safe: accessors return copies. Timestamps are naive local times
 * as the source gives them, strictly increasing by {@link #interval()}.
 */
public final class TimeSeries {

  private final List<Column> columns;
  private final LocalDateTime[] timestamps;
  private final double[][] values;
  private final Duration interval;

  /**
   * @param columns the value columns
   * @param timestamps one per row
   * @param values {@code values[row][column]}
   * @param interval the sampling interval
   * @throws IllegalArgumentException when the shapes disagree
   */
  public TimeSeries(List<Column> columns, LocalDateTime[] timestamps, double[][] values,
      Duration interval) {
    this.columns = List.copyOf(columns);
    this.timestamps = timestamps.clone();
    this.interval = Objects.requireNonNull(interval, "interval");
    if (values.length != timestamps.length) {
      throw new IllegalArgumentException("rows: " + values.length + " value rows for "
          + timestamps.length + " timestamps");
    }
    this.values = new double[values.length][];
    for (int row = 0; row < values.length; row++) {
      if (values[row].length != columns.size()) {
        throw new IllegalArgumentException("row " + row + " has " + values[row].length
            + " values for " + columns.size() + " columns");
      }
      this.values[row] = values[row].clone();
    }
  }

  public List<Column> columns() {
    return columns;
  }

  public int size() {
    return timestamps.length;
  }

  public Duration interval() {
    return interval;
  }

  public LocalDateTime timestamp(int row) {
    return timestamps[row];
  }

  public LocalDateTime[] timestamps() {
    return timestamps.clone();
  }

  public double value(int row, int column) {
    return values[row][column];
  }

  /** The index of column {@code name}. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column '" + name + "'; columns: "
        + columns.stream().map(Column::name).toList());
  }

  /** All values of one column, in row order. */
  public double[] column(String name) {
    int index = columnIndex(name);
    double[] result = new double[values.length];
    for (int row = 0; row < values.length; row++) {
      result[row] = values[row][index];
    }
    return result;
  }

  /** Rows {@code [from, to)} as a new series. */
  public TimeSeries slice(int from, int to) {
    Objects.checkFromToIndex(from, to, timestamps.length);
    return new TimeSeries(columns, Arrays.copyOfRange(timestamps, from, to),
        Arrays.copyOfRange(values, from, to), interval);
  }

  /** A series with the same timestamps and one column. */
  public static TimeSeries ofColumn(Column column, LocalDateTime[] timestamps, double[] values,
      Duration interval) {
    List<double[]> rows = new ArrayList<>(values.length);
    for (double value : values) {
      rows.add(new double[] {value});
    }
    return new TimeSeries(List.of(column), timestamps, rows.toArray(double[][]::new), interval);
  }

  @Override
  public String toString() {
    return "TimeSeries[" + size() + " rows x " + columns + ", every " + interval + "]";
  }
}
