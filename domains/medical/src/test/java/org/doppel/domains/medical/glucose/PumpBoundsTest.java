package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.control.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** No policy, however tuned and however its controller misbehaves, leaves the pump limits. */
class PumpBoundsTest {

  private static GlucoseTables tables;

  @BeforeAll
  static void load() throws IOException {
    tables = GlucoseTables.load();
  }

  @Test
  void noPolicyEverLeavesThePumpLimits() {
    for (String pumpName : tables.pumps().keySet()) {
      InsulinPump pump = tables.pumps().get(pumpName);
      ClosedLoop loop = new ClosedLoop(tables.sensors().get("GuardianRT"), pump,
          IntegratorSettings.DEFAULT, 5);
      // Big meals make big boluses; a 400 g meal asks for more than a pump gives in 5 min.
      List<MealPlan.Meal> meals = List.of(new MealPlan.Meal(60, 400), new MealPlan.Meal(600,
          90));
      for (String name : List.of("adolescent#002", "child#005")) {
        VirtualPatient patient = tables.patient(name);
        IobPidPolicy.Tuning aggressive = IobPidPolicy.Tuning.from(Parameters.of("pid",
            Map.of("tau_p_min", 1, "ti_min", 5, "td_min", 300, "iob_max_fraction_tdi", 50)));
        Controller wild = TestControllers.wild();
        Parameters mpc = Parameters.of("mpc", Map.of());
        List<InsulinPolicy> policies = List.of(new BasalBolusPolicy(patient, 140),
            new IobPidPolicy(patient, aggressive),
            new MpcPolicy(patient, wild.design(MpcPolicy.problem(patient, mpc, 5), mpc), 24),
            observation -> new InsulinPolicy.Dose(1e6, -1e6),
            observation -> new InsulinPolicy.Dose(Double.NaN, 1e12));
        for (InsulinPolicy policy : policies) {
          GlucoseTrace trace = loop.run(patient, policy, meals, 900, 3);
          assertWithin(pump, trace, pumpName + " " + name + " " + policy.getClass());
        }
      }
    }
  }

  private static void assertWithin(InsulinPump pump, GlucoseTrace trace, String what) {
    double[] basal = trace.basal();
    double[] bolus = trace.bolus();
    for (int m = 0; m < basal.length; m++) {
      assertTrue(basal[m] >= pump.minBasal() && basal[m] <= pump.maxBasal(),
          what + ": basal " + basal[m] + " at minute " + m);
      assertTrue(bolus[m] >= pump.minBolus() && bolus[m] <= pump.maxBolus(),
          what + ": bolus " + bolus[m] + " at minute " + m);
      double basalSteps = basal[m] * InsulinPump.PMOL_PER_UNIT / pump.basalIncrement();
      assertTrue(Math.abs(basalSteps - Math.rint(basalSteps)) < 1e-6
          || basal[m] == pump.maxBasal(), what + ": basal off the increment " + basal[m]);
    }
  }
}
