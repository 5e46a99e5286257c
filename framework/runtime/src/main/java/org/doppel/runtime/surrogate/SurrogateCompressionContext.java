package org.doppel.runtime.surrogate;

import org.doppel.sdk.PluginException;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;

/**
 * The training windows of a surrogate, and a fine-tuning loop on them with the run's
 * settings. Each {@link #fineTune} starts a fresh Adam state, so moments built for the
 * uncompressed weights never drive the compressed ones (case C04).
 */
final class SurrogateCompressionContext implements CompressionContext {

  private static final int CALIBRATION_WINDOWS = 256;

  private final TrainingWindows training;

  SurrogateCompressionContext(TrainingWindows training) {
    this.training = training;
  }

  @Override
  public MultiDataSet trainingData() {
    return new org.nd4j.linalg.dataset.MultiDataSet(training.windows(), training.targets());
  }

  /** Up to 256 windows spread evenly over the training windows. */
  @Override
  public MultiDataSet calibrationData() {
    long[] rows = GraphFitting.evenlySpaced(training.windows().size(0), CALIBRATION_WINDOWS);
    INDArray windows = training.windows().get(new SpecifiedIndex(rows), NDArrayIndex.all(),
        NDArrayIndex.all()).dup();
    INDArray targets = training.targets().get(new SpecifiedIndex(rows), NDArrayIndex.all())
        .dup();
    return new org.nd4j.linalg.dataset.MultiDataSet(windows, targets);
  }

  /**
   * @throws PluginException when {@code model} is not a copy of the run's surrogate
   * @throws SurrogateTrainingException when a loss or weight turns non-finite
   */
  @Override
  public void fineTune(SurrogateModel model, int epochs, Runnable afterEachIteration) {
    if (!(model instanceof SameDiffSurrogate surrogate)) {
      throw new PluginException("fine-tuning needs a copy of the run's surrogate (from "
          + "model.copy()), got " + model.getClass().getName());
    }
    GraphFitting fitting = new GraphFitting(surrogate, training.settings(), training.seed());
    for (int epoch = 1; epoch <= epochs; epoch++) {
      fitting.epoch(epoch, training.windows(), training.targets(), afterEachIteration);
    }
  }

  @Override
  public long seed() {
    return training.seed();
  }
}
