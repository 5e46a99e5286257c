package org.doppel.runtime.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fitted state of a {@link FeatureScaler}: per column, {@code scaled = (x - offset) /
 * scale}. Saved with a model so that its inputs are scaled at inference exactly as in
 * training.
 *
 * <p>Immutable and thread-safe; {@link #toMap()} and {@link #fromMap(Map)} give a form that
 * JSON or YAML writers take as is.
 *
 * @param method {@link #STANDARD} or {@link #MIN_MAX}
 * @param columns the column names, in the order of the rows' values
 * @param offsets per column: the mean (standard) or the minimum (min-max); for a constant
 *     column, its value
 * @param scales per column: the standard deviation or the range; 1 for a constant column
 * @param constantColumns the columns that were constant when fitted
 */
public record ScalerState(String method, List<String> columns, List<Double> offsets,
    List<Double> scales, List<String> constantColumns) {

  /** The method name of z-score standardisation. */
  public static final String STANDARD = "standard";

  /** The method name of min-max scaling to [0, 1]. */
  public static final String MIN_MAX = "min-max";

  /**
   * @throws IllegalArgumentException when the lists differ in length, a scale is not
   *     positive and finite, or an offset is not finite
   */
  public ScalerState {
    Objects.requireNonNull(method, "method");
    columns = List.copyOf(columns);
    offsets = List.copyOf(offsets);
    scales = List.copyOf(scales);
    constantColumns = List.copyOf(constantColumns);
    if (offsets.size() != columns.size() || scales.size() != columns.size()) {
      throw new IllegalArgumentException("scaler state has " + columns.size() + " columns, "
          + offsets.size() + " offsets and " + scales.size() + " scales");
    }
    for (int i = 0; i < columns.size(); i++) {
      if (!Double.isFinite(offsets.get(i)) || !(scales.get(i) > 0)
          || !Double.isFinite(scales.get(i))) {
        throw new IllegalArgumentException("scaler state for column '" + columns.get(i)
            + "' has offset " + offsets.get(i) + " and scale " + scales.get(i)
            + "; the offset must be finite and the scale positive and finite");
      }
    }
  }

  /** This state as plain maps, lists, strings and numbers. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("method", method);
    map.put("columns", columns);
    map.put("offsets", offsets);
    map.put("scales", scales);
    map.put("constant_columns", constantColumns);
    return map;
  }

  /**
   * Reads what {@link #toMap()} wrote.
   *
   * @throws IllegalArgumentException naming the key that is missing or of the wrong type
   */
  public static ScalerState fromMap(Map<String, ?> map) {
    return new ScalerState(text(map, "method"), texts(map, "columns"), numbers(map, "offsets"),
        numbers(map, "scales"), texts(map, "constant_columns"));
  }

  private static String text(Map<String, ?> map, String key) {
    if (!(map.get(key) instanceof String value)) {
      throw invalid(key, "text", map.get(key));
    }
    return value;
  }

  private static List<String> texts(Map<String, ?> map, String key) {
    List<String> result = new ArrayList<>();
    for (Object item : list(map, key)) {
      if (!(item instanceof String value)) {
        throw invalid(key, "a list of text", map.get(key));
      }
      result.add(value);
    }
    return result;
  }

  private static List<Double> numbers(Map<String, ?> map, String key) {
    List<Double> result = new ArrayList<>();
    for (Object item : list(map, key)) {
      if (!(item instanceof Number value)) {
        throw invalid(key, "a list of numbers", map.get(key));
      }
      result.add(value.doubleValue());
    }
    return result;
  }

  private static List<?> list(Map<String, ?> map, String key) {
    if (!(map.get(key) instanceof List<?> list)) {
      throw invalid(key, "a list", map.get(key));
    }
    return list;
  }

  private static IllegalArgumentException invalid(String key, String expected, Object got) {
    return new IllegalArgumentException("scaler state: '" + key + "' must be " + expected
        + ", got " + got);
  }
}
