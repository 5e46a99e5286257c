package org.doppel.runtime.scenario;

/**
 * The values a number field accepts, for {@link ScenarioSection#getDouble(String, Range)}.
 * Immutable.
 *
 * @param min the lower bound; {@link Double#NEGATIVE_INFINITY} for none
 * @param minInclusive whether {@code min} itself is accepted
 * @param max the upper bound; {@link Double#POSITIVE_INFINITY} for none
 * @param maxInclusive whether {@code max} itself is accepted
 */
public record Range(double min, boolean minInclusive, double max, boolean maxInclusive) {

  /** Any finite number. */
  public static Range any() {
    return new Range(Double.NEGATIVE_INFINITY, false, Double.POSITIVE_INFINITY, false);
  }

  /** {@code [min, max]}. */
  public static Range closed(double min, double max) {
    return new Range(min, true, max, true);
  }

  /** {@code (min, max)}. */
  public static Range open(double min, double max) {
    return new Range(min, false, max, false);
  }

  /** {@code [min, max)}. */
  public static Range closedOpen(double min, double max) {
    return new Range(min, true, max, false);
  }

  /** {@code >= min}. */
  public static Range atLeast(double min) {
    return new Range(min, true, Double.POSITIVE_INFINITY, false);
  }

  /** {@code > min}; {@code greaterThan(0)} for positive numbers. */
  public static Range greaterThan(double min) {
    return new Range(min, false, Double.POSITIVE_INFINITY, false);
  }

  public boolean contains(double value) {
    boolean aboveMin = minInclusive ? value >= min : value > min;
    boolean belowMax = maxInclusive ? value <= max : value < max;
    return Double.isFinite(value) && aboveMin && belowMax;
  }

  /** The bounds as a message says them: {@code " in [0, 1]"}, {@code " > 0"}, or {@code ""}. */
  String describe() {
    boolean lower = min != Double.NEGATIVE_INFINITY;
    boolean upper = max != Double.POSITIVE_INFINITY;
    if (lower && upper) {
      return " in " + (minInclusive ? "[" : "(") + format(min) + ", " + format(max)
          + (maxInclusive ? "]" : ")");
    }
    if (lower) {
      return (minInclusive ? " >= " : " > ") + format(min);
    }
    if (upper) {
      return (maxInclusive ? " <= " : " < ") + format(max);
    }
    return "";
  }

  static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }
}
