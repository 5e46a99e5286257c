package org.doppel.sdk.data;

import java.util.Objects;

/**
 * A named measured quantity, its unit and the range its values may take, such as
 * {@code demand_mw} in {@code MW}, never below 0.
 *
 * <p>The range is a check, never a repair: an ingest service reports a value outside it as
 * a {@link DataIssue} at its file, line and column, and never clips it.
 *
 * @param name the column's name as it appears in the source
 * @param unit the unit of its values; {@code ""} when the source states none
 * @param minimum the least valid value; {@code -Infinity} when there is none
 * @param maximum the greatest valid value; {@code +Infinity} when there is none
 */
public record Column(String name, String unit, double minimum, double maximum) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    if (!(minimum <= maximum)) {
      throw new IllegalArgumentException("column '" + name + "': the range [" + minimum
          + ", " + maximum + "] is empty or not a number");
    }
  }

  /** A column whose values may be any finite number. */
  public Column(String name, String unit) {
    this(name, unit, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /** This column with values below {@code least} refused, within its own range. */
  public Column atLeast(double least) {
    return new Column(name, unit, Math.max(minimum, least), maximum);
  }

  /** Whether {@code value} lies within the range; NaN never does. */
  public boolean allows(double value) {
    return value >= minimum && value <= maximum;
  }

  /** Whether the range limits the values at all. */
  public boolean bounded() {
    return minimum > Double.NEGATIVE_INFINITY || maximum < Double.POSITIVE_INFINITY;
  }
}
