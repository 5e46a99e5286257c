package org.doppel.plugins.controllers.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Plain CSV matrices for the benchmark drivers. */
final class Csv {

  private Csv() {
  }

  static double[][] read(String path) {
    try {
      return Files.readAllLines(Path.of(path)).stream().filter(line -> !line.isBlank())
          .map(line -> Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble)
              .toArray())
          .toArray(double[][]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path path, double[][] m) {
    List<String> lines = Arrays.stream(m).map(row -> String.join(",", Arrays.stream(row)
        .mapToObj(v -> String.format(Locale.ROOT, "%.17g", v)).toList())).toList();
    try {
      Files.write(path, lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static double[][] identity(int n) {
    double[][] id = new double[n][n];
    for (int i = 0; i < n; i++) {
      id[i][i] = 1;
    }
    return id;
  }
}
