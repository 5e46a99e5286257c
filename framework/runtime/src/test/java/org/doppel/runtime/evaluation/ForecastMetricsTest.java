package org.doppel.runtime.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

  private static final double[] ACTUAL = {100, 200, 400};
  private static final double[] FORECAST = {110, 190, 400};

  @Test
  void mapeIsTheMeanAbsolutePercentageError() {
    // (10 % + 5 % + 0 %) / 3
    assertEquals(5.0, ForecastMetrics.mape(ACTUAL, FORECAST), 1e-12);
  }

  @Test
  void rmseIsTheRootOfTheMeanSquaredError() {
    assertEquals(Math.sqrt(200.0 / 3), ForecastMetrics.rmse(ACTUAL, FORECAST), 1e-12);
  }

  @Test
  void maeIsTheMeanAbsoluteError() {
    assertEquals(20.0 / 3, ForecastMetrics.mae(ACTUAL, FORECAST), 1e-12);
  }

  @Test
  void accuracyBundlesTheThreeMetrics() {
    ForecastAccuracy accuracy = ForecastAccuracy.of(ACTUAL, FORECAST);

    assertEquals(5.0, accuracy.mape(), 1e-12);
    assertEquals(3, accuracy.points());
  }

  @Test
  void mapeRefusesAZeroActualValueNamingItsIndex() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ForecastMetrics.mape(new double[] {5, 0}, new double[] {5, 1}));

    assertTrue(error.getMessage().contains("zero at index 1"), error.getMessage());
  }

  @Test
  void everyMetricRefusesEmptyInput() {
    double[] none = {};

    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> ForecastMetrics.rmse(none, none)).getMessage().contains("no values"));
    assertThrows(IllegalArgumentException.class, () -> ForecastMetrics.mae(none, none));
    assertThrows(IllegalArgumentException.class, () -> ForecastMetrics.mape(none, none));
  }

  @Test
  void everyMetricRefusesMismatchedLengthsNamingBoth() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ForecastMetrics.mae(new double[] {1, 2, 3}, new double[] {1, 2}));

    assertTrue(error.getMessage().contains("(3 vs 2)"), error.getMessage());
  }

  @Test
  void nonFiniteValuesAreRefusedNamingTheIndex() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ForecastMetrics.rmse(new double[] {1, 2}, new double[] {1, Double.NaN}));

    assertTrue(error.getMessage().contains("index 1"), error.getMessage());
  }
}
