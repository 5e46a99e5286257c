package org.doppel.sdk.data;

import java.util.Objects;

/**
 * A named measured quantity and its unit, such as {@code demand_mw} in {@code MW}.
 *
 * @param name the column's name as it appears in the source
 * @param unit the unit of its values; {@code ""} when the source states none
 */
public record Column(String name, String unit) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
  }
}
