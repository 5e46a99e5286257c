package org.doppel.runtime.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BaselinesTest {

  /** Value i + 1 at index i, so a forecast names the indices it read. */
  private static final double[] SERIES = {1, 2, 3, 4, 5, 6, 7, 8};

  @Test
  void persistenceHoldsTheLastObservedValue() {
    assertArrayEquals(new double[] {5, 5, 5}, Baselines.persistence(SERIES, 3).forecast(5));
  }

  @Test
  void seasonalNaiveRepeatsTheValuesOneSeasonEarlier() {
    assertArrayEquals(new double[] {5, 6, 7}, Baselines.seasonalNaive(SERIES, 3, 3)
        .forecast(7));
  }

  @Test
  void seasonalNaiveRepeatsTheLastSeasonOverLongerHorizons() {
    assertArrayEquals(new double[] {6, 7, 6, 7, 6}, Baselines.seasonalNaive(SERIES, 2, 5)
        .forecast(7));
  }

  @Test
  void aBaselineWithoutEnoughHistoryFailsNamingTheOrigin() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Baselines.seasonalNaive(SERIES, 4, 2).forecast(3));

    assertEquals("seasonal naive (period 4): origin 3 needs 4 earlier value(s) in a series"
        + " of 8", error.getMessage());
  }

  @Test
  void standardBaselinesAreListedByIdInOrder() {
    Map<String, Forecaster> baselines = Baselines.standard(SERIES, 1, 1);

    assertEquals(List.of("persistence", "seasonal-naive-day", "seasonal-naive-week"),
        List.copyOf(baselines.keySet()));
    assertArrayEquals(new double[] {1}, baselines.get("seasonal-naive-week").forecast(7));
  }
}
