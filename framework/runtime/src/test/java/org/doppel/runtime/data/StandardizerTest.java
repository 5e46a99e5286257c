package org.doppel.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class StandardizerTest {

  private final double[][] rows = C08Features.rows();

  @Nested
  class C08ConstantColumns {

    @Test
    void constantColumnsStandardiseToZeroWithoutNanOrInf() {
      double[][] scaled = Standardizer.fit(C08Features.COLUMNS, rows).transform(rows);

      for (double[] row : scaled) {
        for (double value : row) {
          assertTrue(Double.isFinite(value), () -> "non-finite value in " + List.of(row));
        }
        assertEquals(0.0, row[1], 0.0);
        assertEquals(0.0, row[2], 0.0);
      }
    }

    @Test
    void constantColumnsUseStdOneAroundTheirValue() {
      ScalerState state = Standardizer.fit(C08Features.COLUMNS, rows).state();

      assertEquals(List.of(1.0, 1.0), state.scales().subList(1, 3));
      assertEquals(List.of(0.0, 500.0), state.offsets().subList(1, 3));
      assertEquals(List.of("is_holiday", "setpoint"), state.constantColumns());
    }

    @Test
    void eachConstantColumnIsNamedInAWarning() {
      try (LogCapture log = new LogCapture(Standardizer.class)) {
        Standardizer.fit(C08Features.COLUMNS, rows);

        List<String> warnings = log.messages(Level.WARN);
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("[is_holiday]"), warnings::toString);
        assertTrue(warnings.get(1).contains("[setpoint]"), warnings::toString);
      }
    }

    @Test
    void strictModeRejectsConstantColumnsNamingThem() {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> Standardizer.fit(C08Features.COLUMNS, rows, ConstantColumnPolicy.REJECT));

      assertTrue(error.getMessage().contains("[is_holiday, setpoint]"), error::getMessage);
    }

    @Test
    void inverseTransformGivesZeroAndFiveHundredBackExactly() {
      Standardizer standardizer = Standardizer.fit(C08Features.COLUMNS, rows);

      double[][] restored = standardizer.inverseTransform(standardizer.transform(rows));

      for (int row = 0; row < rows.length; row++) {
        assertEquals(0.0, restored[row][1], 0.0);
        assertEquals(500.0, restored[row][2], 0.0);
        assertEquals(rows[row][0], restored[row][0], 1e-9);
      }
    }
  }

  @Test
  void varyingColumnGetsMeanZeroAndPopulationStdOne() {
    double[] load = C08Features.column(
        Standardizer.fit(C08Features.COLUMNS, rows).transform(rows), 0);

    double mean = 0;
    double squares = 0;
    for (double value : load) {
      mean += value / load.length;
    }
    for (double value : load) {
      squares += (value - mean) * (value - mean) / load.length;
    }
    assertEquals(0.0, mean, 1e-12);
    assertEquals(1.0, squares, 1e-12);
  }

  @Test
  void knownValuesStandardiseAsByHand() {
    Standardizer standardizer = Standardizer.fit(List.of("x"),
        new double[][] {{2}, {4}, {4}, {4}, {5}, {5}, {7}, {9}});

    assertEquals(List.of(5.0), standardizer.state().offsets());
    assertEquals(List.of(2.0), standardizer.state().scales());
    assertArrayEquals(new double[] {-1.5, 2.0},
        standardizer.transformColumn("x", new double[] {2, 9}), 0.0);
    assertArrayEquals(new double[] {7.0},
        standardizer.inverseTransformColumn("x", new double[] {1}), 0.0);
  }

  @Test
  void savedStateRoundTripsThroughJson() throws Exception {
    Standardizer fitted = Standardizer.fit(C08Features.COLUMNS, rows);
    ObjectMapper json = new ObjectMapper();

    String text = json.writeValueAsString(fitted.state().toMap());
    @SuppressWarnings("unchecked")
    Map<String, Object> read = json.readValue(text, Map.class);
    FeatureScaler restored = FeatureScaler.fromState(ScalerState.fromMap(read));

    assertEquals(fitted.state(), restored.state());
    assertArrayEquals(fitted.transform(rows)[7], restored.transform(rows)[7], 0.0);
  }

  @Test
  void nonFiniteValueIsRejectedNamingRowAndColumn() {
    double[][] broken = C08Features.rows();
    broken[3][0] = Double.NaN;

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Standardizer.fit(C08Features.COLUMNS, broken));

    assertTrue(error.getMessage().contains("row 3, column 'load_mw'"), error::getMessage);
  }

  @Test
  void rowOfTheWrongWidthIsRejected() {
    Standardizer standardizer = Standardizer.fit(C08Features.COLUMNS, rows);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> standardizer.transform(new double[][] {{1, 2}}));

    assertTrue(error.getMessage().contains("row 0 has 2 values"), error::getMessage);
  }
}
