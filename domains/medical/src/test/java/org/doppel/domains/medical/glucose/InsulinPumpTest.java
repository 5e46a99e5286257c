package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InsulinPumpTest {

  private final InsulinPump pump = new InsulinPump("Insulet", 0, 30, 0.05, 0, 30, 0.05, 1);

  @Test
  void roundsToTheIncrementInPmolAndClipsInUnitsPerMinute() {
    // 0.0123456 U/min = 74.0736 pmol/min, rounded to 74.05 pmol/min.
    assertEquals(74.05 / 6000, pump.basal(0.0123456), 1e-15);
    assertEquals(30, pump.bolus(45), 0);
    assertEquals(0, pump.basal(-1), 0);
    assertEquals(0, pump.bolus(Double.NaN), 0);
    // A non-finite request is a policy's numerical failure: the pump gives its minimum.
    assertEquals(0, pump.basal(Double.POSITIVE_INFINITY), 0);
  }
}
