package org.doppel.plugins.controllers.estimate;

import java.util.List;
import java.util.Random;

/**
 * The modelled measurement chain: keeps the recent true states and turns each new one into
 * one reading per sensor. Before a delayed sensor has seen {@code delay} states it reads the
 * first state it was given. Seeded, so a chain replays the same noise. Not thread-safe.
 */
public final class SensorChain {

  private final List<Sensor> sensors;
  private final double[][] noise;
  private final double[][] bias;
  private final int[] delay;
  private final double[][] history;
  private final Random random;
  private long seen;

  public SensorChain(List<Sensor> sensors, long seed) {
    this.sensors = List.copyOf(sensors);
    this.noise = sensors.stream().map(Sensor::noise).toArray(double[][]::new);
    this.bias = sensors.stream().map(Sensor::bias).toArray(double[][]::new);
    this.delay = sensors.stream().mapToInt(Sensor::delay).toArray();
    this.history = new double[maxDelay(sensors) + 1][];
    this.random = new Random(seed);
  }

  /** The longest delay among {@code sensors}. */
  public static int maxDelay(List<Sensor> sensors) {
    return sensors.stream().mapToInt(Sensor::delay).max().orElse(0);
  }

  public List<Sensor> sensors() {
    return sensors;
  }

  /**
   * Records the true state of this step and returns the readings, {@code [sensor][state]}.
   * Every sensor draws its noise on every step, so two chains with one seed see the same
   * noise whatever is done with the readings.
   */
  public double[][] read(double[] state) {
    int depth = history.length;
    history[(int) (seen % depth)] = state.clone();
    seen++;

    double[][] readings = new double[delay.length][];
    for (int i = 0; i < delay.length; i++) {
      long index = Math.max(0, seen - 1 - delay[i]);
      double[] delayed = history[(int) (index % depth)];
      double[] reading = new double[state.length];
      for (int j = 0; j < state.length; j++) {
        reading[j] = delayed[j] + bias[i][j] + noise[i][j] * random.nextGaussian();
      }
      readings[i] = reading;
    }
    return readings;
  }
}
