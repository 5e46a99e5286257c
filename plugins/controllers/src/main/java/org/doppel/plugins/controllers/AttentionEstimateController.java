package org.doppel.plugins.controllers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.doppel.plugins.controllers.estimate.AttentionFusion;
import org.doppel.plugins.controllers.estimate.DelayedLoop;
import org.doppel.plugins.controllers.estimate.FusedEstimateLaw;
import org.doppel.plugins.controllers.estimate.Sensor;
import org.doppel.plugins.controllers.estimate.SensorChain;
import org.doppel.plugins.controllers.riccati.Matrices;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.dynamics.Linearization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discrete LQR driven by an attention-weighted fusion of several modelled sensors,
 * {@code attention-estimate}.
 *
 * <p>The state the law is handed is taken as the true state x; the law reads it through its
 * {@code sensors} (each y = x[k − delay] + bias + noise, seeded) and feeds the LQR law of
 * {@code lqr {mode: discrete}} the fusion x̂_j = Σᵢ α_ji y_ij, with α_j = softmax(s_j) per
 * state component. The scores are learned at design time on a calibration run of the closed
 * loop driven by the plain estimate, minimising the mean squared error of x̂ against x.
 *
 * <p>The <em>plain estimate</em> is the unweighted mean of the sensors (α = 1/S, the
 * untrained fusion); {@code fusion: mean} runs the law on it, for comparison.
 *
 * <p>Parameters: {@code sensors} (required, a list of {@code {noise, bias, delay}}: see
 * {@link Sensor}; noise and bias absolute, in state units), {@code fusion} ({@code learned}
 * or {@code mean}, default learned), {@code seed} (1), {@code calibration_steps} (2000),
 * {@code calibration_disturbance} (1: the standard deviation of the white disturbance w
 * entering through the plant's G each calibration step, or of white process noise on every
 * state when the plant has no disturbance input).
 *
 * <p>Stateless and thread-safe.
 */
public final class AttentionEstimateController implements Controller {

  static final String ID = "attention-estimate";
  private static final Logger LOG = LoggerFactory.getLogger(AttentionEstimateController.class);
  private static final Set<String> KEYS = Set.of("sensors", "fusion", "seed",
      "calibration_steps", "calibration_disturbance");
  private static final int MIN_CALIBRATION_STEPS = 100;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Discrete LQR on an attention-weighted fusion of modelled noisy, biased or delayed"
        + " sensors, the weights learned on a seeded calibration run of the loop";
  }

  @Override
  public ControlLaw design(ControlProblem problem, Parameters parameters) {
    parameters.requireOnly(KEYS);
    Linearization plant = DiscreteModel.of(problem);
    List<Sensor> sensors = sensors(parameters, plant.states());
    boolean learned = learned(parameters);
    long seed = parameters.getInt("seed", 1);
    int steps = parameters.getInt("calibration_steps", 2000);
    if (steps < MIN_CALIBRATION_STEPS) {
      throw new PluginException(parameters.owner() + ": parameter 'calibration_steps' must"
          + " be at least " + MIN_CALIBRATION_STEPS + ", got " + steps);
    }
    double disturbance = parameters.getDouble("calibration_disturbance", 1);
    if (!(disturbance > 0) || !Double.isFinite(disturbance)) {
      throw new PluginException(parameters.owner() + ": parameter 'calibration_disturbance'"
          + " must be a positive number, got " + disturbance);
    }

    Parameters lqr = Parameters.of(parameters.owner(), Map.of("mode", "discrete"));
    LqrController design = new LqrController();
    // The calibration run gets its own law: a law keeps its previous input for rate limits.
    Calibration calibration = calibrate(plant, design.design(problem, lqr), sensors, seed,
        steps, disturbance);
    AttentionFusion plain = AttentionFusion.mean(plant.states(), sensors.size());
    AttentionFusion trained = AttentionFusion.learn(calibration.readings, calibration.truth);
    AttentionFusion used = learned ? trained : plain;

    ControlLaw feedback = design.design(problem, lqr);
    Map<String, Object> figures = describe(learned, used, trained, plain, calibration);
    figures.put("estimate_loop_spectral_radius", DelayedLoop.spectralRadius(plant.a(),
        plant.b(), gain(feedback), sensors, used.weights()));
    LOG.info("attention-estimate designed: [{}] sensors, weights per sensor [{}],"
        + " calibration MSE fused [{}] against plain [{}], loop spectral radius [{}]",
        sensors.size(), figures.get("attention_weight_mean"),
        figures.get("calibration_mse_fused"), figures.get("calibration_mse_plain"),
        figures.get("estimate_loop_spectral_radius"));
    if ((double) figures.get("estimate_loop_spectral_radius") >= 1) {
      LOG.warn("The loop on the {} estimate is not stable: spectral radius [{}]",
          figures.get("fusion"), figures.get("estimate_loop_spectral_radius"));
    }
    return new FusedEstimateLaw(feedback, new SensorChain(sensors, seed), used, figures);
  }

  private static Map<String, Object> describe(boolean learned, AttentionFusion used,
      AttentionFusion trained, AttentionFusion plain, Calibration calibration) {
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("fusion", learned ? "learned" : "mean");
    figures.put("attention_weights", perSensor(used.weights()));
    figures.put("attention_weight_mean", meanPerSensor(used.weights()));
    figures.put("calibration_steps", calibration.truth.size());
    figures.put("calibration_mse_fused", trained.meanSquaredError(calibration.readings,
        calibration.truth));
    figures.put("calibration_mse_plain", plain.meanSquaredError(calibration.readings,
        calibration.truth));
    return figures;
  }

  private static List<Sensor> sensors(Parameters parameters, int states) {
    String name = parameters.owner() + ": parameter 'sensors'";
    Object value = parameters.asMap().get("sensors");
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new PluginException(name + " must be a non-empty list of sensors such as"
          + " [{noise: 0.01, delay: 2}, {noise: 0.1}], got '" + value + "'");
    }
    List<Sensor> sensors = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      sensors.add(Sensor.parse(list.get(i), states, name.replace("'sensors'",
          "'sensors[" + i + "]'")));
    }
    return sensors;
  }

  private static boolean learned(Parameters parameters) {
    String fusion = parameters.getString("fusion", "learned");
    return switch (fusion) {
      case "learned" -> true;
      case "mean" -> false;
      default -> throw new PluginException(parameters.owner() + ": parameter 'fusion' must be"
          + " 'learned' or 'mean', got '" + fusion + "'");
    };
  }

  /** The readings and true states of a seeded run of the loop on the plain estimate. */
  private static Calibration calibrate(Linearization plant, ControlLaw feedback,
      List<Sensor> sensors, long seed, int steps, double disturbance) {
    SensorChain chain = new SensorChain(sensors, seed ^ 0x5DEECE66DL);
    AttentionFusion plain = AttentionFusion.mean(plant.states(), sensors.size());
    Random load = new Random(seed);
    double[][] a = plant.a();
    double[][] b = plant.b();
    double[][] g = plant.disturbances() > 0 ? plant.g()
        : Matrices.identity(plant.states()).getData();

    Calibration calibration = new Calibration();
    double[] x = new double[plant.states()];
    for (int k = 0; k < steps; k++) {
      double[][] readings = chain.read(x);
      calibration.readings.add(readings);
      calibration.truth.add(x);
      double[] u = feedback.input(k, plain.fuse(readings), new double[0][]);
      double[] w = new double[g[0].length];
      for (int i = 0; i < w.length; i++) {
        w[i] = disturbance * load.nextGaussian();
      }
      x = step(a, b, g, x, u, w);
      if (!Arrays.stream(x).allMatch(Double::isFinite)) {
        throw new PluginException("the calibration run of the loop on the plain estimate"
            + " diverged at step " + k + "; the sensors' delays may be too long for the gain");
      }
    }
    return calibration;
  }

  private static double[] step(double[][] a, double[][] b, double[][] g, double[] x,
      double[] u, double[] w) {
    double[] next = new double[x.length];
    for (int i = 0; i < x.length; i++) {
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
    return next;
  }

  @SuppressWarnings("unchecked")
  private static double[][] gain(ControlLaw feedback) {
    List<List<Double>> rows = (List<List<Double>>) feedback.diagnostics().get("gain");
    return rows.stream().map(row -> row.stream().mapToDouble(Double::doubleValue).toArray())
        .toArray(double[][]::new);
  }

  private static List<List<Double>> perSensor(double[][] weights) {
    List<List<Double>> rows = new ArrayList<>();
    for (int i = 0; i < weights[0].length; i++) {
      List<Double> row = new ArrayList<>();
      for (double[] component : weights) {
        row.add(component[i]);
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<Double> meanPerSensor(double[][] weights) {
    List<Double> means = new ArrayList<>();
    for (List<Double> row : perSensor(weights)) {
      means.add(row.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }
    return means;
  }

  private static final class Calibration {
    final List<double[][]> readings = new ArrayList<>();
    final List<double[]> truth = new ArrayList<>();
  }
}
