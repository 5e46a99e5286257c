package org.doppel.domains.medical.pk;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;

/** Nested maps of a scenario section as {@link Parameters} of their own. */
final class Sections {

  private Sections() {
  }

  /**
   * The map under {@code key}, owned by {@code parent.owner() + "." + key}; empty when
   * absent.
   *
   * @throws PluginException when the value is not a map
   */
  static Parameters sub(Parameters parent, String key) {
    Object value = parent.asMap().get(key);
    String owner = parent.owner() + "." + key;
    if (value == null) {
      return Parameters.of(owner, Map.of());
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw new PluginException(parent.owner() + ": '" + key + "' must be a section of keys,"
          + " got '" + value + "'");
    }
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    map.forEach((k, v) -> values.put(String.valueOf(k), v));
    return Parameters.of(owner, values);
  }

  /** A positive, finite number under {@code key}. */
  static double positive(Parameters section, String key, double fallback) {
    double value = section.getDouble(key, fallback);
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new PluginException(section.owner() + ": parameter '" + key + "' must be positive"
          + " and finite, got " + value);
    }
    return value;
  }

  /** A whole number of at least {@code min} under {@code key}. */
  static int atLeast(Parameters section, String key, int fallback, int min) {
    int value = section.getInt(key, fallback);
    if (value < min) {
      throw new PluginException(section.owner() + ": parameter '" + key + "' must be at least "
          + min + ", got " + value);
    }
    return value;
  }
}
