package org.doppel.runtime.data;

import java.util.List;

/** Case C08's input: 48 rows of a varying load, an all-zero flag and a constant set-point. */
final class C08Features {

  static final List<String> COLUMNS = List.of("load_mw", "is_holiday", "setpoint");

  private C08Features() {
  }

  static double[][] rows() {
    double[][] rows = new double[48][];
    for (int i = 0; i < rows.length; i++) {
      double load = 500 + 80 * Math.sin(2 * Math.PI * i / 48) + 3 * (i % 5);
      rows[i] = new double[] {load, 0.0, 500.0};
    }
    return rows;
  }

  static double[] column(double[][] rows, int column) {
    double[] values = new double[rows.length];
    for (int row = 0; row < rows.length; row++) {
      values[row] = rows[row][column];
    }
    return values;
  }
}
