package org.doppel.domains.smartgrid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.doppel.sdk.domain.ClosedLoopTrajectory;
import org.junit.jupiter.api.Test;

class GridKpisTest {

  private final SmartGridDomain domain = new SmartGridDomain();

  @Test
  void kpisOfAHandMadeTrajectory() {
    // Two samples. Δf1 = (0.02, 0), Δf2 = (-0.01, 0.03), ΔPtie12 = (0.004, -0.002),
    // u = ((0.1, -0.1), (0.2, 0)).
    double[][] states = {
        {0.02, 0, 0, 0, 0.004, -0.01, 0, 0, 0},
        {0, 0, 0, 0, -0.002, 0.03, 0, 0, 0}};
    double[][] inputs = {{0.1, -0.1}, {0.2, 0}};
    ClosedLoopTrajectory trajectory = new ClosedLoopTrajectory("hand", new double[] {0, 1},
        states, inputs, new double[2][2], TwoAreaLoadFrequencyControl.STATES,
        TwoAreaLoadFrequencyControl.INPUTS, Map.of());

    Map<String, Double> kpis = domain.kpis(trajectory);

    assertEquals(List.of("freq_dev_rms_hz", "freq_dev_peak_hz", "ace_rms", "tie_line_rms_pu",
        "effort"), List.copyOf(kpis.keySet()));
    assertEquals(Math.sqrt((0.0004 + 0.0001 + 0 + 0.0009) / 4), kpis.get("freq_dev_rms_hz"),
        1e-15);
    assertEquals(0.03, kpis.get("freq_dev_peak_hz"), 1e-15);
    // ACE1 = 0.425 Δf1 + ΔPtie12 = (0.0125, -0.002); ACE2 = 0.425 Δf2 - ΔPtie12
    // = (-0.00825, 0.01475).
    double ace = Math.sqrt((0.0125 * 0.0125 + 0.002 * 0.002 + 0.00825 * 0.00825
        + 0.01475 * 0.01475) / 4);
    assertEquals(ace, kpis.get("ace_rms"), 1e-15);
    assertEquals(Math.sqrt((0.004 * 0.004 + 0.002 * 0.002) / 2), kpis.get("tie_line_rms_pu"),
        1e-15);
    assertEquals(Math.sqrt((0.01 + 0.01 + 0.04 + 0) / 4), kpis.get("effort"), 1e-15);
  }

  @Test
  void aTrajectoryOfAnotherPlantIsRefusedNamingItsStates() {
    ClosedLoopTrajectory other = new ClosedLoopTrajectory("x", new double[] {0},
        new double[][] {{1}}, new double[][] {{0}}, new double[][] {{}}, List.of("position"),
        List.of("force"), Map.of());

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> domain.kpis(other));

    assertEquals("no state 'df1 [Hz]'; states: [position]", error.getMessage());
  }
}
