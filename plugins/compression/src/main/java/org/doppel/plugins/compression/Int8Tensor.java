package org.doppel.plugins.compression;

import java.util.Arrays;

/**
 * A weight array quantized to int8, symmetric, with one scale per output channel.
 *
 * <p>Weights follow the graph's {@code x·W} convention, {@code W [in, out]}: the output
 * channel is the last axis, so element {@code i} of the row-major values belongs to channel
 * {@code i % channels}. A channel that is all zero (a pruned neuron) gets scale 1 and
 * quantizes to zeros; no scale is ever 0, NaN or infinite. Immutable.
 *
 * @param shape the array's shape
 * @param values the int8 codes in row-major order, each in [-127, 127]
 * @param scales one positive scale per output channel: weight ≈ code × scale
 */
record Int8Tensor(long[] shape, byte[] values, float[] scales) {

  static final int LEVELS = 127;

  Int8Tensor {
    shape = shape.clone();
    values = values.clone();
    scales = scales.clone();
  }

  /**
   * Quantizes row-major {@code weights} of {@code shape}, with each channel's range clipped
   * to {@code clip} × its largest magnitude ({@code clip} = 1 keeps every weight within half
   * a step of its original).
   */
  static Int8Tensor quantize(float[] weights, long[] shape, double clip) {
    int channels = (int) shape[shape.length - 1];
    double[] largest = new double[channels];
    for (int i = 0; i < weights.length; i++) {
      largest[i % channels] = Math.max(largest[i % channels], Math.abs(weights[i]));
    }

    float[] scales = new float[channels];
    for (int c = 0; c < channels; c++) {
      scales[c] = safeScale(clip * largest[c] / LEVELS);
    }

    byte[] codes = new byte[weights.length];
    for (int i = 0; i < weights.length; i++) {
      long code = Math.round(weights[i] / (double) scales[i % channels]);
      codes[i] = (byte) Math.max(-LEVELS, Math.min(LEVELS, code));
    }
    return new Int8Tensor(shape, codes, scales);
  }

  /**
   * A scale that is positive and finite: 1 for an all-zero channel (its codes are all 0
   * whatever the scale), the smallest float for a channel too small for float32 steps.
   */
  static float safeScale(double scale) {
    if (!(scale > 0) || Double.isInfinite(scale)) {
      return 1f;
    }
    return (float) Math.max(scale, Float.MIN_VALUE);
  }

  int channels() {
    return scales.length;
  }

  /** The dequantized weights, row-major: code × its channel's scale. */
  float[] dequantize() {
    int channels = channels();
    float[] weights = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      weights[i] = (float) (values[i] * (double) scales[i % channels]);
    }
    return weights;
  }

  /** Channels whose codes are all zero. */
  int zeroChannels() {
    boolean[] nonZero = new boolean[channels()];
    for (int i = 0; i < values.length; i++) {
      nonZero[i % nonZero.length] |= values[i] != 0;
    }
    int zero = 0;
    for (boolean any : nonZero) {
      zero += any ? 0 : 1;
    }
    return zero;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Int8Tensor that && Arrays.equals(shape, that.shape)
        && Arrays.equals(values, that.values) && Arrays.equals(scales, that.scales);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(shape) + Arrays.hashCode(values))
        + Arrays.hashCode(scales);
  }

  @Override
  public String toString() {
    return "Int8Tensor" + Arrays.toString(shape);
  }
}
