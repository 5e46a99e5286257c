package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.dynamics.Linearization;
import org.junit.jupiter.api.Test;

class UvaPadovaDynamicsTest {

  private final UvaPadovaDynamics plant = new UvaPadovaDynamics().configure(
      Parameters.of("dynamics/uva-padova-t1d", Map.of("patient", "adult#005")));

  @Test
  void evaluatesPerSecondWithInsulinInUnitsPerMinute() {
    VirtualPatient patient = plant.patient();
    double[] state = patient.initialState();
    state[UvaPadovaModel.ISC1] += 50;
    double[] perMinute = new double[13];
    new UvaPadovaModel(patient).derivative(state, 0.05, 2, 40_000, perMinute);

    double[] perSecond = plant.evaluate(0, state, new double[] {0.05}, new double[] {2, 40_000});

    assertEquals("adult#005", patient.name());
    assertEquals(13, plant.stateNames().size());
    for (int i = 0; i < 13; i++) {
      assertEquals(perMinute[i] / 60, perSecond[i], 1e-15, plant.stateNames().get(i));
    }
  }

  @Test
  void linearisationAtBasalMatchesTheModelForSmallDeviations() {
    VirtualPatient patient = plant.patient();
    double[] basal = {patient.basalRate()};
    Linearization linear = plant.linearize(patient.initialState(), basal);

    // A small insulin excess and a snack: the linear and the nonlinear derivative agree.
    double[] state = patient.initialState();
    double[] deviation = new double[13];
    deviation[UvaPadovaModel.ISC1] = 5;
    deviation[UvaPadovaModel.QGUT] = 200;
    for (int i = 0; i < 13; i++) {
      state[i] += deviation[i];
    }
    double[] nonlinear = plant.evaluate(0, state, new double[] {basal[0] + 0.01},
        new double[] {0.5, 0});
    double[][] a = linear.a();
    for (int i = 0; i < 13; i++) {
      double predicted = linear.b()[i][0] * 0.01 + linear.g()[i][0] * 0.5;
      for (int j = 0; j < 13; j++) {
        predicted += a[i][j] * deviation[j];
      }
      assertEquals(nonlinear[i], predicted, 1e-6 * Math.max(1, Math.abs(nonlinear[i])),
          plant.stateNames().get(i));
    }
    assertEquals(100.0 / patient.bodyWeight(), linear.b()[UvaPadovaModel.ISC1][0],
        1e-6, "1 U/min is 6000 pmol/min over BW kg, per second");
    assertEquals(1000.0 / 60, linear.g()[UvaPadovaModel.QSTO1][0], 1e-6);
    assertEquals(0, linear.g()[UvaPadovaModel.QSTO1][1], 0);
  }

  @Test
  void theServiceIsBuiltByGuiceWithTheDefaultPatient() {
    UvaPadovaDynamics service = com.google.inject.Guice.createInjector()
        .getInstance(UvaPadovaDynamics.class);

    assertEquals("uva-padova-t1d", service.id());
    assertEquals(UvaPadovaDynamics.DEFAULT_PATIENT, service.patient().name());
    assertEquals(java.util.List.of("insulin [U/min]"), service.inputNames());
    assertEquals(2, service.disturbanceNames().size());
  }

  @Test
  void anUnknownPatientOrKeyIsRefused() {
    PluginException patient = assertThrows(PluginException.class, () -> plant.configure(
        Parameters.of("dynamics/uva-padova-t1d", Map.of("patient", "adult#99"))));
    assertTrue(patient.getMessage().startsWith("dynamics/uva-padova-t1d: parameter 'patient':"
        + " no virtual patient 'adult#99'"), patient.getMessage());
    assertThrows(PluginException.class, () -> plant.configure(
        Parameters.of("dynamics/uva-padova-t1d", Map.of("weight", 70))));
  }

  @Test
  void gastricEmptyingSlowsInMidMealAndIsFastWhenFasting() {
    UvaPadovaModel model = new UvaPadovaModel(plant.patient());
    VirtualPatient p = plant.patient();
    double meal = 60_000;

    assertEquals(p.kmax, model.gastricEmptying(0, 0), 0);
    double full = model.gastricEmptying(meal, meal);
    double half = model.gastricEmptying((p.b + p.d) / 2 * meal, meal);
    assertTrue(full > 0.9 * p.kmax, "a full stomach empties near kmax: " + full);
    assertTrue(half < p.kmin + 0.1 * (p.kmax - p.kmin), "mid-meal near kmin: " + half);
  }
}
