package org.doppel.plugins.controllers.estimate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sensor chain and the fusion learned on its readings. */
class SensorChainTest {

  @Test
  void delayedSensorReadsThePastStateAndHoldsTheFirstOneBeforeThat() {
    Sensor late = new Sensor(new double[1], new double[] {0.5}, 2);
    SensorChain chain = new SensorChain(List.of(late), 7);

    double[] seen = new double[5];
    for (int k = 0; k < seen.length; k++) {
      seen[k] = chain.read(new double[] {10 * (k + 1)})[0][0];
    }

    assertArrayEquals(new double[] {10.5, 10.5, 10.5, 20.5, 30.5}, seen, 0);
  }

  @Test
  void chainsWithOneSeedReplayTheSameNoise() {
    Sensor noisy = new Sensor(new double[] {1, 2}, new double[2], 0);

    double[][] first = new SensorChain(List.of(noisy, noisy), 3).read(new double[2]);
    double[][] second = new SensorChain(List.of(noisy, noisy), 3).read(new double[2]);

    assertArrayEquals(first[1], second[1], 0);
    assertEquals(2, first.length);
  }

  @Test
  void learnedFusionRecoversTheExactSensorAmongNoisyOnes() {
    SensorChain chain = new SensorChain(List.of(new Sensor(new double[] {1}, new double[1], 0),
        new Sensor(new double[1], new double[1], 0)), 5);
    List<double[][]> readings = new ArrayList<>();
    List<double[]> truth = new ArrayList<>();
    for (int k = 0; k < 500; k++) {
      double[] x = {Math.sin(0.1 * k)};
      readings.add(chain.read(x));
      truth.add(x);
    }

    AttentionFusion fusion = AttentionFusion.learn(readings, truth);

    // The optimum is a vertex, where the softmax slows descent: close, not exact.
    assertEquals(1, fusion.weights()[0][1], 1e-2);
    double plain = AttentionFusion.mean(1, 2).meanSquaredError(readings, truth);
    assertTrue(fusion.meanSquaredError(readings, truth) < 1e-3 * plain);
  }
}
