package org.doppel.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CpuModelTest {

  @Test
  void theFirstModelNameIsTaken() {
    String cpuInfo = """
        processor\t: 0
        vendor_id\t: GenuineIntel
        model name\t: Intel(R) Xeon(R)   CPU @ 2.20GHz
        processor\t: 1
        model name\t: something else
        """;

    assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", CpuModel.parse(cpuInfo));
  }

  @Test
  void aTextWithoutAModelNameGivesNone() {
    assertNull(CpuModel.parse("processor\t: 0\nHardware\t: BCM2835\n"));
  }

  @Test
  void theHostAlwaysHasAName() {
    assertFalse(CpuModel.name().isBlank());
  }
}
