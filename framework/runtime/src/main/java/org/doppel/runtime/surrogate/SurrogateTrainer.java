package org.doppel.runtime.surrogate;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.doppel.runtime.data.Standardizer;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a surrogate on the start of a series: Adam with L2 (and dropout when set), the last
 * {@code validationFraction} of the training windows held out for early stopping, the best
 * epoch's weights restored. The same seed gives the same weights and losses.
 *
 * <p>A training window's target ends before the first validation target, so no validation
 * value is ever a training target. Not thread-safe; one trainer per run.
 */
public final class SurrogateTrainer {

  private static final Logger LOG = LoggerFactory.getLogger(SurrogateTrainer.class);

  private final SurrogateSettings settings;
  private final AttentionVariant variant;
  private final Parameters attentionParameters;
  private final long seed;

  public SurrogateTrainer(SurrogateSettings settings, AttentionVariant variant,
      Parameters attentionParameters, long seed) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.variant = Objects.requireNonNull(variant, "variant");
    this.attentionParameters = Objects.requireNonNull(attentionParameters,
        "attentionParameters");
    this.seed = seed;
  }

  /**
   * Builds the untrained network once, so that an invalid attention parameter is reported
   * in milliseconds, before any data is read or any epoch is trained.
   *
   * @return the untrained network (seasonal lag 0), for checks of its architecture
   * @throws org.doppel.sdk.PluginException from the variant, naming the parameter
   */
  public SurrogateModel checkParameters() {
    return SurrogateNetwork.build(settings, 0, variant, attentionParameters, seed);
  }

  /**
   * Trains on {@code values[0, trainEnd)}; validation windows at the end of that range.
   *
   * @param listener hears about every epoch
   * @throws SurrogateTrainingException when the range is too short for one window (naming
   *     the points needed and given) or training diverges (naming epoch, iteration and
   *     variable)
   * @throws org.doppel.sdk.PluginException from the variant, naming an invalid parameter
   */
  public TrainedSurrogate fit(LocalDateTime[] timestamps, double[] values, int trainEnd,
      TrainingListener listener) {
    check(timestamps, values, trainEnd);
    Split split = split(trainEnd);

    Standardizer scaler = Standardizer.fit(List.of(SurrogateFeatures.COLUMN),
        column(Arrays.copyOf(values, trainEnd)));
    SurrogateFeatures features = new SurrogateFeatures(scaler, settings.inputWindow(),
        settings.horizon());
    double[] scaled = features.scale(Arrays.copyOf(values, trainEnd));
    INDArray trainX = features.windows(timestamps, scaled, split.train);
    INDArray trainY = features.targets(scaled, split.train);
    INDArray validX = split.validation.length == 0 ? null
        : features.windows(timestamps, scaled, split.validation);
    INDArray validY = split.validation.length == 0 ? null
        : features.targets(scaled, split.validation);

    int seasonalLag = SurrogateFeatures.seasonalLag(timestamps, settings.inputWindow());
    SameDiffSurrogate model = SurrogateNetwork.build(settings, seasonalLag, variant,
        attentionParameters, seed);
    LOG.info("Training surrogate [{}] with attention [{}]: {} parameters, {} training and {} "
        + "validation windows", settings.toMap(), variant.id(), model.parameterCount(),
        split.train.length, split.validation.length);

    List<EpochRecord> history = train(model, trainX, trainY, validX, validY, listener);
    int best = history.stream().filter(EpochRecord::improved)
        .mapToInt(EpochRecord::epoch).max().orElse(history.size());
    return new TrainedSurrogate(model, settings, features, variant.id(), attentionParameters,
        seasonalLag, history, best, new TrainingWindows(trainX, trainY, seed, settings));
  }

  private List<EpochRecord> train(SameDiffSurrogate model, INDArray trainX, INDArray trainY,
      INDArray validX, INDArray validY, TrainingListener listener) {
    GraphFitting fitting = new GraphFitting(model, settings, seed);
    List<EpochRecord> history = new ArrayList<>();
    Map<String, INDArray> best = GraphFitting.snapshot(model);
    double bestLoss = Double.POSITIVE_INFINITY;
    int sinceBest = 0;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      long start = System.nanoTime();
      double trainLoss = fitting.epoch(epoch, trainX, trainY, () -> { });
      double validationLoss = validX == null ? trainLoss
          : GraphFitting.meanSquaredError(model, validX, validY);
      boolean improved = validationLoss < bestLoss;
      if (improved) {
        bestLoss = validationLoss;
        best = GraphFitting.snapshot(model);
        sinceBest = 0;
      } else {
        sinceBest++;
      }
      EpochRecord record = new EpochRecord(epoch, settings.epochs(), trainLoss,
          validationLoss, (System.nanoTime() - start) / 1e9, improved);
      history.add(record);
      LOG.debug("Surrogate epoch {}/{}: train loss {}, validation loss {}{}", epoch,
          settings.epochs(), trainLoss, validationLoss, improved ? " (best)" : "");
      listener.epoch(record);
      if (sinceBest >= settings.patience()) {
        LOG.info("Early stop after epoch {}: no better validation loss for {} epochs", epoch,
            sinceBest);
        break;
      }
    }
    GraphFitting.restore(model, best);
    return history;
  }

  private void check(LocalDateTime[] timestamps, double[] values, int trainEnd) {
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(timestamps.length + " timestamps for "
          + values.length + " values");
    }
    if (trainEnd < 0 || trainEnd > values.length) {
      throw new IllegalArgumentException("trainEnd " + trainEnd
          + " is outside a series of " + values.length + " values");
    }
    int window = settings.inputWindow();
    int horizon = settings.horizon();
    int needed = window + horizon;
    if (trainEnd < needed) {
      throw new SurrogateTrainingException("surrogate training needs at least " + needed
          + " points (input window " + window + " + horizon " + horizon + "), but "
          + trainEnd + " were given");
    }
    int withValidation = window + 2 * horizon;
    if (settings.validationFraction() > 0 && trainEnd < withValidation) {
      throw new SurrogateTrainingException("surrogate training with a validation split "
          + "needs at least " + withValidation + " points (input window " + window
          + " + horizon " + horizon + " for a training window, + " + horizon
          + " for a validation window after it), but " + trainEnd + " were given; "
          + "set validation_fraction to 0 to train without one");
    }
  }

  /** Training and validation origins; validation is the last share of all windows. */
  private Split split(int trainEnd) {
    int first = settings.inputWindow();
    int last = trainEnd - settings.horizon();
    int count = last - first + 1;
    int validation = settings.validationFraction() == 0 ? 0
        : Math.max(1, (int) Math.round(count * settings.validationFraction()));
    int validationStart = last - validation + 1;
    int trainLast = validation == 0 ? last
        : Math.min(validationStart - settings.horizon(), last);
    if (trainLast < first) {
      // Too few windows for the requested share: keep one validation window after one
      // training window (the length check guarantees room for both).
      validationStart = first + settings.horizon();
      trainLast = first;
    }
    return new Split(range(first, trainLast),
        validation == 0 ? new int[0] : range(validationStart, last));
  }

  private static int[] range(int from, int to) {
    int[] result = new int[Math.max(0, to - from + 1)];
    for (int i = 0; i < result.length; i++) {
      result[i] = from + i;
    }
    return result;
  }

  private static double[][] column(double[] values) {
    double[][] rows = new double[values.length][1];
    for (int i = 0; i < values.length; i++) {
      rows[i][0] = values[i];
    }
    return rows;
  }

  private record Split(int[] train, int[] validation) {
  }
}
