package org.doppel.plugins.msd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MassSpringDamperTest {

  private static final String OWNER = "dynamics/mass-spring-damper";

  private final MassSpringDamper plant = new MassSpringDamper();

  @Nested
  class Model {

    @Test
    void namesCarryUnitsAndTheIdIsStable() {
      assertEquals("mass-spring-damper", plant.id());
      assertEquals(PluginType.DYNAMICS, plant.type());
      assertEquals(List.of("position [m]", "velocity [m/s]"), plant.stateNames());
      assertEquals(List.of("force [N]"), plant.inputNames());
      assertEquals(List.of("disturbance force [N]"), plant.disturbanceNames());
      assertEquals(0, plant.samplePeriod());
    }

    @Test
    void theRegisteredPlantOscillatesAtTwoRadiansPerSecondWithTenPercentDamping() {
      assertEquals(2.0, plant.naturalFrequency(), 1e-15);
      assertEquals(0.1, plant.dampingRatio(), 1e-15);
    }

    @Test
    void aConstantForceIsHeldWhereTheSpringBalancesIt() {
      double force = 3;

      double[] rate = plant.evaluate(0, new double[] {force / plant.stiffness(), 0},
          new double[] {force}, new double[] {0});

      assertArrayEquals(new double[] {0, 0}, rate, 1e-15);
    }

    @Test
    void theDisturbanceForceAddsToTheInputForce() {
      double[] state = {0.2, -0.5};

      assertArrayEquals(plant.evaluate(0, state, new double[] {3}, new double[] {0}),
          plant.evaluate(0, state, new double[] {1}, new double[] {2}), 1e-15);
    }

    @Test
    void evaluateLeavesItsArgumentsAlone() {
      double[] state = {0.2, -0.5};
      double[] input = {1};
      double[] disturbance = {2};

      double[] rate = plant.evaluate(0, state, input, disturbance);

      assertNotSame(state, rate);
      assertArrayEquals(new double[] {0.2, -0.5}, state);
      assertArrayEquals(new double[] {1}, input);
      assertArrayEquals(new double[] {2}, disturbance);
    }

    @Test
    void aStateOfTheWrongLengthIsRefusedWithTheNamesExpected() {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> plant.evaluate(0, new double[3], new double[1], new double[1]));

      assertEquals("mass-spring-damper: state needs 2 value(s) [position [m], velocity"
          + " [m/s]], got 3", error.getMessage());
    }
  }

  @Nested
  class Linearisation {

    @Test
    void matchesCentralDifferencesOfEvaluateAtRandomPoints() {
      MassSpringDamper heavy = new MassSpringDamper(3.5, 12, 0.8);
      Random random = new Random(7);
      for (int trial = 0; trial < 20; trial++) {
        double[] x = random.doubles(2, -2, 2).toArray();
        double[] u = random.doubles(1, -5, 5).toArray();
        double[] w = random.doubles(1, -5, 5).toArray();

        Linearization model = heavy.linearize(x, u);

        assertMatrixEquals(FiniteDifferences.byState(heavy, x, u, w), model.a(), 1e-8);
        assertMatrixEquals(FiniteDifferences.byInput(heavy, x, u, w), model.b(), 1e-8);
        assertMatrixEquals(FiniteDifferences.byDisturbance(heavy, x, u, w), model.g(), 1e-8);
      }
    }

    @Test
    void isTheTextbookStateSpaceModelInContinuousTime() {
      Linearization model = new MassSpringDamper(2, 8, 1).linearize(new double[2],
          new double[1]);

      assertTrue(model.continuous());
      assertMatrixEquals(new double[][] {{0, 1}, {-4, -0.5}}, model.a(), 0);
      assertMatrixEquals(new double[][] {{0}, {0.5}}, model.b(), 0);
      assertMatrixEquals(new double[][] {{0}, {0.5}}, model.g(), 0);
    }
  }

  @Nested
  class Configuration {

    @Test
    void givenValuesReplaceTheDefaultsAndTheOthersStay() {
      MassSpringDamper configured = plant.configure(params(Map.of("mass", 2, "damping",
          "1.5")));

      assertEquals(2, configured.mass());
      assertEquals(4, configured.stiffness());
      assertEquals(1.5, configured.damping());
    }

    @Test
    void noParametersGiveTheRegisteredPlant() {
      MassSpringDamper configured = plant.configure(Parameters.empty());

      assertEquals(plant.toString(), configured.toString());
    }

    @Test
    void aMisspeltKeyIsRefusedWithTheKnownKeys() {
      PluginException error = assertThrows(PluginException.class,
          () -> plant.configure(params(Map.of("dampng", 1))));

      assertEquals(OWNER + ": unknown parameter(s) [dampng]; known parameters: [damping,"
          + " mass, stiffness]", error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mass", "stiffness", "damping"})
    void aValueThatIsNotPositiveIsRefusedByName(String key) {
      for (Object bad : List.of(0, -1.5, Double.NaN, Double.POSITIVE_INFINITY)) {
        PluginException error = assertThrows(PluginException.class,
            () -> plant.configure(params(Map.of(key, bad))));

        assertTrue(error.getMessage().startsWith(OWNER + ": parameter '" + key
            + "' must be a positive number ("), error.getMessage());
        assertTrue(error.getMessage().endsWith("got " + bad), error.getMessage());
      }
    }

    @Test
    void aValueThatIsNotANumberIsRefusedByName() {
      PluginException error = assertThrows(PluginException.class,
          () -> plant.configure(params(Map.of("stiffness", "stiff"))));

      assertEquals(OWNER + ": parameter 'stiffness' must be a number, got 'stiff'",
          error.getMessage());
    }

    @Test
    void theConstructorRefusesANegativeMassToo() {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> new MassSpringDamper(-1, 4, 0.4));

      assertEquals("mass must be a positive number, got -1.0", error.getMessage());
    }

    private Parameters params(Map<String, ?> values) {
      return Parameters.of(OWNER, values);
    }
  }

  static void assertMatrixEquals(double[][] expected, double[][] actual, double tolerance) {
    assertEquals(expected.length, actual.length, "rows");
    for (int i = 0; i < expected.length; i++) {
      assertArrayEquals(expected[i], actual[i], tolerance, "row " + i);
    }
  }
}
