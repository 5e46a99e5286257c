package org.doppel.sdk.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ColumnTest {

  @Test
  void aColumnWithoutARangeAllowsEveryFiniteNumberButNotNan() {
    Column any = new Column("demand_mw", "MW");

    assertFalse(any.bounded());
    assertTrue(any.allows(-1e300) && any.allows(1e300));
    assertFalse(any.allows(Double.NaN));
  }

  @Test
  void atLeastNarrowsTheRangeAndNeverWidensIt() {
    assertEquals(new Column("d", "MW", 0, 10), new Column("d", "MW", -5, 10).atLeast(0));
    assertEquals(new Column("d", "MW", 3, 10), new Column("d", "MW", 3, 10).atLeast(0));
    assertFalse(new Column("d", "MW").atLeast(0).allows(-0.001));
    assertTrue(new Column("d", "MW").atLeast(0).allows(0));
  }

  @Test
  void anEmptyOrNanRangeIsRefusedNamingTheColumn() {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> new Column("d", "MW", 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new Column("d", "MW", Double.NaN, 0));

    assertTrue(empty.getMessage().startsWith("column 'd': the range [1.0, 0.0]"),
        empty.getMessage());
  }
}
