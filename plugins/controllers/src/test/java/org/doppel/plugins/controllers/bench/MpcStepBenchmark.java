package org.doppel.plugins.controllers.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/**
 * MPC step time on the two-area LFC model (horizon 20, |u| ≤ 0.1, rate ≤ 0.02 pu/s) under
 * seeded random load steps: run with the test class path, {@code doppel.shared} set. Not a
 * unit test; see docs/notes/controllers.md.
 */
public final class MpcStepBenchmark {

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  private MpcStepBenchmark() {
  }

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    String root = System.getProperty("doppel.shared", "/work/shared") + "/data/lqr-reference/"
        + "lfc_two_area/";
    Linearization plant = new Linearization(Csv.read(root + "A.csv"), Csv.read(root + "B.csv"),
        Csv.read(root + "G.csv"), 0);
    double period = 0.1;
    ControlProblem problem = new ControlProblem(plant, Csv.identity(9), Csv.identity(2),
        new double[0][9], new double[0], new ControlProblem.Bounds(new double[] {-0.1, -0.1},
            new double[] {0.1, 0.1}, new double[] {0.02, 0.02}, null, null), period);
    Linearization discrete = plant.discretize(period);

    for (int round = 0; round < 3; round++) {
      ControlLaw law = new MpcController().design(problem, Parameters.empty());
      SplittableRandom random = new SplittableRandom(20261204);
      double[] x = new double[9];
      double[] w = new double[2];
      long[] nanos = new long[steps];
      long[] cpu = new long[steps];
      for (int k = 0; k < steps; k++) {
        if (k % 100 == 0) {
          w = new double[] {0.08 * random.nextGaussian(), 0.08 * random.nextGaussian()};
        }
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        long started = System.nanoTime();
        double[] u = law.input(k, x, new double[0][]);
        nanos[k] = System.nanoTime() - started;
        cpu[k] = THREADS.getCurrentThreadCpuTime() - cpuStarted;
        x = step(discrete, x, u, w);
      }
      Arrays.sort(nanos);
      Arrays.sort(cpu);
      System.out.printf("round %d: wall median %.1f us, p90 %.1f us, max %.1f us; thread CPU"
          + " median %.1f us, p90 %.1f us; %s%n", round, nanos[steps / 2] / 1e3,
          nanos[steps * 9 / 10] / 1e3, nanos[steps - 1] / 1e3, cpu[steps / 2] / 1e3,
          cpu[steps * 9 / 10] / 1e3,
          law.diagnostics().entrySet().stream().filter(e -> !e.getKey().contains("gain"))
              .toList());
    }
  }

  private static double[] step(Linearization d, double[] x, double[] u, double[] w) {
    double[][] a = d.a();
    double[][] b = d.b();
    double[][] g = d.g();
    double[] next = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        next[i] += a[i][j] * x[j];
      }
      for (int j = 0; j < u.length; j++) {
        next[i] += b[i][j] * u[j] + g[i][j] * w[j];
      }
    }
    return next;
  }
}
