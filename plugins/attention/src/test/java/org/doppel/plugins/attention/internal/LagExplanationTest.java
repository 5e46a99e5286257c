package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The explanation is about the data: trained on windows whose next value copies one known
 * lag, each variant puts most of the last query's weight on the token holding that lag, for
 * two different lags (so the weights follow the data, not a favourite position).
 */
class LagExplanationTest {

  private static final Logger LOG = LoggerFactory.getLogger(LagExplanationTest.class);

  static final int TOKENS = 12;
  static final int WIDTH = 16;
  static final int STEPS = 250;
  static final int BATCH = 64;
  private static final long SEED = 8;

  /** Tokens 7 and 10 of 12 hold lags 5 and 2, both inside local's window of radius 4. */
  static Stream<Arguments> cases() {
    return VariantCase.all().stream().flatMap(variant -> Stream.of(7, 10)
        .map(lagToken -> Arguments.of(reaching(variant), lagToken)));
  }

  @ParameterizedTest(name = "{0}, lag token {1}")
  @MethodSource("cases")
  void mostWeightFallsOnTheCopiedLag(VariantCase variant, int lagToken) {
    LagHarness harness = new LagHarness(variant, TOKENS, WIDTH, lagToken, SEED);

    harness.train(STEPS, BATCH);
    double error = harness.testError(512);
    double[] weights = harness.meanWeights(512);

    LOG.info("{}, lag token {}: test error {}, mean weights {}", variant, lagToken, error,
        Arrays.toString(weights));
    assertTrue(error < 0.05, "the model did not learn the copy: squared error " + error);
    assertTrue(weights[lagToken] > 0.5, "weight on the lag token " + weights[lagToken]
        + " of " + Arrays.toString(weights));
    assertEquals(lagToken, argmax(weights), Arrays.toString(weights));
  }

  /** Local attention's window must reach the lag tokens from the last token. */
  static VariantCase reaching(VariantCase variant) {
    if (variant.variant() instanceof LocalAttention) {
      return new VariantCase(variant.variant(), Map.of("window", 4));
    }
    return variant;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
