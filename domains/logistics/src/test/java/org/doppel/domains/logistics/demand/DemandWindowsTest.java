package org.doppel.domains.logistics.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.Test;

class DemandWindowsTest {

  private final DemandSeries sales = ShippedSales.read();
  private final DemandWindows windows = new DemandWindows(sales, 24, 12);

  @Test
  void aWindowHoldsTwoYearsOfMonthsAndTargetsTheNextTwelveInLogs() {
    int t = 100;
    WindowSet set = windows.windows(new int[] {t}, true);

    assertEquals(24, set.tokens());
    assertEquals(3, set.features());
    assertEquals(12, set.outputs());
    assertEquals("t-23", set.tokenNames().get(0));
    assertEquals("t", set.tokenNames().get(23));
    double[] y = sales.values();
    assertEquals(Math.log(y[t + 1]), set.targets()[0][0], 1e-12);
    assertEquals(Math.log(y[t + 12]), set.targets()[0][11], 1e-12);
    // The baseline is the seasonal naive forecast: the same month a year before.
    assertEquals(Math.log(y[t + 1 - 12]), set.baseline()[0][0], 1e-12);
    assertEquals(Math.log(y[t]), set.baseline()[0][11], 1e-12);
  }

  @Test
  void tokensCarryShapeRelativeToTheLastYearsLevelAndTheCalendarMonth() {
    int t = 200;
    double[][] tokens = windows.windows(new int[] {t}, false).inputs()[0];

    double level = 0;
    for (int lag = 0; lag < 12; lag++) {
      level += Math.log(sales.values()[t - lag]) / 12;
    }
    assertEquals(Math.log(sales.values()[t]) - level, tokens[23][0], 1e-12);
    double sum = 0;
    for (int p = 12; p < 24; p++) {
      sum += tokens[p][0];
    }
    assertEquals(0, sum, 1e-9);
    int month = sales.months()[t].getMonthValue();
    assertEquals(Math.cos(2 * Math.PI * (month - 1) / 12), tokens[23][2], 1e-12);
  }

  @Test
  void unlabelledWindowsReachTheLastMonth() {
    WindowSet set = windows.windows(sales.size() - 3, sales.size() - 1, false);
    assertEquals(3, set.size());
    assertNull(set.targets());
    assertThrows(IllegalArgumentException.class,
        () -> windows.windows(new int[] {sales.size() - 1}, true));
    assertThrows(IllegalArgumentException.class,
        () -> windows.windows(new int[] {22}, false));
  }

  @Test
  void windowsShorterThanAYearOrHorizonsBeyondOneAreRefused() {
    IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
        () -> new DemandWindows(sales, 11, 12));
    assertEquals("surrogate.input_months must be at least 12, got 11",
        shortWindow.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new DemandWindows(sales, 24, 13));
  }
}
