package org.doppel.sdk.testkit;

import java.util.Random;
import org.doppel.sdk.compression.CompressionContext;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A seeded synthetic series (two daily harmonics, a weekly one and noise, with an
 * hour-of-day feature), its windows, a small model trained on them once per JVM, and a
 * {@link CompressionContext} over them, for tests of compression strategies. Not
 * thread-safe, except {@link #shared()}.
 */
public final class CompressionFixture implements CompressionContext {

  public static final int WINDOW = 24;
  public static final int FEATURES = 2;
  public static final int WIDTH = 64;
  public static final int HORIZON = 6;
  public static final long SEED = 42;
  public static final int BATCH = 64;

  private static CompressionFixture shared;

  /** The training windows (the first three quarters). */
  public final org.nd4j.linalg.dataset.MultiDataSet training;
  /** The validation windows (the last quarter). */
  public final org.nd4j.linalg.dataset.MultiDataSet validation;
  /** The first 128 training windows. */
  public final org.nd4j.linalg.dataset.MultiDataSet calibration;
  /** The model trained on {@link #training}. */
  public final TinySurrogate trained;
  private int fineTuneIterations;

  private CompressionFixture(int epochs) {
    this(WIDTH, epochs);
  }

  /** A fixture whose model has {@code width} hidden units, trained for {@code epochs}. */
  public CompressionFixture(int width, int epochs) {
    INDArray[] windows = windows(1200, SEED);
    long count = windows[0].size(0);
    long split = count * 3 / 4;
    training = slice(windows, 0, split);
    validation = slice(windows, split, count);
    calibration = slice(windows, 0, 128);
    trained = TinySurrogate.create(WINDOW, FEATURES, width, HORIZON, SEED);
    train(trained, epochs, () -> { });
  }

  /** The fixture shared by every test class in this JVM (trained once, about a second). */
  public static synchronized CompressionFixture shared() {
    if (shared == null) {
      shared = new CompressionFixture(60);
    }
    return shared;
  }

  /** Windows and day-ahead-style targets from a seeded series. */
  public static INDArray[] windows(int length, long seed) {
    Random random = new Random(seed);
    float[] series = new float[length];
    for (int t = 0; t < length; t++) {
      double day = 2 * Math.PI * t / 24.0;
      series[t] = (float) (Math.sin(day) + 0.4 * Math.cos(2 * day)
          + 0.3 * Math.sin(day / 7) + 0.05 * random.nextGaussian());
    }

    int count = length - WINDOW - HORIZON + 1;
    float[][][] inputs = new float[count][WINDOW][FEATURES];
    float[][] targets = new float[count][HORIZON];
    for (int i = 0; i < count; i++) {
      for (int k = 0; k < WINDOW; k++) {
        inputs[i][k][0] = series[i + k];
        inputs[i][k][1] = (float) Math.sin(2 * Math.PI * ((i + k) % 24) / 24.0);
      }
      for (int k = 0; k < HORIZON; k++) {
        targets[i][k] = series[i + WINDOW + k];
      }
    }
    return new INDArray[] {Nd4j.create(inputs), Nd4j.create(targets)};
  }

  private static org.nd4j.linalg.dataset.MultiDataSet slice(INDArray[] windows, long from,
      long to) {
    INDArray x = windows[0].get(NDArrayIndex.interval(from, to), NDArrayIndex.all(),
        NDArrayIndex.all()).dup();
    INDArray y = windows[1].get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).dup();
    return new org.nd4j.linalg.dataset.MultiDataSet(x.castTo(DataType.FLOAT),
        y.castTo(DataType.FLOAT));
  }

  /** Mini-batch training on the training windows, in a fixed order. */
  public void train(SurrogateModel model, int epochs, Runnable afterEachIteration) {
    SameDiff graph = model.graph();
    INDArray x = training.getFeatures(0);
    INDArray y = training.getLabels(0);
    long count = x.size(0);
    BaseListener callback = new BaseListener() {
      @Override
      public boolean isActive(Operation operation) {
        return true;
      }

      @Override
      public void iterationDone(SameDiff sd, At at, MultiDataSet data, Loss loss) {
        fineTuneIterations++;
        afterEachIteration.run();
      }
    };
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (long from = 0; from < count; from += BATCH) {
        long to = Math.min(count, from + BATCH);
        org.nd4j.linalg.dataset.MultiDataSet batch = new org.nd4j.linalg.dataset.MultiDataSet(
            x.get(NDArrayIndex.interval(from, to), NDArrayIndex.all(), NDArrayIndex.all()),
            y.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()));
        graph.fit(batch, callback);
      }
    }
  }

  /** Mean absolute error of {@code model} on the validation windows. */
  public double validationError(SurrogateModel model) {
    INDArray forecasts = model.predict(validation.getFeatures(0));
    return meanAbsolute(forecasts.sub(validation.getLabels(0)));
  }

  /** The mean of the absolute values. */
  public static double meanAbsolute(INDArray difference) {
    return Transforms.abs(difference, true).meanNumber().doubleValue();
  }

  /** Training iterations run through {@link #fineTune} and {@link #train} so far. */
  public int fineTuneIterations() {
    return fineTuneIterations;
  }

  @Override
  public MultiDataSet trainingData() {
    return training;
  }

  @Override
  public MultiDataSet calibrationData() {
    return calibration;
  }

  @Override
  public void fineTune(SurrogateModel model, int epochs, Runnable afterEachIteration) {
    train(model, epochs, afterEachIteration);
  }

  @Override
  public long seed() {
    return SEED;
  }
}
