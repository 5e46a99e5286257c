package org.doppel.plugins.compression;

import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/** The epochs a strategy trains for, read and bounded the same way by every strategy. */
final class FineTuning {

  /**
   * The most epochs a strategy may train: fine-tuning runs without a progress estimate of
   * its own, so a mistyped count would look like a hung run.
   */
  static final int MAX_EPOCHS = 1000;

  private FineTuning() {
  }

  /** {@code key} as a whole number in {@code [min, MAX_EPOCHS]}, or {@code fallback}. */
  static int epochs(String strategy, Parameters parameters, String key, int fallback,
      int min) {
    int epochs = parameters.getInt(key, fallback);
    if (epochs < min || epochs > MAX_EPOCHS) {
      throw new PluginException(strategy + ": parameter '" + key + "' must be between " + min
          + " and " + MAX_EPOCHS + ", got " + epochs);
    }
    return epochs;
  }
}
