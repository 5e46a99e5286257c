package org.doppel.runtime.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.doppel.sdk.domain.ForecastTrace;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The expected figures were computed independently of this code, by a short Python script
 * over the same CSV (midnight origins, pooled MAPE/RMSE/MAE; see docs/notes/smart-grid.md).
 */
class DayAheadEvaluatorTest {

  private static final int HORIZON = 48;
  private static final int DEFAULT_TEST_START = 4032 - 672;
  private static final int WEEK_9_START = 8 * 336;
  private static final double MAPE_TOLERANCE = 1e-6;

  private static DemandData data;

  @BeforeAll
  static void loadDemand() {
    data = DemandData.load();
  }

  private static DayAheadEvaluation baseline(String id, int testStart, int testEnd) {
    Map<String, Forecaster> baselines = Baselines.standard(data.demand, 48, HORIZON);
    return DayAheadEvaluator.evaluate(data.timestamps, data.demand, testStart, testEnd,
        HORIZON, baselines.get(id));
  }

  @Nested
  class OnTheDefaultSplit {

    @Test
    void forecastsAreIssuedAtEachOfTheFourteenMidnights() {
      DayAheadEvaluation evaluation = baseline(Baselines.PERSISTENCE, DEFAULT_TEST_START, 4032);

      assertEquals(14, evaluation.origins().length);
      assertEquals(LocalDateTime.parse("2000-08-14T00:00"), evaluation.originTimes()[0]);
      assertEquals(LocalDateTime.parse("2000-08-27T00:00"), evaluation.originTimes()[13]);
      assertEquals(672, evaluation.pooled().points());
    }

    @Test
    void seasonalNaiveWeekIsAboutOnePointSevenPercent() {
      DayAheadEvaluation evaluation =
          baseline(Baselines.SEASONAL_NAIVE_WEEK, DEFAULT_TEST_START, 4032);

      assertEquals(1.726206, evaluation.pooled().mape(), MAPE_TOLERANCE);
      assertEquals(647.667693, evaluation.pooled().rmse(), 1e-5);
      assertEquals(513.877976, evaluation.pooled().mae(), 1e-5);
    }

    @Test
    void seasonalNaiveDayAndPersistenceAreFarWorse() {
      assertEquals(6.467831,
          baseline(Baselines.SEASONAL_NAIVE_DAY, DEFAULT_TEST_START, 4032).pooled().mape(),
          MAPE_TOLERANCE);
      assertEquals(17.860212,
          baseline(Baselines.PERSISTENCE, DEFAULT_TEST_START, 4032).pooled().mape(),
          MAPE_TOLERANCE);
    }

    @Test
    void errorByHorizonPoolsTheOriginsAtEachStep() {
      DayAheadEvaluation evaluation = baseline(Baselines.PERSISTENCE, DEFAULT_TEST_START, 4032);
      double[][] errors = evaluation.errors();

      // Persistence starts from the last half-hour before midnight, so step 0 is its best.
      ForecastAccuracy[] byStep = evaluation.byStep();
      assertEquals(48, byStep.length);
      assertEquals(14, byStep[0].points());
      double meanAbsoluteAtStepZero = 0;
      for (double[] origin : errors) {
        meanAbsoluteAtStepZero += Math.abs(origin[0]) / errors.length;
      }
      assertEquals(meanAbsoluteAtStepZero, byStep[0].mae(), 1e-9);
      assertTrue(byStep[0].mape() < byStep[20].mape());
    }

    @Test
    void theTraceRunsThroughTheWholeTestPeriodInOrder() {
      DayAheadEvaluation evaluation =
          baseline(Baselines.SEASONAL_NAIVE_WEEK, DEFAULT_TEST_START, 4032);

      ForecastTrace trace = evaluation.trace("MW", Duration.ofMinutes(30));

      assertEquals(672, trace.actual().length);
      assertEquals(data.timestamps[DEFAULT_TEST_START], trace.timestamps()[0]);
      assertEquals(data.timestamps[4031], trace.timestamps()[671]);
      assertEquals(data.demand[4031], trace.actual()[671]);
      assertEquals(data.demand[4031 - 336], trace.forecast()[671]);
    }
  }

  @Nested
  class OnWeeksNineAndTen {

    @Test
    void baselineFiguresMatchTheIndependentComputation() {
      int end = WEEK_9_START + 672;

      assertEquals(2.574356, baseline(Baselines.SEASONAL_NAIVE_WEEK, WEEK_9_START, end)
          .pooled().mape(), MAPE_TOLERANCE);
      assertEquals(5.699593, baseline(Baselines.SEASONAL_NAIVE_DAY, WEEK_9_START, end)
          .pooled().mape(), MAPE_TOLERANCE);
      assertEquals(18.339457, baseline(Baselines.PERSISTENCE, WEEK_9_START, end)
          .pooled().mape(), MAPE_TOLERANCE);
    }
  }

  @Test
  void originsAreMidnightsWhoseHorizonFitsInTheTestPeriod() {
    // Test period 2000-08-26T12:00 .. end: only the 27th's midnight leaves room for 48 steps.
    assertArrayEquals(new int[] {4032 - 48},
        DayAheadEvaluator.midnightOrigins(data.timestamps, 4032, 4032 - 72, 4032, HORIZON));
  }

  @Test
  void aTestPeriodWithoutRoomForAForecastIsRefused() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DayAheadEvaluator.midnightOrigins(data.timestamps, 4032, 4000, 4032, HORIZON));

    assertTrue(error.getMessage().contains("no midnight"), error.getMessage());
  }

  @Test
  void aForecastOfTheWrongLengthIsRefusedNamingItsOrigin() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> DayAheadEvaluator.evaluate(data.timestamps, data.demand, DEFAULT_TEST_START,
            4032, HORIZON, origin -> new double[47]));

    assertEquals("forecast at origin 3360 (2000-08-14T00:00) has 47 values, expected 48",
        error.getMessage());
  }
}
