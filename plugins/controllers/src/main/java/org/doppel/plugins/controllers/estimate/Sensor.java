package org.doppel.plugins.controllers.estimate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.doppel.sdk.PluginException;

/**
 * One modelled sensor of the full state: reading y[k] = x[k - delay] + bias + noise, the
 * noise white and Gaussian. {@code noise} (standard deviation) and {@code bias} are absolute,
 * in each state's own units, one value per state. Immutable and thread-safe.
 *
 * @param noise standard deviation per state, each ≥ 0
 * @param bias constant offset per state
 * @param delay whole steps between the state and its reading, ≥ 0
 */
public record Sensor(double[] noise, double[] bias, int delay) {

  /** The keys one sensor entry may hold. */
  public static final Set<String> KEYS = Set.of("noise", "bias", "delay");

  /** Longest delay accepted, so the delay line stays small. */
  public static final int MAX_DELAY = 1000;

  public Sensor {
    noise = noise.clone();
    bias = bias.clone();
  }

  @Override
  public double[] noise() {
    return noise.clone();
  }

  @Override
  public double[] bias() {
    return bias.clone();
  }

  /**
   * The sensor an entry such as {@code {noise: 0.01, delay: 3}} describes for a state of
   * {@code states} values; {@code noise} and {@code bias} are a number (every state) or a
   * list of one number per state, both default 0, {@code delay} defaults to 0.
   *
   * @param name the entry as errors name it, for example {@code "attention-estimate:
   *     parameter 'sensors[1]'"}
   */
  public static Sensor parse(Object entry, int states, String name) {
    if (!(entry instanceof Map<?, ?> map)) {
      throw new PluginException(name + " must be a map such as {noise: 0.01, delay: 2},"
          + " got '" + entry + "'");
    }
    Set<String> unknown = new TreeSet<>();
    map.keySet().forEach(key -> unknown.add(String.valueOf(key)));
    unknown.removeAll(KEYS);
    if (!unknown.isEmpty()) {
      throw new PluginException(name + " has unknown key(s) " + unknown + "; known keys: "
          + new TreeSet<>(KEYS));
    }

    double[] noise = perState(map.get("noise"), states, name + ".noise");
    for (double sigma : noise) {
      if (sigma < 0) {
        throw new PluginException(name + ".noise must be ≥ 0 (a standard deviation), got "
            + sigma);
      }
    }
    double[] bias = perState(map.get("bias"), states, name + ".bias");
    return new Sensor(noise, bias, delay(map.get("delay"), name + ".delay"));
  }

  private static double[] perState(Object value, int states, String name) {
    double[] values = new double[states];
    if (value == null) {
      return values;
    }
    if (value instanceof Number number) {
      Arrays.fill(values, finite(number, name));
      return values;
    }
    if (value instanceof List<?> list && list.size() == states) {
      for (int j = 0; j < states; j++) {
        if (!(list.get(j) instanceof Number number)) {
          throw new PluginException(name + "[" + j + "] must be a number, got '" + list.get(j)
              + "'");
        }
        values[j] = finite(number, name + "[" + j + "]");
      }
      return values;
    }
    throw new PluginException(name + " must be a number or a list of " + states
        + " numbers (one per state), got '" + value + "'");
  }

  private static double finite(Number number, String name) {
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      throw new PluginException(name + " must be finite, got " + value);
    }
    return value;
  }

  private static int delay(Object value, String name) {
    if (value == null) {
      return 0;
    }
    boolean whole = value instanceof Integer || value instanceof Long
        || value instanceof Short;
    if (!whole || ((Number) value).longValue() < 0
        || ((Number) value).longValue() > MAX_DELAY) {
      throw new PluginException(name + " must be a whole number of steps from 0 to "
          + MAX_DELAY + ", got '" + value + "'");
    }
    return ((Number) value).intValue();
  }
}
