package org.doppel.sdk.forecast;

import java.util.Objects;
import java.util.Set;
import org.doppel.sdk.Parameters;

/**
 * How a sequence forecaster is built and trained.
 *
 * @param attentionId the attention variant's plugin id ({@code multi-head}, {@code none}, ...)
 * @param attention the variant's parameters (heads, k, window, ...)
 * @param width the width each token is embedded to
 * @param epochs the most training epochs
 * @param batchSize windows per minibatch (a last partial batch is kept)
 * @param learningRate Adam's learning rate
 * @param l2 L2 weight decay
 * @param validationFraction the last fraction of the training windows held out for early
 *     stopping, in [0, 0.5)
 * @param patience epochs without validation improvement before stopping; 0 trains every epoch
 * @param seed the seed for initialisation and shuffling
 */
public record ForecasterSettings(String attentionId, Parameters attention, int width,
    int epochs, int batchSize, double learningRate, double l2, double validationFraction,
    int patience, long seed) {

  /** The keys {@link #fromScenario} reads from a scenario's {@code surrogate} section. */
  public static final Set<String> SURROGATE_KEYS = Set.of("width", "epochs", "batch_size",
      "learning_rate", "l2", "validation_fraction", "patience");

  public ForecasterSettings {
    Objects.requireNonNull(attentionId, "attentionId");
    Objects.requireNonNull(attention, "attention");
    if (width < 1 || epochs < 1 || batchSize < 1) {
      throw new IllegalArgumentException("width, epochs and batch_size must be positive, got "
          + width + ", " + epochs + " and " + batchSize);
    }
    if (!(learningRate > 0) || !(l2 >= 0)) {
      throw new IllegalArgumentException("learning_rate must be positive and l2 not negative,"
          + " got " + learningRate + " and " + l2);
    }
    if (!(validationFraction >= 0 && validationFraction < 0.5) || patience < 0) {
      throw new IllegalArgumentException("validation_fraction must be in [0, 0.5) and"
          + " patience not negative, got " + validationFraction + " and " + patience);
    }
  }

  /**
   * Settings from a scenario's {@code surrogate} section, with defaults for what it leaves
   * out (width 16, 30 epochs, batch 32, learning rate 1e-3, l2 1e-4, validation 0.15,
   * patience 5).
   *
   * @param surrogate the section; a key outside {@link #SURROGATE_KEYS} plus {@code extra}
   *     is an error naming it
   * @param extra keys the domain itself reads from the same section (input window, horizon)
   */
  public static ForecasterSettings fromScenario(Parameters surrogate, Set<String> extra,
      String attentionId, Parameters attention, long seed) {
    Set<String> known = new java.util.HashSet<>(SURROGATE_KEYS);
    known.addAll(extra);
    surrogate.requireOnly(known);
    return new ForecasterSettings(attentionId, attention, surrogate.getInt("width", 16),
        surrogate.getInt("epochs", 30), surrogate.getInt("batch_size", 32),
        surrogate.getDouble("learning_rate", 1e-3), surrogate.getDouble("l2", 1e-4),
        surrogate.getDouble("validation_fraction", 0.15), surrogate.getInt("patience", 5),
        seed);
  }

  /**
   * A copy that trains at most {@code epochs} epochs (fewer if these settings already ask for
   * fewer), for a quick run.
   */
  public ForecasterSettings withEpochs(int epochs) {
    return new ForecasterSettings(attentionId, attention, width, Math.min(this.epochs, epochs),
        batchSize, learningRate, l2, validationFraction, patience, seed);
  }
}
