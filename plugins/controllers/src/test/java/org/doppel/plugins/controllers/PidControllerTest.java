package org.doppel.plugins.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlLaw;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PidControllerTest {

  private static final double PERIOD = 0.01;
  private final PidController pid = new PidController();

  /** The plant 1/(s + 1) as x' = -x + u, y = x, with the output limit of case C12. */
  private static ControlProblem firstOrder(double setPoint, double limit) {
    Linearization plant = new Linearization(new double[][] {{-1}}, new double[][] {{1}},
        new double[1][0], 0);
    return new ControlProblem(plant, new double[][] {{1}}, new double[][] {{1}},
        new double[][] {{1}}, new double[] {setPoint}, new ControlProblem.Bounds(
            new double[] {-limit}, new double[] {limit}, null, null, null), PERIOD);
  }

  private static Parameters parameters(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Parameters.of("controller/pid", map);
  }

  @Test
  void caseC12ProportionalOnlySaturatesWithoutWindup() {
    ControlProblem problem = firstOrder(1, 0.7);
    ControlLaw law = pid.design(problem, parameters("kp", 1.0));
    Plants.Stepper plant = Plants.Stepper.of(problem.plant(), PERIOD);

    double[] x = {0};
    double maxCommand = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 300; k++) {
      double u = law.input(k, x, new double[0][])[0];
      if (k < 3) {
        assertEquals(0.7, u, 0, "command at step " + k);
      }
      assertTrue(Double.isFinite(u));
      maxCommand = Math.max(maxCommand, u);
      x = plant.step(x, new double[] {u}, new double[0]);
    }

    assertEquals(0.7, maxCommand, 0);
    assertEquals(0.4985, x[0], 5e-5, "y(3 s)");
    assertEquals(0.0, ((PidLaw) law).integralState(0), 0, "integral state");
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.5})
  void nonPositiveResetTimeWithIntegralActionIsAnError(double resetTime) {
    PluginException error = assertThrows(PluginException.class,
        () -> pid.design(firstOrder(1, 0.7), parameters("kp", 1.0, "ti", resetTime)));

    assertTrue(error.getMessage().contains("parameter 'ti' (reset time) must be positive"),
        error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.0, -0.069, 0.0, Double.NaN, Double.POSITIVE_INFINITY})
  void aProportionalGainThatIsNotPositiveIsRefusedNamingKp(double gain) {
    PluginException error = assertThrows(PluginException.class,
        () -> pid.design(firstOrder(1, 0.7), parameters("kp", gain, "ti", 0.5)));

    assertTrue(error.getMessage().startsWith("controller/pid: parameter 'kp'"),
        error.getMessage());
    assertTrue(error.getMessage().contains("must be a positive number, got " + gain),
        error.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"td, -0.5", "td, NaN", "td, Infinity", "n, 0", "n, -10", "n, NaN",
      "n, Infinity", "tt, 0", "tt, -1", "tt, NaN"})
  void outOfRangeTimeConstantsAreRefusedNamingTheParameter(String key, double value) {
    PluginException error = assertThrows(PluginException.class, () -> pid.design(
        firstOrder(1, 0.7), parameters("kp", 1.0, "ti", 0.5, "td", 0.1, key, value)));

    assertTrue(error.getMessage().startsWith("controller/pid: parameter '" + key + "'"),
        error.getMessage());
    assertTrue(error.getMessage().endsWith("got " + value), error.getMessage());
  }

  @Test
  void zeroDerivativeTimeMeansNoDerivativeAction() {
    ControlProblem problem = firstOrder(0.5, 10);
    ControlLaw withZero = pid.design(problem, parameters("kp", 2.0, "ti", 0.5, "td", 0.0));
    ControlLaw without = pid.design(problem, parameters("kp", 2.0, "ti", 0.5));

    for (int k = 0; k < 50; k++) {
      double[] x = {0.01 * k * k};
      assertEquals(without.input(k, x, new double[0][])[0],
          withZero.input(k, x, new double[0][])[0], 0, "step " + k);
    }
  }

  @Test
  void antiWindupRecoversFromSaturationFaster() {
    double with = recoveryTime(true);
    double without = recoveryTime(false);

    assertTrue(with < 0.5 * without, "recovery " + with + " s with anti-windup, " + without
        + " s without");
  }

  /**
   * Seconds until y settles within 2 % of the new set-point 0.5, after 5 s of an
   * unreachable set-point 1 (the input saturates at 0.7).
   */
  private double recoveryTime(boolean antiWindup) {
    ControlProblem saturating = firstOrder(1, 0.7);
    Parameters settings = parameters("kp", 1.0, "ti", 0.5, "anti_windup", antiWindup);
    ControlLaw law = pid.design(saturating, settings);
    Plants.Stepper plant = Plants.Stepper.of(saturating.plant(), PERIOD);
    double[] x = {0};
    for (int k = 0; k < 500; k++) {
      x = plant.step(x, law.input(k, x, new double[0][]), new double[0]);
    }

    // The same law continues against the lower set-point; the shift in y is the same.
    double lastOutside = 0;
    for (int k = 500; k < 3000; k++) {
      double[] shifted = {x[0] + 0.5};
      x = plant.step(x, law.input(k, shifted, new double[0][]), new double[0]);
      if (Math.abs(x[0] - 0.5) > 0.01) {
        lastOutside = (k - 499) * PERIOD;
      }
    }
    assertEquals(0.5, x[0], 0.01, "settled output");
    return lastOutside;
  }
}
