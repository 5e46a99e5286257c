package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

  private static GlucoseTables tables;

  @BeforeAll
  static void load() throws IOException {
    tables = GlucoseTables.load();
  }

  @Test
  void everyPatientsInitialStateIsItsBasalSteadyState() {
    for (VirtualPatient patient : tables.patients().values()) {
      UvaPadovaModel model = new UvaPadovaModel(patient);
      double[] dx = new double[VirtualPatient.STATES];
      model.derivative(patient.initialState(), patient.basalRate(), 0, 0, dx);
      for (int i = 0; i < dx.length; i++) {
        double scale = Math.max(1, Math.abs(patient.x0[i]));
        assertEquals(0, dx[i] / scale, 1e-6, patient.name() + " state " + i);
      }
      assertEquals(patient.gb, patient.plasmaGlucose(patient.initialState()), 1e-6,
          patient.name() + ": Gb = Gpb / Vg");
    }
  }

  @Test
  void glucoseStaysAtBasalForADayOnBasalInsulinWithoutMeals() {
    for (VirtualPatient patient : tables.patients().values()) {
      PatientSimulator simulator = new PatientSimulator(patient, IntegratorSettings.DEFAULT);
      double worst = 0;
      for (int minute = 0; minute < 1440; minute++) {
        simulator.step(patient.basalRate());
        worst = Math.max(worst, Math.abs(simulator.bloodGlucose() - patient.basalGlucose()));
      }
      assertTrue(worst < 1e-6, patient.name() + " drifted " + worst + " mg/dL from Gb");
      double[] state = simulator.state();
      for (int i = 0; i < state.length; i++) {
        assertEquals(patient.x0[i], state[i], 1e-7 * Math.max(1, Math.abs(patient.x0[i])),
            patient.name() + " state " + UvaPadovaDynamics.STATES.get(i));
      }
    }
  }
}
