package org.doppel.runtime.pipeline;

import java.util.Arrays;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Inference latency of a surrogate: the median of repeated {@code predict} calls after a
 * warm-up, so graph building and first-call costs are not counted. Stateless.
 */
final class LatencyMeter {

  private static final int WARM_UP = 5;

  private LatencyMeter() {
  }

  /** Batch 1 and batch 64 latencies, milliseconds. */
  record Latency(double batch1Ms, double batch64Ms) {
  }

  static Latency measure(SurrogateModel model, INDArray windows, int repeats) {
    INDArray one = windows.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 1));
    INDArray batch = repeatRows(windows, 64);
    return new Latency(medianMs(model, one, repeats), medianMs(model, batch, repeats));
  }

  private static double medianMs(SurrogateModel model, INDArray input, int repeats) {
    for (int i = 0; i < WARM_UP; i++) {
      model.predict(input);
    }
    double[] times = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long start = System.nanoTime();
      model.predict(input);
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return repeats % 2 == 1 ? times[repeats / 2]
        : (times[repeats / 2 - 1] + times[repeats / 2]) / 2;
  }

  /** The first {@code rows} windows, cycling through the given ones when there are fewer. */
  private static INDArray repeatRows(INDArray windows, int rows) {
    long available = windows.size(0);
    INDArray[] parts = new INDArray[rows];
    for (int i = 0; i < rows; i++) {
      long row = i % available;
      parts[i] = windows.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(row, row + 1));
    }
    return org.nd4j.linalg.factory.Nd4j.concat(0, parts);
  }
}
