package org.doppel.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MinMaxNormalizerTest {

  private final double[][] rows = C08Features.rows();

  @Nested
  class C08ConstantColumns {

    @Test
    void constantColumnsNormaliseToZeroWithoutNanOrInf() {
      double[][] scaled = MinMaxNormalizer.fit(C08Features.COLUMNS, rows).transform(rows);

      for (double[] row : scaled) {
        assertTrue(Arrays.stream(row).allMatch(Double::isFinite), Arrays.toString(row));
        assertEquals(0.0, row[1], 0.0);
        assertEquals(0.0, row[2], 0.0);
      }
    }

    @Test
    void constantColumnsUseRangeOneAndAreNamedInAWarning() {
      try (LogCapture log = new LogCapture(MinMaxNormalizer.class)) {
        ScalerState state = MinMaxNormalizer.fit(C08Features.COLUMNS, rows).state();

        assertEquals(List.of(1.0, 1.0), state.scales().subList(1, 3));
        List<String> warnings = log.messages(Level.WARN);
        assertEquals(2, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("[is_holiday]") && warnings.get(0).contains("range"),
            warnings::toString);
        assertTrue(warnings.get(1).contains("[setpoint]"), warnings::toString);
      }
    }

    @Test
    void strictModeRejectsConstantColumnsNamingThem() {
      IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
          () -> MinMaxNormalizer.fit(C08Features.COLUMNS, rows, ConstantColumnPolicy.REJECT));

      assertTrue(error.getMessage().contains("[is_holiday, setpoint]"), error::getMessage);
    }

    @Test
    void inverseTransformGivesZeroAndFiveHundredBackExactly() {
      MinMaxNormalizer normalizer = MinMaxNormalizer.fit(C08Features.COLUMNS, rows);

      double[][] restored = normalizer.inverseTransform(normalizer.transform(rows));

      for (int row = 0; row < rows.length; row++) {
        assertEquals(0.0, restored[row][1], 0.0);
        assertEquals(500.0, restored[row][2], 0.0);
        assertEquals(rows[row][0], restored[row][0], 1e-9);
      }
    }
  }

  @Test
  void varyingColumnSpansZeroToOne() {
    double[] load = C08Features.column(
        MinMaxNormalizer.fit(C08Features.COLUMNS, rows).transform(rows), 0);

    assertEquals(0.0, Arrays.stream(load).min().orElseThrow(), 0.0);
    assertEquals(1.0, Arrays.stream(load).max().orElseThrow(), 1e-15);
  }

  @Test
  void knownValuesNormaliseAsByHand() {
    MinMaxNormalizer normalizer = MinMaxNormalizer.fit(List.of("x"),
        new double[][] {{10}, {30}, {20}});

    assertArrayEquals(new double[] {0.0, 0.25, 1.0, 1.5},
        normalizer.transformColumn("x", new double[] {10, 15, 30, 40}), 0.0);
    assertArrayEquals(new double[] {20.0},
        normalizer.inverseTransformColumn("x", new double[] {0.5}), 0.0);
  }

  @Test
  void savedStateRestoresTheSameScaler() {
    MinMaxNormalizer fitted = MinMaxNormalizer.fit(C08Features.COLUMNS, rows);

    FeatureScaler restored = FeatureScaler.fromState(ScalerState.fromMap(fitted.state().toMap()));

    assertTrue(restored instanceof MinMaxNormalizer);
    assertArrayEquals(fitted.transform(rows)[11], restored.transform(rows)[11], 0.0);
  }

  @Test
  void stateOfAnotherMethodIsRefused() {
    ScalerState standard = Standardizer.fit(C08Features.COLUMNS, rows).state();

    assertThrows(IllegalArgumentException.class, () -> MinMaxNormalizer.fromState(standard));
  }
}
