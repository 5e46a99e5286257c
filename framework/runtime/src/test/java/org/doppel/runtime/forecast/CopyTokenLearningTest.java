package org.doppel.runtime.forecast;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.plugins.attention.internal.AttentionModule;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On windows whose target copies one known token, training beats the mean forecast by a
 * wide margin and the attention weights point at that token.
 */
class CopyTokenLearningTest {

  private static final int TOKENS = 8;
  private static final int KEY_TOKEN = 5;

  private static final SequenceForecasting FORECASTING =
      StandaloneForecasting.create(new AttentionModule());

  @ParameterizedTest
  @CsvSource({"multi-head", "dot-product"})
  void attentionLearnsTheCopyAndPointsAtTheCopiedToken(String variant) {
    WindowSet training = CopyWindows.marked(800, TOKENS, 1).windows();
    CopyWindows.Marked test = CopyWindows.marked(200, TOKENS, 2);

    SequenceForecaster forecaster = FORECASTING.train(training, new ForecasterSettings(
        variant, Parameters.of("attention/" + variant, Map.of()), 16, 15, 32, 1e-2, 1e-4,
        0.2, 3, 42), null);

    // The mean forecast's squared error is the target's variance, GAIN^2 = 4.
    double error = CopyWindows.meanSquaredError(test.windows(),
        forecaster.predict(test.windows()));
    double variance = CopyWindows.GAIN * CopyWindows.GAIN;
    double[][][] weights = forecaster.attentionWeights(test.windows());
    int pointed = 0;
    for (int w = 0; w < weights.length; w++) {
      double[] mean = CopyWindows.meanWeights(new double[][][] {weights[w]});
      if (CopyWindows.argmax(mean) == test.keys()[w]) {
        pointed++;
      }
    }
    assertTrue(error < 0.1 * variance, "squared error " + error + " against variance "
        + variance);
    assertTrue(pointed >= 0.9 * weights.length, "the most weight fell on the copied token in "
        + pointed + " of " + weights.length + " windows");
  }
}
