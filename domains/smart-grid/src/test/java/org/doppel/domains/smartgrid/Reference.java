package org.doppel.domains.smartgrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The shared LQR reference vectors of the two-area LFC model. */
final class Reference {

  static final Path LFC = Path.of(System.getProperty("doppel.shared", "/work/shared"),
      "data/lqr-reference/lfc_two_area");

  private Reference() {
  }

  static double[][] matrix(String file) throws IOException {
    return Files.readAllLines(LFC.resolve(file)).stream().filter(line -> !line.isBlank())
        .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
  }

  static double maxAbsDifference(double[][] expected, double[][] actual) {
    if (expected.length != actual.length) {
      return Double.POSITIVE_INFINITY;
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      if (expected[i].length != actual[i].length) {
        return Double.POSITIVE_INFINITY;
      }
      for (int j = 0; j < expected[i].length; j++) {
        worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
      }
    }
    return worst;
  }
}
