package org.doppel.runtime.forecast;

import java.util.List;
import java.util.Random;
import org.doppel.runtime.surrogate.ShuffledBatches;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Epochs of Adam updates with L2 on a forecaster's graph, over minibatches in a seeded
 * random order (the last batch may be partial, case C11). Not thread-safe.
 */
final class ForecastFitting {

  /** Windows the per-epoch training loss is measured on, at most. */
  static final int LOSS_SAMPLE = 1024;

  private static final int CHUNK = 256;

  private final ForecastGraph model;
  private final int batchSize;
  private final Random random;

  ForecastFitting(ForecastGraph model, double learningRate, double l2, int batchSize,
      long seed) {
    this.model = model;
    this.batchSize = batchSize;
    this.random = new Random(seed);
    TrainingConfig.Builder config = new TrainingConfig.Builder()
        .updater(new Adam(learningRate))
        .dataSetFeatureMapping(List.of(ForecastGraph.INPUT, ForecastGraph.BASELINE))
        .dataSetLabelMapping(ForecastGraph.LABEL);
    if (l2 > 0) {
      config.l2(l2);
    }
    model.graph().setTrainingConfig(config.build());
  }

  /**
   * One epoch over the windows in a seeded random order.
   *
   * @return the mean squared error after the epoch on up to {@value #LOSS_SAMPLE} windows
   *     spread evenly over them (SameDiff does not report a training step's loss value)
   */
  double epoch(Arrays data) {
    int n = (int) data.inputs().size(0);
    model.graph().fit(new Batches(data, ShuffledBatches.shuffled(n, random)), 1);
    long[] sample = evenlySpaced(n, LOSS_SAMPLE);
    SpecifiedIndex rows = new SpecifiedIndex(sample);
    return meanSquaredError(model, new Arrays(
        data.inputs().get(rows, NDArrayIndex.all(), NDArrayIndex.all()),
        data.baseline().get(new SpecifiedIndex(sample), NDArrayIndex.all()),
        data.targets().get(new SpecifiedIndex(sample), NDArrayIndex.all())));
  }

  /** Mean squared error in standardised units, evaluated in chunks. */
  static double meanSquaredError(ForecastGraph model, Arrays data) {
    long n = data.inputs().size(0);
    double sum = 0;
    for (long start = 0; start < n; start += CHUNK) {
      long end = Math.min(n, start + CHUNK);
      INDArray forecast = model.forecast(
          data.inputs().get(NDArrayIndex.interval(start, end), NDArrayIndex.all(),
              NDArrayIndex.all()),
          data.baseline().get(NDArrayIndex.interval(start, end), NDArrayIndex.all()));
      INDArray error = forecast.sub(data.targets().get(NDArrayIndex.interval(start, end),
          NDArrayIndex.all()));
      sum += error.mul(error).sumNumber().doubleValue();
    }
    return sum / (n * data.targets().size(1));
  }

  /** Up to {@code count} indices spread evenly over {@code [0, n)}. */
  static long[] evenlySpaced(long n, int count) {
    int size = (int) Math.min(n, count);
    long[] rows = new long[size];
    for (int i = 0; i < size; i++) {
      rows[i] = i * n / size;
    }
    return rows;
  }

  /** Standardised windows, baselines and targets, {@code [n, tokens, features]} and so on. */
  record Arrays(INDArray inputs, INDArray baseline, INDArray targets) {
  }

  /** The epoch's minibatches of windows, baselines and targets. */
  private final class Batches extends ShuffledBatches {

    private final Arrays data;

    Batches(Arrays data, int[] order) {
      super(order, batchSize);
      this.data = data;
    }

    @Override
    protected MultiDataSet batch(long[] rows) {
      INDArray x = data.inputs().get(new SpecifiedIndex(rows), NDArrayIndex.all(),
          NDArrayIndex.all()).dup();
      INDArray b = data.baseline().get(new SpecifiedIndex(rows), NDArrayIndex.all()).dup();
      INDArray y = data.targets().get(new SpecifiedIndex(rows), NDArrayIndex.all()).dup();
      return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {x, b},
          new INDArray[] {y});
    }
  }
}
