package org.doppel.plugins.controllers.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.doppel.plugins.controllers.riccati.RiccatiSolution;
import org.doppel.plugins.controllers.riccati.RiccatiSolver;

/**
 * Times {@link RiccatiSolver} (median of repeated solves after a warm-up) on the CSV cases
 * that {@code bench/riccati_cases.py} writes; {@code bench/riccati-bench.sh} runs it next to
 * SciPy. Arguments: the case folder, then the state sizes. Not a unit test.
 */
public final class RiccatiBenchmark {

  private RiccatiBenchmark() {
  }

  public static void main(String[] args) {
    Path root = Path.of(args[0]);
    for (String size : Arrays.copyOfRange(args, 1, args.length)) {
      int n = Integer.parseInt(size);
      Path folder = root.resolve("n" + n);
      RealMatrix a = read(folder, "A");
      RealMatrix b = read(folder, "B");
      RealMatrix q = read(folder, "Q");
      RealMatrix r = read(folder, "R");
      report(n, "care", () -> RiccatiSolver.care(a, b, q, r));
      report(n, "dare", () -> RiccatiSolver.dare(a, b, q, r));
    }
  }

  private static void report(int n, String equation,
      java.util.function.Supplier<RiccatiSolution> solve) {
    int repeats = n <= 10 ? 200 : (n <= 50 ? 20 : 5);
    // Warm-up: let the JIT compile the kernels before the timed runs.
    RiccatiSolution solution = null;
    for (int i = 0; i < (n <= 50 ? 50 : 1); i++) {
      solution = solve.get();
    }
    double[] seconds = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long started = System.nanoTime();
      solution = solve.get();
      seconds[i] = (System.nanoTime() - started) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(Locale.ROOT, "doppel %d %s %.6e %.3e %d%n", n, equation,
        seconds[repeats / 2], solution.relativeResidual(), solution.iterations());
  }

  private static RealMatrix read(Path folder, String name) {
    return MatrixUtils.createRealMatrix(Csv.read(folder.resolve(name + ".csv").toString()));
  }
}
