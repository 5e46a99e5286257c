package org.doppel.domains.traffic.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.runtime.forecast.StandaloneForecasting;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class GridForecastTest {

  private static final Logger LOG = LoggerFactory.getLogger(GridForecastTest.class);
  private static GridForecast problem;
  private static WindowSet test;
  private static SequenceForecaster forecaster;

  @BeforeAll
  static void train() throws Exception {
    GridDataset data = GridDataset.shipped();
    GridNetwork network = data.network();
    problem = new GridForecast(network, data.loops(network), 15, 15, 60, 8);
    test = problem.test();
    ForecasterSettings settings = new ForecasterSettings("multi-head",
        Parameters.of("attention/multi-head", Map.of("heads", 2)), 16, 2, 32, 1e-3, 1e-4,
        0.15, 2, 42L);
    forecaster = StandaloneForecasting.create(new AttentionModule())
        .train(problem.training(6), settings, null);
  }

  @Test
  void windowsCoverTheHeldOutHourWithOneTokenPerNearbyLoop() {
    assertEquals(8, test.tokens());
    assertEquals(1, test.outputs());
    assertEquals(46 * 128, test.size());
    assertEquals(5, problem.neighbours(5)[0], "a window starts with its own loop");
    assertEquals(180, problem.testOrigins()[0]);
    assertTrue(problem.trainingOrigins()[problem.trainingOrigins().length - 1] + 15 <= 180);
  }

  @Test
  void theTwinsHeldOutErrorIsMeasuredAgainstBothBaselines() {
    double[][] twin = problem.byLoop(forecaster.predict(test));
    double[][] actual = problem.byLoop(test.targets());
    double[][] historical = new double[actual.length][];
    java.util.Arrays.setAll(historical, w -> problem.historicalAverage());

    double twinMae = GridForecast.errors(twin, actual).mae();
    double persistenceMae = GridForecast.errors(problem.byLoop(test.baseline()), actual).mae();
    double historicalMae = GridForecast.errors(historical, actual).mae();
    LOG.info("held-out hour MAE: twin [{}], persistence [{}], historical average [{}] veh/h",
        twinMae, persistenceMae, historicalMae);
    // The twin does NOT beat persistence here (see docs/notes/traffic.md); what holds is
    // that it beats the historical average and stays within twice persistence's error.
    assertTrue(Double.isFinite(twinMae));
    assertTrue(twinMae < historicalMae, twinMae + " vs " + historicalMae);
    assertTrue(twinMae < 2 * persistenceMae, twinMae + " vs " + persistenceMae);
  }

  @Test
  void attentionRunsOverTheDetectors() {
    double[][][] weights = forecaster.attentionWeights(test);

    assertEquals(test.size(), weights.length);
    assertEquals(8, weights[0][0].length);
    double sum = 0;
    for (double w : weights[0][0]) {
      sum += w;
    }
    assertEquals(1, sum, 1e-4);
  }
}
