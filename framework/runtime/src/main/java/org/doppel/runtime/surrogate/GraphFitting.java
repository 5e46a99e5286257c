package org.doppel.runtime.surrogate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Loss;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.indexing.SpecifiedIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Runs epochs of Adam updates on a surrogate's graph, with a guard that stops on the first
 * non-finite loss or weight, naming the epoch, iteration and variable.
 *
 * <p>Each instance gives the graph a new training configuration, and with it a fresh
 * optimiser state, so a model whose weights were changed outside the loop (pruning,
 * quantisation) is never driven by Adam moments built for other weights. Not thread-safe.
 */
final class GraphFitting {

  /** Training windows the per-epoch training loss is measured on, at most. */
  static final int LOSS_SAMPLE = 1024;

  private final SameDiffSurrogate model;
  private final SurrogateSettings settings;
  private final Random random;

  GraphFitting(SameDiffSurrogate model, SurrogateSettings settings, long seed) {
    this.model = model;
    this.settings = settings;
    this.random = new Random(seed);
    configure();
  }

  private void configure() {
    List<String> features = new ArrayList<>(List.of(SurrogateNetwork.INPUT));
    if (model.hasDropout()) {
      features.add(SurrogateNetwork.KEEP);
    }
    TrainingConfig.Builder config = new TrainingConfig.Builder()
        .updater(new Adam(settings.learningRate()))
        .dataSetFeatureMapping(features)
        .dataSetLabelMapping(SurrogateNetwork.LABEL);
    if (settings.l2() > 0) {
      config.l2(settings.l2());
    }
    model.graph().setTrainingConfig(config.build());
  }

  /**
   * One epoch over {@code windows} in a seeded random order.
   *
   * @param afterEachIteration run after every parameter update
   * @return the mean squared error after the epoch on up to {@value #LOSS_SAMPLE} training
   *     windows spread evenly over them (SameDiff does not report the loss value of a
   *     training step, only its regularisation term)
   * @throws SurrogateTrainingException on a non-finite loss or weight, with the weights
   *     rolled back to the last finite ones
   */
  double epoch(int epoch, INDArray windows, INDArray targets, Runnable afterEachIteration) {
    int n = (int) windows.size(0);
    int[] order = ShuffledBatches.shuffled(n, random);
    Map<String, INDArray> atStart = snapshot(model);
    Guard guard = new Guard(model, epoch, settings.learningRate(), afterEachIteration);
    model.graph().fit(new Batches(windows, targets, order), 1, guard);
    if (guard.iteration == 0) {
      throw new SurrogateTrainingException("epoch " + epoch + " ran no iteration over "
          + n + " training windows");
    }

    long[] sample = evenlySpaced(n, LOSS_SAMPLE);
    double loss = meanSquaredError(model,
        windows.get(new SpecifiedIndex(sample), NDArrayIndex.all(), NDArrayIndex.all()),
        targets.get(new SpecifiedIndex(sample), NDArrayIndex.all()));
    if (!Double.isFinite(loss)) {
      restore(model, atStart);
      throw new SurrogateTrainingException("training diverged in epoch " + epoch + " ("
          + guard.iteration + " iterations): the training loss (mean squared error of '"
          + SurrogateNetwork.FORECAST + "') is " + loss + " though every weight is finite "
          + "(learning rate " + settings.learningRate() + "); the weights were rolled back "
          + "to the start of the epoch; check the data's scale or lower the learning rate");
    }
    return loss;
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

  /** Mean squared error of the model on {@code windows}, evaluated in chunks. */
  static double meanSquaredError(SameDiffSurrogate model, INDArray windows,
      INDArray targets) {
    long n = windows.size(0);
    double sum = 0;
    for (long start = 0; start < n; start += 256) {
      long end = Math.min(n, start + 256);
      INDArray forecast = model.predict(windows.get(NDArrayIndex.interval(start, end),
          NDArrayIndex.all(), NDArrayIndex.all()));
      INDArray error = forecast.sub(targets.get(NDArrayIndex.interval(start, end),
          NDArrayIndex.all()));
      sum += error.mul(error).sumNumber().doubleValue();
    }
    return sum / (n * targets.size(1));
  }

  /** Copies of every trainable array, to restore the best epoch's weights. */
  static Map<String, INDArray> snapshot(SameDiffSurrogate model) {
    Map<String, INDArray> arrays = new LinkedHashMap<>();
    for (SDVariable variable : model.trainable()) {
      arrays.put(variable.name(), variable.getArr().dup());
    }
    return arrays;
  }

  static void restore(SameDiffSurrogate model, Map<String, INDArray> snapshot) {
    for (SDVariable variable : model.trainable()) {
      variable.getArr().assign(snapshot.get(variable.name()));
    }
  }

  /**
   * Checks the loss and every weight after each update, keeps the last finite weights, and
   * runs the caller's hook. On a non-finite value the weights go back to the last finite
   * ones before the error is thrown.
   */
  private static final class Guard extends BaseListener {

    private final SameDiffSurrogate model;
    private final int epoch;
    private final double learningRate;
    private final Runnable afterEachIteration;
    private final Map<String, INDArray> lastFinite;
    private int iteration;

    Guard(SameDiffSurrogate model, int epoch, double learningRate,
        Runnable afterEachIteration) {
      this.model = model;
      this.epoch = epoch;
      this.learningRate = learningRate;
      this.afterEachIteration = afterEachIteration;
      this.lastFinite = snapshot(model);
    }

    @Override
    public boolean isActive(Operation operation) {
      return operation == Operation.TRAINING;
    }

    @Override
    public void iterationDone(SameDiff sd, At at, MultiDataSet batch, Loss loss) {
      iteration++;
      // The reported loss holds only the regularisation score (SameDiff skips the loss
      // value itself); it still turns non-finite with the weights.
      double score = loss.totalLoss();
      String bad = firstNonFinite();
      if (bad != null || !Double.isFinite(score)) {
        restore(model, lastFinite);
        throw new SurrogateTrainingException("training diverged at epoch " + epoch
            + ", iteration " + iteration + ": " + (bad != null
                ? "variable '" + bad + "' holds a NaN or infinite value"
                : "the regularisation score is " + score)
            + " (learning rate " + learningRate + "); the weights were rolled back to the "
            + "last finite ones; lower the learning rate or check the data");
      }
      afterEachIteration.run();
      for (SDVariable variable : model.trainable()) {
        lastFinite.get(variable.name()).assign(variable.getArr());
      }
    }

    private String firstNonFinite() {
      for (SDVariable variable : model.trainable()) {
        double sum = variable.getArr().sumNumber().doubleValue();
        if (!Double.isFinite(sum)) {
          return variable.name();
        }
      }
      return null;
    }
  }

  /** The epoch's minibatches, with a fresh dropout mask each when the model has dropout. */
  private final class Batches extends ShuffledBatches {

    private final INDArray windows;
    private final INDArray targets;

    Batches(INDArray windows, INDArray targets, int[] order) {
      super(order, settings.batchSize());
      this.windows = windows;
      this.targets = targets;
    }

    @Override
    protected MultiDataSet batch(long[] rows) {
      INDArray x = windows.get(new SpecifiedIndex(rows), NDArrayIndex.all(), NDArrayIndex.all())
          .dup();
      INDArray y = targets.get(new SpecifiedIndex(rows), NDArrayIndex.all()).dup();
      INDArray[] features = model.hasDropout()
          ? new INDArray[] {x, keepMask(rows.length, headWidth())}
          : new INDArray[] {x};
      return new org.nd4j.linalg.dataset.MultiDataSet(features, new INDArray[] {y});
    }
  }

  private long headWidth() {
    return model.graph().getVariable(SurrogateNetwork.KEEP).placeholderShape()[1];
  }

  /** Inverted dropout: each unit kept with probability 1 - p and scaled by 1 / (1 - p). */
  private INDArray keepMask(int rows, long width) {
    double keep = 1 - settings.dropout();
    float[] mask = new float[(int) (rows * width)];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = random.nextDouble() < keep ? (float) (1 / keep) : 0f;
    }
    return Nd4j.create(mask, new long[] {rows, width}, 'c');
  }
}
