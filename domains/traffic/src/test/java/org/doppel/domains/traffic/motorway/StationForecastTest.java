package org.doppel.domains.traffic.motorway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StationForecastTest {

  private static final int TEST_START = 180;
  private static MotorwayLoops loops;
  private static List<MotorwayLoops> mornings;
  private static StationForecast windows;

  @BeforeAll
  static void cutWindows() throws IOException {
    loops = MotorwayLoops.shipped();
    mornings = MotorwayLoops.shippedMornings();
    windows = StationForecast.of(loops, mornings, 15, 1, 15, TEST_START);
  }

  @Test
  void tokensAreLoopLocationsAndTargetsStayOnTheirSideOfTheSplit() {
    assertEquals(20, windows.training().tokens());
    assertEquals("onRamp", windows.training().tokenNames().get(18));
    assertEquals(18, windows.training().outputs());
    assertEquals(18, windows.training().features());
    assertEquals("flow change t-0 min [veh/h]", windows.training().featureNames().get(14));
    assertEquals("historical change [veh/h]", windows.training().featureNames().get(17));
    // The main morning's training targets end before 09:00 (origins 14..164); test targets
    // start at or after it; every origin of the six extra mornings trains (14..224).
    assertEquals(7, windows.mornings());
    int main = TEST_START - 15 - 14;
    int extra = loops.minutes() - 15 - 14;
    assertEquals(main + 6 * extra, windows.training().size());
    assertEquals(TEST_START, windows.testOrigins()[0] + 15 - StationForecast.AVERAGE + 1);
    assertEquals(loops.minutes() - 1, windows.testOrigins()[windows.test().size() - 1] + 15);
  }

  @Test
  void historicalAverageIsTheSameTimeOfDayOverTheExtraMornings() {
    int origin = windows.testOrigins()[0];
    double mean = 0;
    for (MotorwayLoops morning : mornings) {
      double[] flow = morning.flow()[3];
      for (int m = origin + 15 - 4; m <= origin + 15; m++) {
        mean += flow[m] / 5 / mornings.size();
      }
    }

    assertEquals(mean, windows.historicalForecast()[0][3], 1e-9);
  }

  @Test
  void theHeldOutHourStaysOutOfTraining() {
    // The main morning's windows come first; its last training target ends before 09:00,
    // so no training window of the main morning reads a minute of the held-out hour.
    StationForecast alone = StationForecast.of(loops, 15, 15, TEST_START);
    int main = alone.training().size();

    assertEquals(alone.training().targets()[main - 1][2],
        windows.training().targets()[main - 1][2], 1e-9);
    assertEquals(TEST_START - 1, 14 + main - 1 + 15);
  }

  @Test
  void persistenceBaselineIsTheLastFiveMinutes() {
    double[][] flow = loops.flow();
    int origin = windows.testOrigins()[0];
    double mean = 0;
    for (int m = origin - 4; m <= origin; m++) {
      mean += flow[3][m] / 5;
    }

    assertEquals(mean, windows.test().baseline()[0][3], 1e-9);
  }

  @Test
  void horizonShorterThanTheTargetAverageIsRefused() {
    PluginException e = assertThrows(PluginException.class,
        () -> StationForecast.of(loops, 15, 3, TEST_START));

    assertTrue(e.getMessage().contains("at least 5 minutes"), e.getMessage());
  }

  /**
   * Trained on the six extra simulated mornings and the main one before 09:00, the twin beats
   * persistence on the held-out last hour 15 and 30 minutes ahead (docs/notes/
   * traffic-motorway.md has the figures), with settings small enough for CI.
   */
  @Test
  void attentionTwinBeatsPersistenceOnTheHeldOutLastHour() {
    for (int horizon : new int[] {15, 30}) {
      StationForecast cut = horizon == 15 ? windows
          : StationForecast.of(loops, mornings, 15, 1, horizon, TEST_START);
      SequenceForecaster twin = forecasting().train(cut.training(), settings(), null);

      double[][] actual = cut.test().targets();
      double[] model = StationForecast.meanAbsoluteError(twin.predict(cut.test()), actual);
      double[] persistence = StationForecast.meanAbsoluteError(cut.test().baseline(), actual);
      assertTrue(model[18] < persistence[18], horizon + " min: twin " + model[18]
          + " veh/h, persistence " + persistence[18] + " veh/h");
    }
  }

  private static SequenceForecasting forecasting() {
    return StandaloneForecasting.create(List.of(new MultiHeadAttention()));
  }

  private static ForecasterSettings settings() {
    return new ForecasterSettings("multi-head", Parameters.of("attention", Map.of("heads", 2)),
        8, 6, 16, 1e-3, 1e-3, 0.15, 5, 42L);
  }
}
