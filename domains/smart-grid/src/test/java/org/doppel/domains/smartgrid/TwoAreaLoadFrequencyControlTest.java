package org.doppel.domains.smartgrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class TwoAreaLoadFrequencyControlTest {

  private final TwoAreaLoadFrequencyControl plant = new TwoAreaLoadFrequencyControl();
  private final Linearization model = plant.linearize(new double[9], new double[2]);

  @Test
  void matricesEqualTheReferenceToTheLastBits() throws IOException {
    assertTrue(Reference.maxAbsDifference(Reference.matrix("A.csv"), model.a()) <= 1e-12);
    assertTrue(Reference.maxAbsDifference(Reference.matrix("B.csv"), model.b()) <= 1e-12);
    assertTrue(Reference.maxAbsDifference(Reference.matrix("G.csv"), model.g()) <= 1e-12);
    assertTrue(model.continuous());
  }

  @Test
  void evaluateEqualsTheLinearModelAtRandomPoints() {
    Random random = new Random(42);
    for (int trial = 0; trial < 20; trial++) {
      double[] x = random.doubles(9, -1, 1).toArray();
      double[] u = random.doubles(2, -1, 1).toArray();
      double[] w = random.doubles(2, -1, 1).toArray();

      assertArrayEquals(linear(model, x, u, w), plant.evaluate(0, x, u, w), 1e-12);
    }
  }

  @Test
  void namesFollowTheReferenceStateOrderWithUnits() {
    assertEquals(List.of("df1 [Hz]", "dPg1 [pu]", "dPv1 [pu]", "intACE1 [pu s]",
        "dPtie12 [pu]", "df2 [Hz]", "dPg2 [pu]", "dPv2 [pu]", "intACE2 [pu s]"),
        plant.stateNames());
    assertEquals(List.of("dPc1 [pu]", "dPc2 [pu]"), plant.inputNames());
    assertEquals(List.of("dPd1 [pu]", "dPd2 [pu]"), plant.disturbanceNames());
    assertEquals("lfc-two-area", plant.id());
  }

  @Test
  void configureAppliesTheGivenParametersAndKeepsTheOthers() {
    TwoAreaLoadFrequencyControl faster = plant.configure(params(Map.of("tp", 10, "a12",
        -0.5)));
    double[][] a = faster.linearize(new double[9], new double[2]).a();

    assertEquals(-0.1, a[0][0], 1e-15);
    assertEquals(12.0, a[0][1], 1e-15);
    assertEquals(-0.5, a[8][4], 1e-15);
    assertEquals(0.425, a[3][0], 1e-15);
  }

  @Test
  void aTimeConstantThatIsNotPositiveIsRefused() {
    PluginException error = assertThrows(PluginException.class,
        () -> plant.configure(params(Map.of("tg", -0.08))));

    assertEquals("dynamics/lfc-two-area: parameter 'tg' must be a positive number (s), got"
        + " -0.08", error.getMessage());
  }

  @Test
  void aPositiveCapacityRatioIsRefused() {
    PluginException error = assertThrows(PluginException.class,
        () -> plant.configure(params(Map.of("a12", 1))));

    assertTrue(error.getMessage().contains("'a12' must be negative"), error.getMessage());
  }

  @Test
  void anUnknownParameterIsRefusedListingTheKnownOnes() {
    PluginException error = assertThrows(PluginException.class,
        () -> plant.configure(params(Map.of("Tp", 20))));

    assertTrue(error.getMessage().contains("unknown parameter(s) [Tp]"), error.getMessage());
  }

  private static Parameters params(Map<String, ?> values) {
    return Parameters.of("dynamics/lfc-two-area", values);
  }

  static double[] linear(Linearization model, double[] x, double[] u, double[] w) {
    double[][] a = model.a();
    double[][] b = model.b();
    double[][] g = model.g();
    double[] result = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      for (int j = 0; j < x.length; j++) {
        result[i] += a[i][j] * x[j];
      }
      for (int j = 0; j < u.length; j++) {
        result[i] += b[i][j] * u[j] + g[i][j] * w[j];
      }
    }
    return result;
  }
}
