package org.doppel.plugins.controllers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/** The shared LQR reference vectors, read through the {@code doppel.shared} property. */
public final class ReferenceCases {

  /** Every case folder in the reference set. */
  public static final List<String> CASES = List.of("random_n2", "random_n4", "random_n10",
      "random_n50", "lfc_two_area", "pendulum_q1", "pendulum_q2");

  private static final Path ROOT = Path.of(System.getProperty("doppel.shared", "../../../shared"),
      "data", "lqr-reference");

  private ReferenceCases() {
  }

  public static RealMatrix matrix(String name, String file) {
    try {
      double[][] rows = Files.readAllLines(ROOT.resolve(name).resolve(file)).stream()
          .filter(line -> !line.isBlank())
          .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble)
              .toArray())
          .toArray(double[][]::new);
      return MatrixUtils.createRealMatrix(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read reference " + name + "/" + file, e);
    }
  }

  public static double[][] array(String name, String file) {
    return matrix(name, file).getData();
  }

  /** ||expected - actual||_F / ||expected||_F. */
  public static double relativeError(RealMatrix expected, RealMatrix actual) {
    return expected.subtract(actual).getFrobeniusNorm() / expected.getFrobeniusNorm();
  }
}
