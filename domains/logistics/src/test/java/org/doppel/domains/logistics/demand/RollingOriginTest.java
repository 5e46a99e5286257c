package org.doppel.domains.logistics.demand;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.testkit.BaselineForecasting;
import org.junit.jupiter.api.Test;

class RollingOriginTest {

  private final DemandSeries sales = ShippedSales.read();
  private final DemandWindows windows = new DemandWindows(sales, 24, 12);
  private final ForecasterSettings settings = new ForecasterSettings("none",
      Parameters.empty(), 8, 2, 16, 1e-3, 0, 0.15, 0, 1);

  @Test
  void oneRefitAYearOnEverythingSeenAndAForecastEveryMonth() {
    BaselineForecasting forecasting = new BaselineForecasting();
    List<YearMonth> origins = new ArrayList<>();

    ForecastEvaluation evaluation = new RollingOrigin(sales, windows, 5).run(forecasting,
        settings, (index, count, month) -> origins.add(month), (e, n, t, v) -> { });

    // 309 months: the test period is the last 60, from index 249 (2012-10).
    assertEquals(249, evaluation.firstIssue());
    assertEquals(60, evaluation.issues());
    assertEquals(List.of(YearMonth.of(2012, 10), YearMonth.of(2013, 10),
        YearMonth.of(2014, 10), YearMonth.of(2015, 10), YearMonth.of(2016, 10)), origins);
    // Windows issued at 23 .. origin - 12, so every target was seen at the origin.
    assertEquals(249 - 12 - 23 + 1, forecasting.trained().get(0).size());
    assertEquals(forecasting.trained().get(0).size() + 48,
        forecasting.trained().get(4).size());
    assertEquals(5, evaluation.fits().size());
  }

  @Test
  void aNetworkThatAddsNothingForecastsExactlyTheSeasonalNaive() {
    ForecastEvaluation evaluation = new RollingOrigin(sales, windows, 5).run(
        new BaselineForecasting(), settings, (i, c, m) -> { }, (e, n, t, v) -> { });

    double[][] twin = evaluation.forecasts().get(ForecastEvaluation.TWIN);
    double[][] naive = evaluation.forecasts().get(NaiveForecasts.SEASONAL_NAIVE);
    for (int i = 0; i < twin.length; i++) {
      assertArrayEquals(naive[i], twin[i], 1e-9 * naive[i][0]);
    }
    for (int h = 0; h < 12; h++) {
      assertEquals(evaluation.errors().get(NaiveForecasts.SEASONAL_NAIVE).get(h).mapePct(),
          evaluation.errors().get(ForecastEvaluation.TWIN).get(h).mapePct(), 1e-9);
    }
  }

  @Test
  void persistenceErrorsMatchAHandComputation() {
    ForecastEvaluation evaluation = new RollingOrigin(sales, windows, 5).run(
        new BaselineForecasting(), settings, (i, c, m) -> { }, (e, n, t, v) -> { });

    double[] y = sales.values();
    double absolutePct = 0;
    double squared = 0;
    for (int t = 249; t + 3 < y.length; t++) {
      absolutePct += Math.abs(y[t + 3] - y[t]) / y[t + 3];
      squared += (y[t + 3] - y[t]) * (y[t + 3] - y[t]);
    }
    ForecastEvaluation.Accuracy three =
        evaluation.errors().get(NaiveForecasts.PERSISTENCE).get(2);
    assertEquals(57, three.count());
    assertEquals(100 * absolutePct / 57, three.mapePct(), 1e-9);
    assertEquals(Math.sqrt(squared / 57), three.rmse(), 1e-9);
  }

  @Test
  void aTestPeriodLeavingNoTrainingIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RollingOrigin(sales, windows, 24));
    assertThrows(IllegalArgumentException.class, () -> new RollingOrigin(sales, windows, 0));
  }
}
