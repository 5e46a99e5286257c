package org.doppel.plugins.attention.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How robust the lag explanation is across seeds: the lag test for every variant, lag token
 * and seed 7, 8 and 9, one table row each. Slow (minutes), so it runs only when asked:
 * {@code mvn -B -o -q -pl plugins/attention -am verify -Dtest=LagSweepTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Ddoppel.sweep=true}.
 */
@EnabledIfSystemProperty(named = "doppel.sweep", matches = "true")
class LagSweepTest {

  private static final Logger LOG = LoggerFactory.getLogger(LagSweepTest.class);

  @Test
  void sweepSeedsAndLags() {
    int below = 0;
    for (VariantCase variant : VariantCase.all()) {
      VariantCase reaching = LagExplanationTest.reaching(variant);
      for (int lagToken : new int[] {7, 10}) {
        for (long seed = 7; seed <= 9; seed++) {
          LagHarness harness = new LagHarness(reaching, LagExplanationTest.TOKENS,
              LagExplanationTest.WIDTH, lagToken, seed);
          harness.train(LagExplanationTest.STEPS, LagExplanationTest.BATCH);
          double weight = harness.meanWeights(512)[lagToken];
          below += weight > 0.5 ? 0 : 1;
          LOG.info(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.3f |", reaching,
              lagToken, seed, harness.testError(512), weight));
        }
      }
    }
    assertTrue(below == 0, below + " runs put half or less of the weight on the lag");
  }
}
