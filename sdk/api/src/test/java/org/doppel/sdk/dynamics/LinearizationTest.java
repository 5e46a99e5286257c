package org.doppel.sdk.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LinearizationTest {

  private static final Path REFERENCE =
      Path.of(System.getProperty("doppel.shared", "../../../shared"), "data/lqr-reference");

  @Test
  void zeroOrderHoldOfAnIntegratorIsExact() {
    Linearization integrator = new Linearization(new double[][] {{0}}, new double[][] {{2}},
        new double[][] {{1}}, 0);

    Linearization discrete = integrator.discretize(0.5);

    assertEquals(1.0, discrete.a()[0][0], 1e-15);
    assertEquals(1.0, discrete.b()[0][0], 1e-15);
    assertEquals(0.5, discrete.g()[0][0], 1e-15);
  }

  @Test
  void zeroOrderHoldMatchesTheReferenceDiscretisationOfTheTwoAreaModel() throws IOException {
    Path dir = REFERENCE.resolve("lfc_two_area");
    Linearization continuous = new Linearization(read(dir.resolve("A.csv")),
        read(dir.resolve("B.csv")), read(dir.resolve("G.csv")), 0);

    Linearization discrete = continuous.discretize(0.1);

    assertMatrixClose(read(dir.resolve("Ad.csv")), discrete.a(), 1e-12);
    assertMatrixClose(read(dir.resolve("Bd.csv")), discrete.b(), 1e-12);
  }

  @Test
  void discretisingADiscreteModelIsRefused() {
    Linearization discrete = new Linearization(new double[][] {{1}}, new double[][] {{1}},
        new double[][] {{0}}, 0.1);

    assertThrows(IllegalStateException.class, () -> discrete.discretize(0.1));
  }

  static double[][] read(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(line -> !line.isBlank())
        .map(line -> java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble)
            .toArray())
        .toArray(double[][]::new);
  }

  private static void assertMatrixClose(double[][] expected, double[][] actual, double tol) {
    double diff = 0;
    double norm = 0;
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[i].length; j++) {
        diff += Math.pow(expected[i][j] - actual[i][j], 2);
        norm += Math.pow(expected[i][j], 2);
      }
    }
    assertEquals(0, Math.sqrt(diff / norm), tol, "relative Frobenius error");
  }
}
