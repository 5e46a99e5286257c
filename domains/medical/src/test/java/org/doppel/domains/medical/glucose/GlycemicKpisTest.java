package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GlycemicKpisTest {

  @Test
  void countsEachBandOverAllMinutes() {
    GlycemicKpis kpis = GlycemicKpis.of(new double[] {50, 60, 100, 150, 200});

    assertEquals(40, kpis.timeInRangePct(), 1e-12);
    assertEquals(40, kpis.timeBelow70Pct(), 1e-12);
    assertEquals(20, kpis.timeBelow54Pct(), 1e-12);
    assertEquals(20, kpis.timeAbove180Pct(), 1e-12);
    assertEquals(112, kpis.meanGlucose(), 1e-12);
  }

  @Test
  void riskIsZeroNearTheSymmetryPointAndGrowsBothWays() {
    // f(BG) = 0 at about 112.5 mg/dL, the centre of Kovatchev's symmetrised scale.
    double[] centre = GlycemicKpis.risk(112.5);
    assertEquals(0, centre[0] + centre[1], 0.01);

    // By hand: f(50) = 1.509 (ln(50)^1.084 - 5.381) = -1.6088..., risk = 10 f^2 = 25.88...
    double f = 1.509 * (Math.pow(Math.log(50), 1.084) - 5.381);
    assertEquals(10 * f * f, GlycemicKpis.risk(50)[0], 1e-12);
    assertEquals(0, GlycemicKpis.risk(50)[1], 0);
    assertEquals(0, GlycemicKpis.risk(300)[0], 0);
    assertEquals(100, GlycemicKpis.risk(15)[0], 0);

    GlycemicKpis kpis = GlycemicKpis.of(new double[] {50, 300});
    assertEquals(GlycemicKpis.risk(50)[0] / 2, kpis.lbgi(), 1e-12);
    assertEquals(GlycemicKpis.risk(300)[1] / 2, kpis.hbgi(), 1e-12);
  }
}
