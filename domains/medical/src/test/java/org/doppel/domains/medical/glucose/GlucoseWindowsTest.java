package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.Test;

class GlucoseWindowsTest {

  @Test
  void tokensAreThePastSamplesAndTargetsTheReadingsAtEachHorizon() {
    // CGM reads 100 + minute / 5 at each 5-min sample; insulin 0.01 U/min; 5 g at minute 50.
    GlucoseTrace trace = new GlucoseTrace(300);
    for (int m = 0; m < 300; m++) {
      trace.add(0, 100 + (m - m % 5) / 5.0, 0.01, 0, m == 50 ? 5 : 0);
    }
    GlucoseWindows windows = new GlucoseWindows(4, new int[] {10, 30}, 5);

    windows.add("p", trace, 0, 300);

    WindowSet set = windows.windowSet();
    // Origins 3 .. 53 (sample 53 + 6 = 59 is the last sample).
    assertEquals(51, set.size());
    assertEquals(List.of("t-15 min", "t-10 min", "t-5 min", "t-0 min"), set.tokenNames());
    assertArrayEquals(new double[] {100, 0.05, 0}, set.inputs()[0][0], 1e-12);
    assertArrayEquals(new double[] {103, 0.05, 0}, set.inputs()[0][3], 1e-12);
    assertArrayEquals(new double[] {105, 109}, set.targets()[0], 1e-12);
    assertArrayEquals(new double[] {103, 103}, set.baseline()[0], 1e-12);
    assertEquals(5, set.inputs()[7][3][2], 0, "the meal is in the token of sample 10");
    // A trend of 1 mg/dL per 5 min, extrapolated: 103 + 0.2 * horizon.
    assertArrayEquals(new double[] {105, 109}, windows.linearExtrapolation()[0], 1e-12);
    assertEquals("p d1 00:15", windows.labels().get(0));
  }

  @Test
  void heldOutWindowsNeverReachBeforeTheirStart() {
    GlucoseTrace trace = new GlucoseTrace(3000);
    for (int m = 0; m < 2880; m++) {
      trace.add(0, m, 0, 0, 0);
    }
    GlucoseWindows test = new GlucoseWindows(12, new int[] {30, 60}, 5);

    test.add("p", trace, 1440, 2880);

    // The first token is the first sample of day 2.
    assertEquals(1440, test.windowSet().inputs()[0][0][0], 0);
    assertEquals(288 - 11 - 12, test.size());
  }
}
