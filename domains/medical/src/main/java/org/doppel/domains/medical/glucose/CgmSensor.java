package org.doppel.domains.medical.glucose;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.apache.commons.math3.analysis.interpolation.SplineInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;

/**
 * A seeded continuous glucose monitor: every {@code sample_time} minutes it reads the
 * subcutaneous glucose plus noise, clipped to the sensor's range, and holds the reading in
 * between. The noise is drawn every 15 minutes as in simglucose (an AR(1) process through
 * the Johnson SU transform) and interpolated to the sensor's sample times by a cubic spline
 * over blocks of 10 draws (simglucose uses SciPy's not-a-knot spline, this a natural one).
 * Not thread-safe: one sensor per simulated patient.
 */
final class CgmSensor {

  private static final double NOISE_PERIOD_MIN = 15;
  private static final int BLOCK = 10;

  private final SensorModel model;
  private final Random random;
  private final Deque<Double> pending = new ArrayDeque<>();
  private double process;
  private double lastDraw;
  private boolean started;
  private double lastReading = Double.NaN;

  CgmSensor(SensorModel model, long seed) {
    this.model = model;
    this.random = new Random(seed);
  }

  SensorModel model() {
    return model;
  }

  /**
   * The reading at {@code minute} for the true subcutaneous glucose {@code glucose}: a new one
   * on the sensor's sample times, the last one otherwise.
   */
  double read(long minute, double glucose) {
    if (Double.isNaN(lastReading) || minute % Math.round(model.samplePeriod()) == 0) {
      double reading = glucose + nextNoise();
      lastReading = Math.max(model.min(), Math.min(model.max(), reading));
    }
    return lastReading;
  }

  private double nextNoise() {
    if (pending.isEmpty()) {
      refill();
    }
    return pending.removeFirst();
  }

  /** Draws the next block of 15-minute noise and interpolates it to the sample times. */
  private void refill() {
    if (!started) {
      process = random.nextGaussian();
      lastDraw = model.johnson(process);
      started = true;
    }
    double[] times = new double[BLOCK + 1];
    double[] draws = new double[BLOCK + 1];
    draws[0] = lastDraw;
    for (int i = 1; i <= BLOCK; i++) {
      process = model.pacf() * (process + random.nextGaussian());
      draws[i] = model.johnson(process);
      times[i] = i * NOISE_PERIOD_MIN;
    }
    lastDraw = draws[BLOCK];

    PolynomialSplineFunction spline = new SplineInterpolator().interpolate(times, draws);
    double span = BLOCK * NOISE_PERIOD_MIN;
    int samples = (int) Math.floor(span / model.samplePeriod());
    // The first sample repeats the block's start, which the previous block already gave.
    for (int k = 1; k <= samples; k++) {
      pending.addLast(spline.value(Math.min(span, k * model.samplePeriod())));
    }
  }
}
