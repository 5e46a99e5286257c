package org.doppel.plugins.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttentionEstimateControllerTest {

  private static final double PERIOD = 0.1;

  private final AttentionEstimateController controller = new AttentionEstimateController();

  private static Map<String, Object> sensor(Object noise, int delay, Object bias) {
    Map<String, Object> sensor = new LinkedHashMap<>();
    sensor.put("noise", noise);
    sensor.put("delay", delay);
    sensor.put("bias", bias);
    return sensor;
  }

  private static Parameters parameters(List<?> sensors, Object... more) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("sensors", sensors);
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return Parameters.of("controller/attention-estimate", values);
  }

  private ControlLaw design(Linearization plant, Parameters parameters) {
    return controller.design(Plants.regulation(plant, ControlProblem.Bounds.none(), PERIOD),
        parameters);
  }

  @SuppressWarnings("unchecked")
  private static List<List<Double>> weights(ControlLaw law) {
    return (List<List<Double>>) law.diagnostics().get("attention_weights");
  }

  @SuppressWarnings("unchecked")
  private static List<Double> meanWeights(ControlLaw law) {
    return (List<Double>) law.diagnostics().get("attention_weight_mean");
  }

  /** Σ xᵀx + uᵀu (Q = I, R = I) over a seeded run under white disturbance of {@code sigma}. */
  static double cost(ControlLaw law, Linearization plant, double sigma, int steps) {
    Plants.Stepper stepper = Plants.Stepper.of(plant, PERIOD);
    Random load = new Random(42);
    double[] x = new double[plant.states()];
    double cost = 0;
    for (int k = 0; k < steps; k++) {
      double[] u = law.input(k, x, new double[0][]);
      for (double v : x) {
        cost += v * v;
      }
      for (double v : u) {
        cost += v * v;
      }
      double[] w = new double[plant.disturbances()];
      for (int i = 0; i < w.length; i++) {
        w[i] = sigma * load.nextGaussian();
      }
      x = stepper.step(x, u, w);
    }
    return cost;
  }

  /** A precise reading four steps late, a fresh but noisy one, a fresh biased one. */
  private static List<?> mixedSensors(double fine, double coarse) {
    return List.of(sensor(fine, 4, 0), sensor(coarse, 0, 0), sensor(fine, 0, fine));
  }

  private static void assertSimplex(ControlLaw law, int states, int sensors) {
    List<List<Double>> weights = weights(law);
    assertEquals(sensors, weights.size());
    for (int j = 0; j < states; j++) {
      double sum = 0;
      for (List<Double> perSensor : weights) {
        assertEquals(states, perSensor.size());
        assertTrue(perSensor.get(j) >= 0, "weight " + perSensor.get(j));
        sum += perSensor.get(j);
      }
      assertEquals(1, sum, 1e-12, "weights of state " + j);
    }
  }

  @Nested
  class LearnedWeights {

    @Test
    void areNonNegativeAndSumToOneForEveryState() {
      ControlLaw law = design(Plants.loadFrequencyControl(), parameters(
          mixedSensors(0.0005, 0.005), "calibration_disturbance", 0.01));

      assertSimplex(law, 9, 3);
      assertTrue((double) law.diagnostics().get("calibration_mse_fused")
          < (double) law.diagnostics().get("calibration_mse_plain"));
    }

    @Test
    void concentrateOnTheLeastNoisySensor() {
      ControlLaw law = design(Plants.doubleIntegrator(), parameters(List.of(
          sensor(0.5, 0, 0), sensor(0.02, 0, 0), sensor(1.0, 0, 0))));

      assertSimplex(law, 2, 3);
      assertTrue(meanWeights(law).get(1) > 0.95, "weights " + meanWeights(law));
    }

    @Test
    void ofADelayedSensorFallAsItsDelayGrows() {
      double previous = 1;
      for (int delay : new int[] {1, 3, 8}) {
        ControlLaw law = design(Plants.doubleIntegrator(), parameters(List.of(
            sensor(0.3, 0, 0), sensor(0.01, delay, 0))));

        double weight = meanWeights(law).get(1);
        assertTrue(weight < previous, "delay " + delay + ": weight " + weight
            + " not below " + previous);
        previous = weight;
      }
    }

    @Test
    void meanFusionIsTheUnweightedMean() {
      ControlLaw law = design(Plants.doubleIntegrator(), parameters(List.of(
          sensor(0.5, 0, 0), sensor(0.02, 0, 0)), "fusion", "mean"));

      assertEquals(List.of(0.5, 0.5), meanWeights(law));
    }
  }

  @Nested
  class ClosedLoopCost {

    @Test
    void fusedEstimateBeatsThePlainOneOnTheLoadFrequencyModel() {
      assertFusedBeatsPlain(Plants.loadFrequencyControl(), 0.01, 0.0005, 0.005);
    }

    @Test
    void fusedEstimateBeatsThePlainOneOnTheDoubleIntegrator() {
      assertFusedBeatsPlain(Plants.doubleIntegrator(), 1, 0.05, 0.5);
    }

    private void assertFusedBeatsPlain(Linearization plant, double sigma, double fine,
        double coarse) {
      ControlLaw fused = design(plant, parameters(mixedSensors(fine, coarse),
          "calibration_disturbance", sigma));
      ControlLaw plain = design(plant, parameters(mixedSensors(fine, coarse), "fusion", "mean",
          "calibration_disturbance", sigma));

      double fusedCost = cost(fused, plant, sigma, 3000);
      double plainCost = cost(plain, plant, sigma, 3000);
      assertTrue(fusedCost < 0.95 * plainCost, "fused " + fusedCost + ", plain " + plainCost);
      assertTrue((double) fused.diagnostics().get("estimate_mse")
          < (double) plain.diagnostics().get("estimate_mse"));
      for (ControlLaw law : List.of(fused, plain)) {
        double radius = (double) law.diagnostics().get("estimate_loop_spectral_radius");
        assertTrue(radius < 1, "spectral radius " + radius);
      }
    }

    @Test
    void stateDecaysWithExactSensorsOneOfThemDelayed() {
      Linearization plant = Plants.loadFrequencyControl();
      ControlLaw law = design(plant, parameters(List.of(sensor(0, 4, 0), sensor(0, 0, 0)),
          "calibration_disturbance", 0.01));

      double[] x0 = new double[9];
      x0[0] = 0.01;
      double[] x = Plants.Stepper.of(plant, PERIOD).run(law, x0, new double[2], 3000);
      for (double v : x) {
        assertEquals(0, v, 1e-8, "state after 300 s");
      }
    }
  }

  @Nested
  class BadParameters {

    @Test
    void missingSensorsAreNamed() {
      PluginException error = assertThrows(PluginException.class, () -> design(
          Plants.doubleIntegrator(), Parameters.of("controller/attention-estimate",
              Map.of())));

      assertTrue(error.getMessage().contains("parameter 'sensors' must be a non-empty list"),
          error.getMessage());
    }

    @Test
    void negativeNoiseIsNamed() {
      assertError(parameters(List.of(sensor(0.1, 0, 0), sensor(-1, 0, 0))),
          "'sensors[1]'.noise must be ≥ 0");
    }

    @Test
    void fractionalDelayIsNamed() {
      assertError(parameters(List.of(sensor(0.1, 0, 0), Map.of("delay", 1.5))),
          "'sensors[1]'.delay must be a whole number");
    }

    @Test
    void noiseListOfTheWrongLengthIsNamed() {
      assertError(parameters(List.of(sensor(List.of(0.1, 0.2, 0.3), 0, 0))),
          "'sensors[0]'.noise must be a number or a list of 2 numbers");
    }

    @Test
    void unknownSensorKeyIsNamed() {
      assertError(parameters(List.of(Map.of("noise", 0.1, "lag", 2))),
          "'sensors[0]' has unknown key(s) [lag]");
    }

    @Test
    void unknownParameterIsNamed() {
      assertError(parameters(List.of(sensor(0.1, 0, 0)), "mode", "continuous"),
          "unknown parameter(s) [mode]");
    }

    @Test
    void unknownFusionIsNamed() {
      assertError(parameters(List.of(sensor(0.1, 0, 0)), "fusion", "max"),
          "parameter 'fusion' must be 'learned' or 'mean'");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99})
    void shortCalibrationIsNamed(int steps) {
      assertError(parameters(List.of(sensor(0.1, 0, 0)), "calibration_steps", steps),
          "parameter 'calibration_steps' must be at least 100");
    }

    @Test
    void nonPositiveDisturbanceIsNamed() {
      assertError(parameters(List.of(sensor(0.1, 0, 0)), "calibration_disturbance", 0),
          "parameter 'calibration_disturbance' must be a positive number");
    }

    private void assertError(Parameters parameters, String expected) {
      PluginException error = assertThrows(PluginException.class,
          () -> design(Plants.doubleIntegrator(), parameters));

      assertTrue(error.getMessage().contains(expected), error.getMessage());
      assertTrue(error.getMessage().startsWith("controller/attention-estimate"),
          error.getMessage());
    }
  }
}
