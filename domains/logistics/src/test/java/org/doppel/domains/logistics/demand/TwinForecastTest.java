package org.doppel.domains.logistics.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attention twin, trained for real through the framework's forecasting service on the
 * shipped sales, on the last two rolling origins with few epochs.
 */
class TwinForecastTest {

  private static ForecastEvaluation evaluation;

  @BeforeAll
  static void evaluate() {
    DemandSeries sales = ShippedSales.read();
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention", Map.of("heads", 2)), 16, EPOCHS, 16, 1e-3, 1e-4, 0.15, 0,
        42);
    evaluation = new RollingOrigin(sales, new DemandWindows(sales, 24, 12), 2).run(
        StandaloneForecasting.create(new AttentionModule()), settings, (i, c, m) -> { },
        (e, n, t, v) -> { });
  }

  private static final int EPOCHS = 4;

  @Test
  void theTwinBeatsPersistenceAtEveryHorizonButTheTwelfth() {
    List<ForecastEvaluation.Accuracy> twin = evaluation.errors().get(ForecastEvaluation.TWIN);
    List<ForecastEvaluation.Accuracy> persistence =
        evaluation.errors().get(NaiveForecasts.PERSISTENCE);
    for (int h = 0; h < 11; h++) {
      assertTrue(twin.get(h).mapePct() < persistence.get(h).mapePct(), "horizon " + (h + 1)
          + ": twin " + twin.get(h).mapePct() + " %, persistence "
          + persistence.get(h).mapePct() + " %");
    }
  }

  @Test
  void theTwinBeatsTheSeasonalNaiveOnMeanErrorOverHorizons() {
    double twin = meanMape(ForecastEvaluation.TWIN);
    double naive = meanMape(NaiveForecasts.SEASONAL_NAIVE);
    assertTrue(twin < naive, "twin " + twin + " %, seasonal naive " + naive + " %");
  }

  @Test
  void everyForecastIsFiniteAndPositiveAndAttentionSumsToOne() {
    for (double[] forecast : evaluation.forecasts().get(ForecastEvaluation.TWIN)) {
      for (double value : forecast) {
        assertTrue(value > 0 && Double.isFinite(value), String.valueOf(value));
      }
    }
    assertEquals(12, evaluation.attention().length);
    for (double[] issue : evaluation.attention()) {
      assertEquals(24, issue.length);
      assertEquals(1, java.util.Arrays.stream(issue).sum(), 1e-6);
    }
  }

  private static double meanMape(String method) {
    return evaluation.errors().get(method).stream()
        .mapToDouble(ForecastEvaluation.Accuracy::mapePct).average().orElseThrow();
  }
}
