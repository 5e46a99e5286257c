package org.doppel.sdk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters a scenario gives one plugin, such as {@code {heads: 4, width: 32}}, with
 * typed accessors whose errors name the owner and the key.
 *
 * <p>Immutable and thread-safe. Values are what YAML produces: numbers, strings, booleans,
 * lists and maps.
 */
public final class Parameters {

  private static final Parameters EMPTY = new Parameters("", Map.of());

  private final String owner;
  private final Map<String, Object> values;

  private Parameters(String owner, Map<String, Object> values) {
    this.owner = owner;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /**
   * Parameters for {@code owner} (for example {@code "attention/top-k"}), used in errors.
   */
  public static Parameters of(String owner, Map<String, ?> values) {
    return new Parameters(owner, values == null ? Map.of() : new LinkedHashMap<>(values));
  }

  /** No parameters. */
  public static Parameters empty() {
    return EMPTY;
  }

  /** Who these parameters belong to, as it appears in error messages. */
  public String owner() {
    return owner;
  }

  /** The raw values, in the order given. */
  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  public double getDouble(String key, double fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a number");
    }
  }

  public int getInt(String key, int fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).intValue();
    }
    if (value instanceof Long number) {
      // a count too large for an int must not wrap around into a plausible one
      if (number < Integer.MIN_VALUE || number > Integer.MAX_VALUE) {
        throw invalid(key, value, "a whole number of at most " + Integer.MAX_VALUE
            + " in size");
      }
      return number.intValue();
    }
    try {
      return Integer.parseInt(value.toString().trim());
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a whole number");
    }
  }

  public boolean getBoolean(String key, boolean fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalid(key, value, "true or false");
  }

  public String getString(String key, String fallback) {
    Object value = values.get(key);
    return value == null ? fallback : value.toString();
  }

  /** A list of numbers, such as {@code [1, 0, 0]}. */
  public double[] getDoubles(String key, double[] fallback) {
    Object value = values.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof List<?> list)) {
      throw invalid(key, value, "a list of numbers");
    }
    double[] result = new double[list.size()];
    for (int i = 0; i < result.length; i++) {
      if (!(list.get(i) instanceof Number number)) {
        throw invalid(key, value, "a list of numbers");
      }
      result[i] = number.doubleValue();
    }
    return result;
  }

  /**
   * Fails when a key is given that {@code known} does not list, so a misspelt parameter is
   * an error rather than silently ignored.
   */
  public Parameters requireOnly(Set<String> known) {
    Set<String> unknown = new TreeSet<>(values.keySet());
    unknown.removeAll(known);
    if (!unknown.isEmpty()) {
      throw new PluginException(owner + ": unknown parameter(s) " + unknown
          + "; known parameters: " + new TreeSet<>(known));
    }
    return this;
  }

  /** A copy with {@code key} set to {@code value}. */
  public Parameters with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return new Parameters(owner, copy);
  }

  private PluginException invalid(String key, Object value, String expected) {
    return new PluginException(owner + ": parameter '" + key + "' must be " + expected
        + ", got '" + value + "'");
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
