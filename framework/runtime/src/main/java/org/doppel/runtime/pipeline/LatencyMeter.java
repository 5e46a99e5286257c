package org.doppel.runtime.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Inference latency of surrogates: the median of repeated {@code predict} calls after a
 * warm-up, so graph building and first-call costs are not counted. Several models are timed
 * in interleaved rounds (one call of each per round), so a slow spell of a shared machine
 * or a JIT warming up weighs on every model alike instead of on whichever came first.
 * Stateless.
 */
final class LatencyMeter {

  private static final int WARM_UP = 20;

  private LatencyMeter() {
  }

  /** Batch 1 and batch 64 latencies, milliseconds. */
  record Latency(double batch1Ms, double batch64Ms) {
  }

  static Latency measure(SurrogateModel model, INDArray windows, int repeats) {
    return measureAll(List.of(model), windows, repeats).get(0);
  }

  /** The latency of each model, in the order given. */
  static List<Latency> measureAll(List<SurrogateModel> models, INDArray windows,
      int repeats) {
    INDArray one = windows.get(NDArrayIndex.interval(0, 1));
    INDArray batch = repeatRows(windows, 64);
    double[] single = medians(models, one, repeats);
    double[] batched = medians(models, batch, repeats);
    List<Latency> latencies = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      latencies.add(new Latency(single[m], batched[m]));
    }
    return latencies;
  }

  private static double[] medians(List<SurrogateModel> models, INDArray input, int repeats) {
    for (SurrogateModel model : models) {
      for (int i = 0; i < WARM_UP; i++) {
        model.predict(input);
      }
    }
    double[][] times = new double[models.size()][repeats];
    for (int round = 0; round < repeats; round++) {
      for (int m = 0; m < models.size(); m++) {
        long start = System.nanoTime();
        models.get(m).predict(input);
        times[m][round] = (System.nanoTime() - start) / 1e6;
      }
    }
    double[] medians = new double[models.size()];
    for (int m = 0; m < models.size(); m++) {
      Arrays.sort(times[m]);
      medians[m] = repeats % 2 == 1 ? times[m][repeats / 2]
          : (times[m][repeats / 2 - 1] + times[m][repeats / 2]) / 2;
    }
    return medians;
  }

  /** The first {@code rows} windows, cycling through the given ones when there are fewer. */
  private static INDArray repeatRows(INDArray windows, int rows) {
    long available = windows.size(0);
    INDArray[] parts = new INDArray[rows];
    for (int i = 0; i < rows; i++) {
      long row = i % available;
      parts[i] = windows.get(NDArrayIndex.interval(row, row + 1));
    }
    return Nd4j.concat(0, parts);
  }
}
