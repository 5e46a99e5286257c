package org.doppel.sdk.forecast;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The framework's service that trains attention forecasters on a domain's windows, on the
 * shared compute service. Inputs and targets are standardised per feature and per target on
 * the training windows (a constant column scales by 1), and forecasts come back in the data's
 * units. Training checks every epoch's loss and stops on the first non-finite one with an
 * error naming the epoch. Thread-safe.
 */
@ProviderType
public interface SequenceForecasting {

  /** Told after every epoch, for progress. */
  @FunctionalInterface
  interface EpochListener {
    void epoch(int epoch, int epochs, double trainingLoss, double validationLoss);
  }

  /**
   * Trains a forecaster.
   *
   * @param training windows with targets; the last {@code validationFraction} of them are held
   *     out for early stopping, so order them in time
   * @throws org.doppel.sdk.PluginException naming the attention variant and its faulty
   *     parameter, or the reason training failed
   * @throws IllegalArgumentException when {@code training} has no targets or too few windows
   */
  SequenceForecaster train(WindowSet training, ForecasterSettings settings,
      EpochListener listener);

  /**
   * Checks, without training, that {@code settings} can build a forecaster for windows of
   * this shape: the attention variant is installed and accepts its parameters for this many
   * tokens (top-k's k, local's window, heads dividing the width). For a study's
   * {@code validate}, so a faulty attention setting is a scenario error before a run starts.
   * The default checks nothing.
   *
   * @throws org.doppel.sdk.PluginException naming the variant and its faulty parameter
   */
  default void check(ForecasterSettings settings, int tokens, int features) {
  }
}
