package org.doppel.runtime.surrogate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.doppel.runtime.scenario.Range;
import org.doppel.runtime.scenario.ScenarioSection;

/**
 * The surrogate's shape and training settings: the scenario's {@code surrogate} section.
 *
 * @param inputWindow past steps the model sees (336 half-hours = one week)
 * @param horizon steps forecast at once (48 = one day)
 * @param patch steps per token; must divide {@code inputWindow}
 * @param width embedding width of each token
 * @param epochs the most epochs to train
 * @param batchSize windows per parameter update
 * @param learningRate Adam's step size
 * @param l2 L2 regularisation of the weights
 * @param dropout probability of dropping a unit of the head's input while training; 0 for
 *     none
 * @param validationFraction share of the training windows, taken from the end, used for
 *     early stopping; 0 stops on the training loss instead
 * @param patience epochs without a better validation loss before training stops
 */
public record SurrogateSettings(int inputWindow, int horizon, int patch, int width,
    int epochs, int batchSize, double learningRate, double l2, double dropout,
    double validationFraction, int patience) {

  /** The keys of the {@code surrogate} section. */
  public static final Set<String> KEYS = Set.of("input_window", "horizon", "patch", "width",
      "epochs", "batch_size", "learning_rate", "l2", "dropout", "validation_fraction",
      "patience");

  /**
   * @throws IllegalArgumentException naming the setting that is out of range, or a patch
   *     that does not divide the input window
   */
  public SurrogateSettings {
    positive("input_window", inputWindow);
    positive("horizon", horizon);
    positive("patch", patch);
    positive("width", width);
    positive("epochs", epochs);
    positive("batch_size", batchSize);
    positive("patience", patience);
    if (inputWindow % patch != 0) {
      throw new IllegalArgumentException("surrogate.patch: must divide input_window ("
          + inputWindow + "), got " + patch);
    }
    if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
      throw new IllegalArgumentException("surrogate.learning_rate: must be > 0, got "
          + learningRate);
    }
    if (!(l2 >= 0) || !Double.isFinite(l2)) {
      throw new IllegalArgumentException("surrogate.l2: must be >= 0, got " + l2);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("surrogate.dropout: must be in [0, 1), got "
          + dropout);
    }
    if (!(validationFraction >= 0 && validationFraction < 1)) {
      throw new IllegalArgumentException("surrogate.validation_fraction: must be in [0, 1), "
          + "got " + validationFraction);
    }
  }

  /**
   * Reads the {@code surrogate} section. Every key but {@code dropout} is required; unknown
   * keys and values out of range are errors located in the scenario.
   */
  public static SurrogateSettings from(ScenarioSection surrogate) {
    surrogate.requireOnly(KEYS);
    int inputWindow = surrogate.getInt("input_window", 1, 1_000_000);
    int patch = surrogate.getInt("patch", 1, inputWindow);
    if (inputWindow % patch != 0) {
      throw surrogate.error("patch", "must divide input_window (" + inputWindow + "), got "
          + patch);
    }
    return new SurrogateSettings(inputWindow,
        surrogate.getInt("horizon", 1, 1_000_000),
        patch,
        surrogate.getInt("width", 1, 4096),
        surrogate.getInt("epochs", 1, 100_000),
        surrogate.getInt("batch_size", 1, 1_000_000),
        surrogate.getDouble("learning_rate", Range.open(0, 10)),
        surrogate.getDouble("l2", Range.atLeast(0)),
        surrogate.getDouble("dropout", 0.0, Range.closedOpen(0, 1)),
        surrogate.getDouble("validation_fraction", Range.closedOpen(0, 1)),
        surrogate.getInt("patience", 1, 100_000));
  }

  /**
   * Settings for {@code --quick}: the same network, trained for at most 6 epochs with a
   * patience of 2, so the whole training takes well under 40 s on two cores.
   */
  public SurrogateSettings quick() {
    return new SurrogateSettings(inputWindow, horizon, patch, width, Math.min(epochs, 6),
        batchSize, learningRate, l2, dropout, validationFraction, Math.min(patience, 2));
  }

  /** The settings under their scenario keys, for metrics and the report. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("input_window", inputWindow);
    map.put("horizon", horizon);
    map.put("patch", patch);
    map.put("width", width);
    map.put("epochs", epochs);
    map.put("batch_size", batchSize);
    map.put("learning_rate", learningRate);
    map.put("l2", l2);
    map.put("dropout", dropout);
    map.put("validation_fraction", validationFraction);
    map.put("patience", patience);
    return map;
  }

  /**
   * Reads what {@link #toMap()} wrote (a saved model's settings).
   *
   * @throws IllegalArgumentException naming a key that is missing or not a number
   */
  public static SurrogateSettings fromMap(Map<String, ?> map) {
    return new SurrogateSettings(whole(map, "input_window"), whole(map, "horizon"),
        whole(map, "patch"), whole(map, "width"), whole(map, "epochs"),
        whole(map, "batch_size"), number(map, "learning_rate"), number(map, "l2"),
        number(map, "dropout"), number(map, "validation_fraction"), whole(map, "patience"));
  }

  /** Tokens per input window. */
  public int tokens() {
    return inputWindow / patch;
  }

  private static int whole(Map<String, ?> map, String key) {
    return (int) number(map, key);
  }

  private static double number(Map<String, ?> map, String key) {
    if (!(map.get(key) instanceof Number value)) {
      throw new IllegalArgumentException("surrogate settings: '" + key
          + "' must be a number, got " + map.get(key));
    }
    return value.doubleValue();
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("surrogate." + key + ": must be >= 1, got " + value);
    }
  }
}
