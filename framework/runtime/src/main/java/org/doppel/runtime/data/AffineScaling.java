package org.doppel.runtime.data;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;

/**
 * The arithmetic shared by the scalers: fitting an offset and a scale per column, with the
 * constant-column rule, and applying {@code (x - offset) / scale} and its inverse.
 * Immutable and thread-safe.
 */
final class AffineScaling {

  /** How a scaler derives a non-constant column's offset and scale from its values. */
  interface ColumnFit {
    /** {@code {offset, scale}} for a column whose values are not all equal. */
    double[] fit(double[] values);
  }

  private final ScalerState state;
  private final double[] offsets;
  private final double[] scales;

  AffineScaling(ScalerState state) {
    this.state = state;
    this.offsets = state.offsets().stream().mapToDouble(Double::doubleValue).toArray();
    this.scales = state.scales().stream().mapToDouble(Double::doubleValue).toArray();
  }

  /**
   * Fits every column of {@code rows}.
   *
   * @param scaleName the word for the scale in messages: "std" or "range"
   */
  static AffineScaling fit(String method, String scaleName, List<String> columns,
      double[][] rows, ConstantColumnPolicy policy, ColumnFit columnFit, Logger log) {
    checkColumns(columns);
    if (rows.length == 0) {
      throw new IllegalArgumentException("cannot fit a scaler on no rows");
    }
    checkRows(columns, rows);

    List<Double> offsets = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    List<String> constant = new ArrayList<>();
    for (int column = 0; column < columns.size(); column++) {
      double[] values = column(rows, column);
      if (isConstant(values)) {
        constant.add(columns.get(column));
        offsets.add(values[0]);
        scales.add(1.0);
      } else {
        double[] fitted = columnFit.fit(values);
        checkScale(columns.get(column), scaleName, fitted[1]);
        offsets.add(fitted[0]);
        scales.add(fitted[1]);
      }
    }

    if (!constant.isEmpty() && policy == ConstantColumnPolicy.REJECT) {
      throw new IllegalArgumentException("constant column(s) " + constant + " ("
          + scaleName + " 0) cannot be scaled in strict mode; drop them or allow them to"
          + " scale by 1");
    }
    for (String name : constant) {
      log.warn("Column [{}] is constant ({} in all {} rows): it scales to 0 with {} 1",
          name, offsets.get(columns.indexOf(name)), rows.length, scaleName);
    }
    return new AffineScaling(new ScalerState(method, columns, offsets, scales, constant));
  }

  ScalerState state() {
    return state;
  }

  double[][] transform(double[][] rows) {
    checkRows(state.columns(), rows);
    double[][] result = new double[rows.length][];
    for (int row = 0; row < rows.length; row++) {
      result[row] = new double[offsets.length];
      for (int column = 0; column < offsets.length; column++) {
        result[row][column] = (rows[row][column] - offsets[column]) / scales[column];
      }
    }
    return result;
  }

  double[][] inverseTransform(double[][] rows) {
    checkRows(state.columns(), rows);
    double[][] result = new double[rows.length][];
    for (int row = 0; row < rows.length; row++) {
      result[row] = new double[offsets.length];
      for (int column = 0; column < offsets.length; column++) {
        result[row][column] = rows[row][column] * scales[column] + offsets[column];
      }
    }
    return result;
  }

  double[] transformColumn(String name, double[] values) {
    int column = indexOf(name);
    checkFinite(name, values);
    double[] result = new double[values.length];
    for (int row = 0; row < values.length; row++) {
      result[row] = (values[row] - offsets[column]) / scales[column];
    }
    return result;
  }

  double[] inverseTransformColumn(String name, double[] values) {
    int column = indexOf(name);
    checkFinite(name, values);
    double[] result = new double[values.length];
    for (int row = 0; row < values.length; row++) {
      result[row] = values[row] * scales[column] + offsets[column];
    }
    return result;
  }

  private int indexOf(String name) {
    int column = state.columns().indexOf(name);
    if (column < 0) {
      throw new IllegalArgumentException("no column '" + name + "' in this scaler; columns: "
          + state.columns());
    }
    return column;
  }

  private static boolean isConstant(double[] values) {
    for (double value : values) {
      if (value != values[0]) {
        return false;
      }
    }
    return true;
  }

  private static double[] column(double[][] rows, int column) {
    double[] values = new double[rows.length];
    for (int row = 0; row < rows.length; row++) {
      values[row] = rows[row][column];
    }
    return values;
  }

  private static void checkColumns(List<String> columns) {
    if (columns.isEmpty() || new HashSet<>(columns).size() != columns.size()) {
      throw new IllegalArgumentException("column names must be given, each once; got "
          + columns);
    }
  }

  private static void checkRows(List<String> columns, double[][] rows) {
    for (int row = 0; row < rows.length; row++) {
      if (rows[row].length != columns.size()) {
        throw new IllegalArgumentException("row " + row + " has " + rows[row].length
            + " values for the " + columns.size() + " columns " + columns);
      }
      for (int column = 0; column < columns.size(); column++) {
        if (!Double.isFinite(rows[row][column])) {
          throw new IllegalArgumentException("row " + row + ", column '" + columns.get(column)
              + "': " + rows[row][column] + " is not a finite value");
        }
      }
    }
  }

  private static void checkFinite(String name, double[] values) {
    for (int row = 0; row < values.length; row++) {
      if (!Double.isFinite(values[row])) {
        throw new IllegalArgumentException("row " + row + ", column '" + name + "': "
            + values[row] + " is not a finite value");
      }
    }
  }

  private static void checkScale(String name, String scaleName, double scale) {
    if (!(scale > 0) || !Double.isFinite(scale)) {
      throw new IllegalArgumentException("column '" + name + "' has " + scaleName + " "
          + scale + ", which cannot scale it: its values are too close together or too far"
          + " apart for double precision");
    }
  }
}
