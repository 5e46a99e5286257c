package org.doppel.plugins.controllers.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.doppel.plugins.controllers.AttentionEstimateController;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/**
 * Closed-loop cost Σ xᵀx + uᵀu of {@code attention-estimate} on the two-area LFC model,
 * learned fusion against the plain (mean) estimate, the freshest sensor alone and the true
 * state, under seeded white load noise: run with the test class path, {@code doppel.shared}
 * set. Not a unit test; see docs/notes/controllers.md.
 */
public final class AttentionEstimateComparison {

  private static final double PERIOD = 0.1;

  private AttentionEstimateComparison() {
  }

  public static void main(String[] args) {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    // Bias of the third sensor in units of the fine noise: 1 in the tests, 4 shows the limit.
    double biasFactor = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    String root = System.getProperty("doppel.shared", "/work/shared") + "/data/lqr-reference/"
        + "lfc_two_area/";
    Linearization plant = new Linearization(Csv.read(root + "A.csv"), Csv.read(root + "B.csv"),
        Csv.read(root + "G.csv"), 0);
    ControlProblem problem = new ControlProblem(plant, Csv.identity(9), Csv.identity(2),
        new double[0][9], new double[0], ControlProblem.Bounds.none(), PERIOD);
    double load = 0.01;
    double fine = 0.0005;
    List<Map<String, Object>> sensors = List.of(sensor(fine, 4, 0), sensor(10 * fine, 0, 0),
        sensor(fine, 0, biasFactor * fine));

    AttentionEstimateController controller = new AttentionEstimateController();
    for (int seed = 1; seed <= 5; seed++) {
      ControlLaw fused = controller.design(problem, parameters(sensors, "learned", seed));
      ControlLaw plain = controller.design(problem, parameters(sensors, "mean", seed));
      ControlLaw freshest = controller.design(problem, parameters(List.of(sensors.get(1)),
          "mean", seed));
      ControlLaw truth = new LqrController().design(problem, Parameters.of("controller/lqr",
          Map.of("mode", "discrete")));
      System.out.printf("seed %d cost fused %.4f plain %.4f freshest %.4f true %.4f%n", seed,
          cost(fused, plant, load, steps, seed), cost(plain, plant, load, steps, seed),
          cost(freshest, plant, load, steps, seed), cost(truth, plant, load, steps, seed));
      if (seed == 1) {
        Map<String, Object> d = fused.diagnostics();
        for (String key : List.of("attention_weight_mean", "attention_weights",
            "calibration_mse_fused", "calibration_mse_plain", "estimate_loop_spectral_radius",
            "estimate_mse")) {
          System.out.println("  " + key + " = " + d.get(key));
        }
        System.out.println("  plain estimate_mse = " + plain.diagnostics().get("estimate_mse")
            + ", loop spectral radius = "
            + plain.diagnostics().get("estimate_loop_spectral_radius"));
      }
    }
  }

  private static Map<String, Object> sensor(double noise, int delay, double bias) {
    Map<String, Object> sensor = new LinkedHashMap<>();
    sensor.put("noise", noise);
    sensor.put("delay", delay);
    sensor.put("bias", bias);
    return sensor;
  }

  private static Parameters parameters(List<?> sensors, String fusion, int seed) {
    return Parameters.of("controller/attention-estimate", Map.of("sensors", sensors,
        "fusion", fusion, "seed", seed, "calibration_disturbance", 0.01));
  }

  private static double cost(ControlLaw law, Linearization plant, double sigma, int steps,
      int seed) {
    Linearization d = plant.discretize(PERIOD);
    double[][] a = d.a();
    double[][] b = d.b();
    double[][] g = d.g();
    Random random = new Random(1000 + seed);
    double[] x = new double[plant.states()];
    double cost = 0;
    for (int k = 0; k < steps; k++) {
      double[] u = law.input(k, x, new double[0][]);
      double[] w = {sigma * random.nextGaussian(), sigma * random.nextGaussian()};
      double[] next = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        cost += x[i] * x[i];
        for (int j = 0; j < x.length; j++) {
          next[i] += a[i][j] * x[j];
        }
        for (int j = 0; j < u.length; j++) {
          next[i] += b[i][j] * u[j];
        }
        for (int j = 0; j < w.length; j++) {
          next[i] += g[i][j] * w[j];
        }
      }
      for (double v : u) {
        cost += v * v;
      }
      x = next;
    }
    return cost;
  }
}
