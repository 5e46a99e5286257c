package org.doppel.runtime.simulation;

import org.doppel.sdk.domain.Disturbance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.doppel.sdk.control.ControlLaw;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The smart-grid decision twin's size of run: 672 half-hours of load-frequency control at the
 * 0.1 s control period, 12,096,000 steps, with a disturbance interpolated between half-hour
 * points as the domain builds it.
 */
class RealTimeFortnightTest {

  private static final Logger LOG = LoggerFactory.getLogger(RealTimeFortnightTest.class);
  private static final int HALF_HOURS = 672;
  private static final int STEPS_PER_HALF_HOUR = 18_000;

  @Test
  void aFortnightAtTheControlPeriodSimulatesInSecondsWithBoundedMemory() throws IOException {
    double[][] gain = new double[2][9];
    gain[0][3] = 0.3;
    gain[1][8] = 0.3;
    ControlLaw integralAgc = (step, x, forecast) -> new double[] {-gain[0][3] * x[3],
        -gain[1][8] * x[8]};
    SimulationOptions options = SimulationOptions.defaults().withKeepEvery(600);

    SimulationResult result = new ClosedLoopSimulator().simulate(new ClosedLoopSetup(
        LinearPlant.lfcReference(), integralAgc, "integral", new double[9],
        new HalfHourRamps(), 0.1), options);

    LOG.info("672 half-hours at 0.1 s: [{}] steps in [{}] ms, [{}] rows kept",
        result.steps(), result.wallTime().toMillis(), result.trajectory().time().length);
    assertEquals(12_096_000L, result.steps());
    assertEquals(20_161, result.trajectory().time().length);
    assertTrue(result.wallTime().toSeconds() < 120, "took " + result.wallTime());
    double sampledPeak = 0;
    for (double v : result.trajectory().state("df1 [Hz]")) {
      sampledPeak = Math.max(sampledPeak, Math.abs(v));
    }
    assertTrue(sampledPeak <= result.statistics("df1 [Hz]").peak());
  }

  /** ±0.01 pu errors, different each half-hour, ramped linearly between half-hour points. */
  private static final class HalfHourRamps implements Disturbance {

    @Override
    public long steps() {
      return (long) HALF_HOURS * STEPS_PER_HALF_HOUR;
    }

    @Override
    public int width() {
      return 2;
    }

    @Override
    public void fill(long step, double[] target) {
      int knot = (int) (step / STEPS_PER_HALF_HOUR);
      double fraction = (step % STEPS_PER_HALF_HOUR) / (double) STEPS_PER_HALF_HOUR;
      double value = (1 - fraction) * error(knot) + fraction * error(knot + 1);
      target[0] = value;
      target[1] = value;
    }

    private static double error(int halfHour) {
      return 0.01 * Math.sin(0.7 * halfHour);
    }
  }
}
