package org.doppel.runtime.forecast;

import java.util.Arrays;
import org.doppel.runtime.data.Standardizer;
import org.doppel.sdk.forecast.WindowSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The standardisation a forecaster trains in: each feature over every token of the training
 * windows, each target over the training targets; the baseline scales with its target. A
 * constant column scales by 1 around its value (case C08). Immutable and thread-safe.
 */
final class WindowScaling {

  private final Standardizer features;
  private final double[] targetOffsets;
  private final double[] targetScales;

  private WindowScaling(Standardizer features, Standardizer targets) {
    this.features = features;
    this.targetOffsets = targets.state().offsets().stream().mapToDouble(Double::doubleValue)
        .toArray();
    this.targetScales = targets.state().scales().stream().mapToDouble(Double::doubleValue)
        .toArray();
  }

  /** Fits on the first {@code count} windows of {@code training}, which has targets. */
  static WindowScaling fit(WindowSet training, int count) {
    double[][] tokenRows = new double[count * training.tokens()][];
    for (int w = 0; w < count; w++) {
      for (int t = 0; t < training.tokens(); t++) {
        tokenRows[w * training.tokens() + t] = training.inputs()[w][t];
      }
    }
    double[][] targetRows = Arrays.copyOf(training.targets(), count);
    return new WindowScaling(Standardizer.fit(training.featureNames(), tokenRows),
        Standardizer.fit(training.targetNames(), targetRows));
  }

  /** Standardised inputs of windows {@code [from, to)}, {@code [n, tokens, features]}. */
  INDArray inputs(WindowSet windows, int from, int to) {
    int tokens = windows.tokens();
    int width = windows.features();
    float[] values = new float[(to - from) * tokens * width];
    int i = 0;
    for (int w = from; w < to; w++) {
      for (double[] row : features.transform(windows.inputs()[w])) {
        for (double value : row) {
          values[i++] = (float) value;
        }
      }
    }
    return Nd4j.create(values, new long[] {to - from, tokens, width}, 'c');
  }

  /** Standardised targets of windows {@code [from, to)}, {@code [n, outputs]}. */
  INDArray targets(WindowSet windows, int from, int to) {
    return scaledRows(windows.targets(), windows.outputs(), from, to);
  }

  /** The standardised baseline of windows {@code [from, to)}; zeros without a baseline. */
  INDArray baseline(WindowSet windows, int from, int to) {
    return scaledRows(windows.baseline(), windows.outputs(), from, to);
  }

  private INDArray scaledRows(double[][] rows, int outputs, int from, int to) {
    float[] values = new float[(to - from) * outputs];
    for (int w = from; w < to; w++) {
      for (int o = 0; o < outputs; o++) {
        double value = rows == null ? 0 : rows[w][o];
        values[(w - from) * outputs + o] = (float) ((value - targetOffsets[o])
            / targetScales[o]);
      }
    }
    return Nd4j.create(values, new long[] {to - from, outputs}, 'c');
  }

  /**
   * Forecasts in the targets' units: the baseline as given (in double precision, so a
   * perfect baseline and a zero departure give the baseline exactly) plus the departure
   * times each target's scale.
   */
  double[] forecast(double[] baseline, double[] departure) {
    double[] result = new double[departure.length];
    for (int o = 0; o < result.length; o++) {
      result[o] = (baseline == null ? 0 : baseline[o]) + departure[o] * targetScales[o];
    }
    return result;
  }
}
