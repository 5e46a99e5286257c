package org.doppel.sdk.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.Test;

class BaselineForecastingTest {

  private static final WindowSet WINDOWS = new WindowSet(
      new double[][][] {{{1}, {2}, {3}}, {{4}, {5}, {6}}},
      new double[][] {{3}, {6}}, new double[][] {{4}, {7}},
      List.of("flow"), List.of("flow_next"), List.of("t-2", "t-1", "t"));

  private static ForecasterSettings settings(int epochs, double validation) {
    return new ForecasterSettings("none", Parameters.of("attention", java.util.Map.of()), 8,
        epochs, 4, 1e-3, 0, validation, 0, 1);
  }

  @Test
  void forecastsTheBaselineWithEvenAttentionAndRecordsTraining() {
    BaselineForecasting forecasting = new BaselineForecasting();
    List<Double> validation = new ArrayList<>();
    ForecasterSettings settings = settings(3, 0.2);

    SequenceForecaster forecaster = forecasting.train(WINDOWS, settings,
        (epoch, epochs, training, held) -> validation.add(held));

    assertArrayEquals(new double[] {6}, forecaster.predict(WINDOWS)[1]);
    double[][][] weights = forecaster.attentionWeights(WINDOWS);
    assertEquals(3, weights[0].length);
    assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, weights[1][2], 1e-12);
    assertEquals(List.of(2.0, 1.0, 2 / 3.0), validation);
    assertEquals(3, forecaster.trainingLoss().size());
    assertEquals(forecaster.trainingLoss().size(), forecaster.validationLoss().size());
    assertSame(WINDOWS, forecasting.trained().get(0));
    assertSame(settings, forecasting.settings().get(0));
  }

  @Test
  void forecastsZeroWithoutABaselineAndKeepsNoValidationLossWithoutAHoldOut() {
    BaselineForecasting forecasting = new BaselineForecasting();
    List<Double> validation = new ArrayList<>();
    WindowSet unlabelled = WindowSet.unlabelled(WINDOWS.inputs(), null,
        WINDOWS.featureNames(), WINDOWS.targetNames(), WINDOWS.tokenNames());

    SequenceForecaster forecaster = forecasting.train(WINDOWS, settings(2, 0),
        (epoch, epochs, training, held) -> validation.add(held));

    assertArrayEquals(new double[] {0}, forecaster.predict(unlabelled)[0]);
    assertTrue(validation.stream().allMatch(v -> v.isNaN()));
    assertTrue(forecaster.validationLoss().isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> forecasting.train(unlabelled, settings(1, 0), (e, n, t, v) -> { }));
  }
}
