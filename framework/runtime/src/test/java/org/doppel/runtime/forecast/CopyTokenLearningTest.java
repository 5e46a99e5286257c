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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On windows whose target copies the value of one known token (the one marked by a feature,
 * at a random position per window), training beats the mean forecast by a wide margin and
 * the attention weights point at that token. See {@link CopyWindows#marked} for why the
 * position varies.
 */
class CopyTokenLearningTest {

  private static final Logger LOG = LoggerFactory.getLogger(CopyTokenLearningTest.class);
  private static final int TOKENS = 8;

  private static final SequenceForecasting FORECASTING =
      StandaloneForecasting.create(new AttentionModule());

  @ParameterizedTest
  @CsvSource({"multi-head", "dot-product"})
  void attentionLearnsTheCopyAndPointsAtTheCopiedToken(String variant) {
    WindowSet training = CopyWindows.marked(600, TOKENS, 1).windows();
    CopyWindows.Marked test = CopyWindows.marked(200, TOKENS, 2);

    SequenceForecaster forecaster = FORECASTING.train(training, new ForecasterSettings(
        variant, Parameters.of("attention/" + variant, Map.of()), 16, 10, 32, 1e-2, 1e-4,
        0.2, 3, 42), null);

    // The mean forecast's squared error is the target's variance, GAIN^2 = 4; the zero
    // baseline's is OFFSET^2 + GAIN^2 = 104, so this bound beats it by a factor over 250.
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
    LOG.info("[{}]: test error {} (variance {}), most weight on the copied token in {} of {} "
        + "windows, {} epochs in {} s", variant, error, variance, pointed, weights.length,
        forecaster.trainingLoss().size(), forecaster.trainingSeconds());
    assertTrue(error < 0.1 * variance, "squared error " + error + " against variance "
        + variance);
    assertTrue(pointed >= 0.9 * weights.length, "the most weight fell on the copied token in "
        + pointed + " of " + weights.length + " windows");
  }
}
