package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyTest {

  private static VirtualPatient patient;

  @BeforeAll
  static void load() throws IOException {
    patient = GlucoseTables.load().patient("adult#004");
  }

  @Test
  void basalBolusGivesBasalAndACarbRatioBolusWithACorrectionAbove150() {
    BasalBolusPolicy policy = new BasalBolusPolicy(patient, 140);

    InsulinPolicy.Dose fasting = policy.decide(observation(0, 200, 0, 0));
    InsulinPolicy.Dose meal = policy.decide(observation(5, 120, 60, 0));
    InsulinPolicy.Dose highMeal = policy.decide(observation(10, 200, 60, 0));

    assertEquals(patient.basalRate(), fasting.basalRate(), 0);
    assertEquals(0, fasting.bolus(), 0);
    assertEquals(60 / patient.carbRatio(), meal.bolus(), 1e-12);
    assertEquals(60 / patient.carbRatio() + 60 / patient.correctionFactor(), highMeal.bolus(),
        1e-12);
  }

  @Test
  void pidAddsInsulinWhenHighAndNeverMoreThanInsulinOnBoardAllows() {
    IobPidPolicy.Tuning tuning = IobPidPolicy.Tuning.from(Parameters.of("pid",
        Map.of("tau_p_min", 5, "iob_max_fraction_tdi", 0.02)));
    IobPidPolicy policy = new IobPidPolicy(patient, tuning);
    double limit = 0.02 * patient.totalDailyInsulin();
    double delivered = 0;
    for (int step = 0; step < 100; step++) {
      InsulinPolicy.Dose dose = policy.decide(observation(step * 5L, 300, 0, delivered));
      assertTrue(dose.basalRate() > patient.basalRate() || step > 0,
          "a high reading raises insulin at once");
      delivered = dose.basalRate() * 5;
      assertTrue(policy.insulinOnBoard() <= limit + 1e-9,
          "IOB " + policy.insulinOnBoard() + " over " + limit + " at step " + step);
      assertTrue(dose.basalRate() <= patient.basalRate() + (limit
          - policy.insulinOnBoard()) / 5 + 1e-12);
    }
    assertTrue(policy.insulinOnBoard() > 0.9 * limit, "the loop uses the room it has");
  }

  @Test
  void pidCutsInsulinWhenLowButNeverBelowZero() {
    IobPidPolicy gentle = new IobPidPolicy(patient, IobPidPolicy.Tuning.from(
        Parameters.empty()));
    IobPidPolicy firm = new IobPidPolicy(patient, IobPidPolicy.Tuning.from(
        Parameters.of("pid", Map.of("tau_p_min", 10))));

    double cut = gentle.decide(observation(0, 50, 0, 0)).basalRate();

    assertTrue(cut > 0 && cut < patient.basalRate(), "below basal, above zero: " + cut);
    assertEquals(0, firm.decide(observation(0, 50, 0, 0)).basalRate(), 0);
  }

  @Test
  void pidTuningErrorsNameTheKey() {
    PluginException error = assertThrows(PluginException.class, () -> IobPidPolicy.Tuning.from(
        Parameters.of("glucose.pid", Map.of("ti_min", 0))));
    assertEquals("glucose.pid: parameter 'ti_min' must be positive (.inf for no integral"
        + " action), got 0.0", error.getMessage());
  }

  @Test
  void insulinOnBoardDecaysToNothingAfterFiveHours() {
    InsulinOnBoard onBoard = new InsulinOnBoard(75);
    onBoard.advance(10, 5);
    assertEquals(10 * (1 + 5.0 / 75) * Math.exp(-5.0 / 75), onBoard.units(), 1e-12);
    for (int i = 0; i < 99; i++) {
      onBoard.advance(0, 5);
    }
    // 500 min = 6.67 tau: (1 + 6.67) e^-6.67 = 1.0 % left.
    assertEquals(10 * (1 + 500.0 / 75) * Math.exp(-500.0 / 75), onBoard.units(), 1e-9);
  }

  private static InsulinPolicy.Observation observation(long minute, double cgm, double carbs,
      double delivered) {
    return new InsulinPolicy.Observation(minute, cgm, carbs, carbs, patient.initialState(),
        delivered, 5);
  }
}
