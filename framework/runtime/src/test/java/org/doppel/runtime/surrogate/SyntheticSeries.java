package org.doppel.runtime.surrogate;

import java.time.LocalDateTime;
import java.util.SplittableRandom;

/** Small seeded series for fast surrogate tests. */
final class SyntheticSeries {

  final LocalDateTime[] timestamps;
  final double[] values;

  private SyntheticSeries(LocalDateTime[] timestamps, double[] values) {
    this.timestamps = timestamps;
    this.values = values;
  }

  /** {@code length} hourly values: a daily sine around 500 plus seeded noise. */
  static SyntheticSeries hourly(int length, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDateTime[] stamps = new LocalDateTime[length];
    double[] values = new double[length];
    LocalDateTime start = LocalDateTime.of(2021, 1, 4, 0, 0);
    for (int i = 0; i < length; i++) {
      stamps[i] = start.plusHours(i);
      values[i] = 500 + 100 * Math.sin(2 * Math.PI * i / 24) + 5 * random.nextGaussian();
    }
    return new SyntheticSeries(stamps, values);
  }
}
