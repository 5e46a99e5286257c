package org.doppel.sdk.compression;

import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.osgi.annotation.versioning.ProviderType;

/** What the framework lends a compression strategy: data and a training loop. */
@ProviderType
public interface CompressionContext {

  /** Training windows and targets, in the model's normalised units. */
  MultiDataSet trainingData();

  /** Calibration windows (a sample of the training data), for quantisation ranges. */
  MultiDataSet calibrationData();

  /**
   * Fine-tunes {@code model} in place for {@code epochs} on the training data, calling
   * {@code afterEachIteration} after every parameter update (for example to keep pruned
   * weights at zero).
   */
  void fineTune(SurrogateModel model, int epochs, Runnable afterEachIteration);

  /** The run's seed. */
  long seed();
}
