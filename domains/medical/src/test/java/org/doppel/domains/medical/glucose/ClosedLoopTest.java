package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClosedLoopTest {

  private static GlucoseTables tables;
  private static ClosedLoop loop;

  @BeforeAll
  static void load() throws IOException {
    tables = GlucoseTables.load();
    loop = new ClosedLoop(tables.sensors().get("GuardianRT"), tables.pumps().get("Insulet"),
        IntegratorSettings.DEFAULT, 5);
  }

  @Test
  void aMealWithItsBolusRaisesGlucoseAndItComesBack() {
    VirtualPatient patient = tables.patient("adult#001");
    List<MealPlan.Meal> meals = List.of(new MealPlan.Meal(60, 60));

    GlucoseTrace trace = loop.run(patient, new BasalBolusPolicy(patient, 140), meals, 600, 1);

    double[] glucose = trace.bloodGlucose();
    double peak = 0;
    for (double g : glucose) {
      peak = Math.max(peak, g);
    }
    assertTrue(peak > patient.basalGlucose() + 20, "peak " + peak);
    double lowest = Double.POSITIVE_INFINITY;
    for (double g : glucose) {
      lowest = Math.min(lowest, g);
    }
    assertTrue(glucose[599] < peak - 50, "back down from " + peak + " to " + glucose[599]);
    assertTrue(lowest > 70, "no hypoglycaemia, lowest " + lowest);
    double eaten = 0;
    for (double c : trace.carbs()) {
      eaten += c;
    }
    assertEquals(60, eaten, 1e-9);
    // The 60 g bolus (60 / CR) is delivered over the five minutes after the announcement.
    double insulin = 0;
    for (int m = 60; m < 65; m++) {
      insulin += trace.insulin()[m] - patient.basalRate();
    }
    assertEquals(60 / patient.carbRatio(), insulin, 0.01);
  }

  @Test
  void cgmIsNoisyAroundSubcutaneousGlucoseAndHeldBetweenSamples() {
    VirtualPatient patient = tables.patient("adult#002");

    GlucoseTrace trace = loop.run(patient, new BasalBolusPolicy(patient, 140), List.of(), 600,
        7);

    double[] cgm = trace.cgm();
    double sumError = 0;
    double sumSquares = 0;
    for (int m = 0; m < cgm.length; m++) {
      if (m % 5 != 0) {
        assertEquals(cgm[m - m % 5], cgm[m], 0, "held at minute " + m);
      } else {
        double error = cgm[m] - patient.basalGlucose();
        sumError += error;
        sumSquares += error * error;
      }
    }
    double rms = Math.sqrt(sumSquares / 120);
    assertTrue(rms > 1 && rms < 40, "CGM error RMS " + rms + " mg/dL");
    GlucoseTrace again = loop.run(patient, new BasalBolusPolicy(patient, 140), List.of(), 600,
        7);
    assertEquals(sumError, sum(again.cgm(), 5) - 120 * patient.basalGlucose(), 1e-9,
        "same seed, same readings");
  }

  @Test
  void anIntegratorThatCannotMeetItsToleranceFailsNamingPlantPatientAndTimeAndKeepsTheTrace() {
    VirtualPatient patient = tables.patient("child#001");
    ClosedLoop strict = new ClosedLoop(tables.sensors().get("GuardianRT"),
        tables.pumps().get("Insulet"), new IntegratorSettings(0.5, 1, 1e-6, 1e-6), 5);

    SimulationException error = assertThrows(SimulationException.class, () -> strict.run(
        patient, new BasalBolusPolicy(patient, 140), List.of(new MealPlan.Meal(30, 50)), 300,
        1));

    assertTrue(error.getMessage().startsWith("uva-padova-t1d: integration failed for patient"
        + " child#001 at minute "), error.getMessage());
    assertTrue(error.getMessage().contains("below min_step_min 0.5"), error.getMessage());
    // The fasting half hour takes whole-minute steps; the meal at minute 30 needs shorter ones.
    assertEquals(30, error.partialTrace().minutes());
    assertEquals(patient.basalGlucose(), error.partialTrace().bloodGlucose()[29], 1e-3);
  }

  @Test
  void anImpossibleIntegratorSetUpIsRefusedBeforeRunning() {
    PluginException error = assertThrows(PluginException.class, () -> IntegratorSettings.from(
        Parameters.of("glucose.integrator", java.util.Map.of("min_step_min", 1e-2,
            "max_step_min", 1e-2))));
    assertEquals("glucose.integrator: integrator 'max_step_min' must be finite and above"
        + " min_step_min (0.01), got 0.01", error.getMessage());
  }

  private static double sum(double[] values, int stride) {
    double sum = 0;
    for (int i = 0; i < values.length; i += stride) {
      sum += values[i];
    }
    return sum;
  }
}
