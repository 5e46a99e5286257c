package org.doppel.runtime.forecast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.doppel.runtime.pipeline.ComputeAccess;
import org.doppel.runtime.registry.PluginLookup;
import org.doppel.runtime.registry.UnknownPluginException;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginType;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains attention forecasters on SameDiff: the graph of {@link ForecastGraph}, trained in
 * standardised units by Adam with L2 over seeded minibatches, with early stopping on the
 * last {@code validationFraction} of the windows and the best epoch's weights restored.
 *
 * <p>Without a validation split ({@code validationFraction} 0) the training loss picks the
 * best epoch, {@code validationLoss()} is empty and the listener hears {@code NaN} as the
 * validation loss. The validation windows are simply the last ones: when windows overlap in
 * time, a training window's target may lie inside a validation window's input. The service
 * cannot see time; a domain for which this matters knows the split (the last
 * {@code max(1, round(windows × validationFraction))} windows validate) and can leave out the
 * training windows just before it.
 *
 * <p>Every ND4J call runs through the given {@link ComputeAccess}: the shared compute
 * service inside the framework, the caller's thread in {@link StandaloneForecasting}.
 * Thread-safe: each call trains its own graph.
 */
public final class SameDiffForecasting implements SequenceForecasting {

  private static final Logger LOG = LoggerFactory.getLogger(SameDiffForecasting.class);

  private final ComputeAccess compute;
  private final PluginLookup plugins;

  /**
   * @param compute where the model work runs
   * @param plugins where attention variants are found by id
   */
  public SameDiffForecasting(ComputeAccess compute, PluginLookup plugins) {
    this.compute = Objects.requireNonNull(compute, "compute");
    this.plugins = Objects.requireNonNull(plugins, "plugins");
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code listener} may be {@code null}. Variant lookup, the training-window checks and
   * the attention parameters' {@code id} are checked before any model work is queued on the
   * compute service.
   */
  @Override
  public SequenceForecaster train(WindowSet training, ForecasterSettings settings,
      EpochListener listener) {
    Objects.requireNonNull(training, "training");
    Objects.requireNonNull(settings, "settings");
    EpochListener heard = listener == null ? (e, n, t, v) -> { } : listener;
    if (training.targets() == null) {
      throw new IllegalArgumentException("the training windows have no targets; train on a "
          + "WindowSet built with targets, use WindowSet.unlabelled only to forecast");
    }
    Split split = Split.of(training.size(), settings.validationFraction());
    AttentionVariant variant = variant(settings.attentionId());
    Parameters attention = variantParameters(settings);
    return compute.run("train", () -> fit(training, settings, attention, heard, split,
        variant));
  }

  /** Builds the untrained graph for this shape on the compute service, then drops it. */
  @Override
  public void check(ForecasterSettings settings, int tokens, int features) {
    Objects.requireNonNull(settings, "settings");
    if (tokens < 1 || features < 1) {
      throw new IllegalArgumentException("a forecaster needs at least one token and one"
          + " feature, got " + tokens + " and " + features);
    }
    AttentionVariant variant = variant(settings.attentionId());
    Parameters attention = variantParameters(settings);
    compute.run("check", () -> ForecastGraph.build(tokens, features, 1, settings.width(),
        variant, attention, settings.seed()));
  }

  /**
   * The variant's own parameters. A study's {@code attention} section comes back as
   * {@code {id: multi-head, heads: 2}}; its {@code id} is the variant's id, not one of its
   * parameters, so it is dropped here when it names the same variant.
   *
   * @throws PluginException when the parameters name another variant than the settings
   */
  private static Parameters variantParameters(ForecasterSettings settings) {
    Parameters attention = settings.attention();
    if (!attention.has("id")) {
      return attention;
    }
    String named = attention.getString("id", null);
    if (!settings.attentionId().equals(named)) {
      throw new PluginException(attention.owner() + ": parameter 'id' names attention '"
          + named + "', but the forecaster was asked for '" + settings.attentionId() + "'");
    }
    Map<String, Object> own = new LinkedHashMap<>(attention.asMap());
    own.remove("id");
    return Parameters.of(attention.owner(), own);
  }

  private AttentionVariant variant(String id) {
    try {
      return plugins.require(PluginType.ATTENTION, id, AttentionVariant.class);
    } catch (UnknownPluginException e) {
      throw new PluginException(e.getMessage(), e);
    }
  }

  private SequenceForecaster fit(WindowSet training, ForecasterSettings settings,
      Parameters attention, EpochListener listener, Split split, AttentionVariant variant) {
    long started = System.nanoTime();
    WindowScaling scaling = WindowScaling.fit(training, split.train());
    ForecastFitting.Arrays train = arrays(scaling, training, 0, split.train());
    ForecastFitting.Arrays validation = split.validation() == 0 ? null
        : arrays(scaling, training, split.train(), training.size());

    ForecastGraph model = ForecastGraph.build(training.tokens(), training.features(),
        training.outputs(), settings.width(), variant, attention, settings.seed());
    LOG.info("Training a sequence forecaster with attention [{}]: {} parameters, {} tokens x "
        + "{} features -> {} targets, {} training and {} validation windows",
        variant.id(), model.parameterCount(), training.tokens(), training.features(),
        training.outputs(), split.train(), split.validation());

    History history = trainEpochs(model, settings, variant, train, validation, listener);
    double seconds = (System.nanoTime() - started) / 1e9;

    Map<String, Object> facts = describe(training, settings, attention, variant, model,
        split);
    facts.put("epochs_trained", history.trainLosses().size());
    facts.put("best_epoch", history.bestEpoch());
    facts.put("training_seconds", seconds);
    LOG.info("Trained the forecaster in {} s: best epoch {} of {}", String.format("%.1f",
        seconds), history.bestEpoch(), history.trainLosses().size());
    return new TrainedForecaster(compute, model, scaling, training, history.trainLosses(),
        history.validationLosses(), seconds, facts);
  }

  /**
   * Trains until the last epoch or until {@code patience} epochs bring no lower validation
   * (else training) loss, then restores the best epoch's weights.
   *
   * @param validation {@code null} without a validation split
   */
  private static History trainEpochs(ForecastGraph model, ForecasterSettings settings,
      AttentionVariant variant, ForecastFitting.Arrays train,
      ForecastFitting.Arrays validation, EpochListener listener) {
    ForecastFitting fitting = new ForecastFitting(model, settings.learningRate(),
        settings.l2(), settings.batchSize(), settings.seed());
    List<Double> trainLosses = new ArrayList<>();
    List<Double> validationLosses = new ArrayList<>();
    Map<String, INDArray> best = model.snapshot();
    double bestLoss = Double.POSITIVE_INFINITY;
    int bestEpoch = 0;
    for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
      double trainLoss = fitting.epoch(train);
      double validationLoss = validation == null ? Double.NaN
          : ForecastFitting.meanSquaredError(model, validation);
      checkFinite(epoch, trainLoss, validationLoss, validation != null, variant, settings);
      trainLosses.add(trainLoss);
      if (validation != null) {
        validationLosses.add(validationLoss);
      }
      LOG.debug("Forecaster epoch {}/{}: training loss {}, validation loss {}", epoch,
          settings.epochs(), trainLoss, validationLoss);
      listener.epoch(epoch, settings.epochs(), trainLoss, validationLoss);

      double watched = validation == null ? trainLoss : validationLoss;
      if (watched < bestLoss) {
        bestLoss = watched;
        bestEpoch = epoch;
        best = model.snapshot();
      } else if (settings.patience() > 0 && epoch - bestEpoch >= settings.patience()) {
        LOG.info("Early stop after epoch {}: no better {} loss for {} epochs", epoch,
            validation == null ? "training" : "validation", epoch - bestEpoch);
        break;
      }
    }
    model.restore(best);
    return new History(trainLosses, validationLosses, bestEpoch);
  }

  private static ForecastFitting.Arrays arrays(WindowScaling scaling, WindowSet windows,
      int from, int to) {
    return new ForecastFitting.Arrays(scaling.inputs(windows, from, to),
        scaling.baseline(windows, from, to), scaling.targets(windows, from, to));
  }

  private static void checkFinite(int epoch, double trainLoss, double validationLoss,
      boolean validating, AttentionVariant variant, ForecasterSettings settings) {
    if (Double.isFinite(trainLoss) && (!validating || Double.isFinite(validationLoss))) {
      return;
    }
    throw new PluginException("training the forecaster with attention '" + variant.id()
        + "' diverged in epoch " + epoch + ": the " + (Double.isFinite(trainLoss)
            ? "validation loss is " + validationLoss : "training loss is " + trainLoss)
        + " (learning rate " + settings.learningRate() + "); lower the learning rate or "
        + "check the data's scale");
  }

  private static Map<String, Object> describe(WindowSet training, ForecasterSettings settings,
      Parameters attention, AttentionVariant variant, ForecastGraph model, Split split) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("architecture", "token embedding + position embedding + attention + linear "
        + "head on the baseline");
    facts.put("attention", variant.id());
    facts.put("attention_parameters", attention.asMap());
    facts.put("tokens", training.tokens());
    facts.put("features", training.featureNames());
    facts.put("targets", training.targetNames());
    facts.put("width", settings.width());
    facts.put("queries", model.queries());
    facts.put("parameters", model.parameterCount());
    facts.put("baseline", training.baseline() != null ? "given" : "zero");
    facts.put("training_windows", split.train());
    facts.put("validation_windows", split.validation());
    facts.put("epochs", settings.epochs());
    facts.put("batch_size", settings.batchSize());
    facts.put("learning_rate", settings.learningRate());
    facts.put("l2", settings.l2());
    facts.put("validation_fraction", settings.validationFraction());
    facts.put("patience", settings.patience());
    facts.put("seed", settings.seed());
    return facts;
  }

  /** Losses per epoch and the epoch whose weights the model holds (1-based). */
  private record History(List<Double> trainLosses, List<Double> validationLosses,
      int bestEpoch) {
  }

  /** Training windows first, then the last ones held out for validation. */
  record Split(int train, int validation) {

    static Split of(int windows, double validationFraction) {
      if (validationFraction == 0) {
        return new Split(windows, 0);
      }
      if (windows < 2) {
        throw new IllegalArgumentException("training with validation_fraction "
            + validationFraction + " needs at least 2 windows (one to train on, one to "
            + "validate on), but the window set has " + windows
            + "; give more windows or set validation_fraction to 0");
      }
      int validation = Math.max(1, (int) Math.round(windows * validationFraction));
      return new Split(windows - validation, validation);
    }
  }
}
