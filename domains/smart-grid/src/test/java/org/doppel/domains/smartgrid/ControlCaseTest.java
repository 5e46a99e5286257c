package org.doppel.domains.smartgrid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.domain.ControlCase;
import org.doppel.sdk.domain.ForecastTrace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class ControlCaseTest {

  private static final Logger LOG = LoggerFactory.getLogger(ControlCaseTest.class);
  private static final Duration HALF_HOUR = Duration.ofMinutes(30);

  private final SmartGridDomain domain = new SmartGridDomain();

  /** Errors (actual − forecast) of 400, 800 and −400 MW: 0.01, 0.02, −0.01 pu per area. */
  private static ForecastTrace threeHalfHours(String unit) {
    LocalDateTime start = LocalDateTime.parse("2000-08-14T00:00");
    return new ForecastTrace(new LocalDateTime[] {start, start.plus(HALF_HOUR),
        start.plus(HALF_HOUR.multipliedBy(2))}, new double[] {30400, 30800, 29600},
        new double[] {30000, 30000, 30000}, unit, HALF_HOUR);
  }

  /** The disturbance of a small case as rows, one per control step. */
  private static double[][] rows(ControlCase controlCase) {
    org.doppel.sdk.domain.Disturbance signal = controlCase.disturbance();
    double[][] rows = new double[(int) signal.steps()][signal.width()];
    for (int k = 0; k < rows.length; k++) {
      signal.fill(k, rows[k]);
    }
    return rows;
  }

  private static Parameters control(Object... keysAndValues) {
    Map<String, Object> values = new HashMap<>(Map.of("controller", Map.of("id", "lqr",
        "mode", "discrete"), "area_capacity_mw", 20000, "sample_period_s", 0.1));
    for (int i = 0; i < keysAndValues.length; i += 2) {
      values.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Parameters.of("scenario control", values);
  }

  @Nested
  class Disturbance {

    private final double[][] w = rows(domain.controlCase(threeHalfHours("MW"), control()));

    @Test
    void realTimeMeansEighteenThousandStepsAHalfHour() {
      assertEquals(3 * 18_000, w.length);
    }

    @Test
    void theErrorIsSplitEquallyAndScaledToTheAreaCapacity() {
      // 400 MW / 2 areas / 20000 MW at the middle of the first half-hour.
      assertArrayEquals(new double[] {0.01, 0.01}, w[9_000], 1e-15);
      assertArrayEquals(new double[] {0.02, 0.02}, w[27_000], 1e-15);
      assertArrayEquals(new double[] {-0.01, -0.01}, w[45_000], 1e-15);
    }

    @Test
    void theErrorMovesLinearlyBetweenHalfHourMiddles() {
      assertEquals(0.015, w[18_000][0], 1e-15);
      assertEquals(0.005, w[36_000][0], 1e-15);
      assertEquals(0.0175, w[22_500][0], 1e-15);
    }

    @Test
    void itRisesFromZeroAtTheStartAndHoldsTheLastErrorAtTheEnd() {
      assertEquals(0.0, w[0][0]);
      assertEquals(0.005, w[4_500][0], 1e-15);
      assertEquals(-0.01, w[w.length - 1][0], 1e-15);
    }

    @Test
    void anUnequalShareLoadsTheAreasInProportion() {
      double[][] shared = rows(domain.controlCase(threeHalfHours("MW"),
          control("area1_share", 0.75)));

      // 400 MW: 300 MW in area 1, 100 MW in area 2, each over 20000 MW.
      assertArrayEquals(new double[] {0.015, 0.005}, shared[9_000], 1e-15);
    }

    @Test
    void timeCompressionPlaysEachHalfHourFaster() {
      double[][] compressed = rows(domain.controlCase(threeHalfHours("MW"),
          control("time_compression", 30)));

      assertEquals(3 * 600, compressed.length);
      assertEquals(0.01, compressed[300][0], 1e-15);
    }

    @Test
    void theFullTestPeriodIsTwelveMillionStepsInRealTime() {
      LocalDateTime start = LocalDateTime.parse("2000-08-14T00:00");
      LocalDateTime[] stamps = new LocalDateTime[672];
      double[] actual = new double[672];
      double[] forecast = new double[672];
      for (int j = 0; j < 672; j++) {
        stamps[j] = start.plus(HALF_HOUR.multipliedBy(j));
        actual[j] = 30000 + 500 * Math.sin(j / 7.0);
        forecast[j] = 30000;
      }

      long started = System.nanoTime();
      ControlCase full = domain.controlCase(new ForecastTrace(stamps, actual, forecast, "MW",
          HALF_HOUR), control());
      long builtMillis = (System.nanoTime() - started) / 1_000_000;

      LOG.info("Control case over 672 half-hours built in [{}] ms", builtMillis);
      assertEquals(12_096_000, full.disturbance().steps());
    }
  }

  @Nested
  class Problem {

    private final ControlCase controlCase = domain.controlCase(threeHalfHours("MW"),
        control());
    private final ControlProblem problem = controlCase.problem();

    @Test
    void thePlantIsTheReferenceLinearisation() throws IOException {
      assertEquals("lfc-two-area", controlCase.plantId());
      assertTrue(Reference.maxAbsDifference(Reference.matrix("A.csv"), problem.plant().a())
          <= 1e-12);
      assertTrue(problem.plant().continuous());
    }

    @Test
    void weightsAreTheReferenceIdentitiesWithTheAceIntegralsWeighted() throws IOException {
      double[][] expected = Reference.matrix("Q.csv");
      expected[3][3] = SmartGridDomain.ACE_INTEGRAL_WEIGHT;
      expected[8][8] = SmartGridDomain.ACE_INTEGRAL_WEIGHT;
      assertTrue(Reference.maxAbsDifference(expected, problem.stateWeight()) == 0);
      assertTrue(Reference.maxAbsDifference(Reference.matrix("R.csv"), problem.inputWeight())
          == 0);
    }

    @Test
    void theOutputsAreTheAreaControlErrorsWithAZeroReference() {
      double[][] c = new double[2][9];
      c[0][0] = 0.425;
      c[0][4] = 1;
      c[1][5] = 0.425;
      c[1][4] = -1;

      assertTrue(Reference.maxAbsDifference(c, problem.outputMatrix()) == 0);
      assertArrayEquals(new double[2], problem.reference());
    }

    @Test
    void inputsAreBoundedAndSampledAtTheControlPeriod() {
      assertArrayEquals(new double[] {-0.1, -0.1}, problem.bounds().inputMin());
      assertArrayEquals(new double[] {0.1, 0.1}, problem.bounds().inputMax());
      assertNull(problem.bounds().stateMax());
      assertEquals(0.1, problem.samplePeriod());
    }

    @Test
    void theBaselineIsThePidAsAnIntegralAgc() {
      Parameters baseline = controlCase.baselineParameters();

      assertEquals("pid", controlCase.baselineController());
      assertEquals(0.069, baseline.getDouble("kp", 0), 1e-15);
      assertEquals(0.1, baseline.getDouble("ti", 0), 1e-15);
      assertEquals(0.0, baseline.getDouble("td", -1));
    }

    @Test
    void plantParametersReachTheCaseAndTheProblem() {
      ControlCase faster = domain.controlCase(threeHalfHours("MW"),
          control("plant", Map.of("tp", 10)));

      assertEquals(10, faster.plantParameters().getDouble("tp", 0));
      assertEquals(-0.1, faster.problem().plant().a()[0][0], 1e-15);
    }
  }

  @Nested
  class Refusals {

    @Test
    void anUnknownControlKeyIsRefused() {
      PluginException error = assertThrows(PluginException.class,
          () -> domain.controlCase(threeHalfHours("MW"), control("area_capacity", 1)));

      assertTrue(error.getMessage().contains("unknown parameter(s) [area_capacity]"),
          error.getMessage());
    }

    @Test
    void aCapacityThatIsNotPositiveIsRefused() {
      PluginException error = assertThrows(PluginException.class,
          () -> domain.controlCase(threeHalfHours("MW"), control("area_capacity_mw", 0)));

      assertEquals("scenario control: 'area_capacity_mw' must be a positive number, got 0.0",
          error.getMessage());
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
      PluginException error = assertThrows(PluginException.class,
          () -> domain.controlCase(threeHalfHours("MW"), control("area1_share", 1.5)));

      assertEquals("scenario control: 'area1_share' must be between 0 and 1, got 1.5",
          error.getMessage());
    }

    @Test
    void aSamplePeriodThatDoesNotDivideTheHalfHourIsRefused() {
      PluginException error = assertThrows(PluginException.class,
          () -> domain.controlCase(threeHalfHours("MW"), control("sample_period_s", 0.7)));

      assertTrue(error.getMessage().contains("must divide the forecast interval"),
          error.getMessage());
    }

    @Test
    void aTraceNotInMegawattsIsRefused() {
      PluginException error = assertThrows(PluginException.class,
          () -> domain.controlCase(threeHalfHours("GW"), control()));

      assertTrue(error.getMessage().contains("must be in MW"), error.getMessage());
    }
  }
}
